/**
 * Request guards of the split API, on standard Web Request objects (no Next.js): same-origin check,
 * double-submit CSRF token, JSON content type, and a body size limit. Each throws SplitError.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SplitError } from './errors';

export const CSRF_COOKIE = 'gatewatch_csrf';
export const CSRF_HEADER = 'x-gatewatch-csrf';
/** Largest accepted body: a weight change is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The Set-Cookie value for the CSRF cookie: same-site only, not readable by scripts. */
export function csrfCookie(token: string, secure: boolean): string {
  return `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/**
 * The dashboard's own origin is the Host the request was sent to. A browser always sends Origin on a
 * PATCH/POST; one that differs is cross-site. A request without Origin that carries cookies is treated
 * as a browser request whose origin is hidden, and refused as well.
 */
export function checkOrigin(headers: Headers): void {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!origin) {
    if (headers.get('cookie')) {
      throw new SplitError('cross_origin', 'Refused: a request with cookies but without an Origin header. Changes are accepted only from the dashboard itself.');
    }
    return;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new SplitError('cross_origin', `Refused: the Origin header "${origin}" is not a URL.`);
  }
  if (!host || originHost !== host) {
    throw new SplitError('cross_origin', `Refused: a change from origin ${origin} (changes are accepted only from the dashboard at ${host ?? 'its own origin'}).`);
  }
}

/** Double-submit: the header must carry the same token as the cookie set by GET /api/csrf. */
export function checkCsrf(headers: Headers): void {
  const cookie = readCookie(headers.get('cookie'), CSRF_COOKIE);
  const header = headers.get(CSRF_HEADER);
  if (!cookie || !header) {
    throw new SplitError('csrf', `Refused: missing CSRF token (GET /api/csrf, then send it in the ${CSRF_HEADER} header with the cookie).`);
  }
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new SplitError('csrf', 'Refused: the CSRF token does not match.');
}

/** Reads a JSON body of at most `limit` bytes (counted while streaming, not trusted from Content-Length). */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new SplitError('unsupported_media_type', `Send the change as application/json (got ${type || 'no Content-Type'}).`);
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooLarge = () => new SplitError('too_large', `Request body too large: the limit is ${limit} bytes.`);
  if (declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SplitError('bad_request', 'The request body is not valid JSON.');
  }
}

/** The user name an authenticating proxy put in front of the dashboard reports, if any (for history only). */
export function requestUser(headers: Headers): string | undefined {
  for (const h of ['x-forwarded-user', 'x-auth-request-user', 'x-forwarded-email', 'x-auth-request-email']) {
    const v = headers.get(h)?.trim();
    if (v) return v.slice(0, 128);
  }
  return undefined;
}
