/**
 * GET /api/csrf: a fresh CSRF token, in the body and as a SameSite=Strict HttpOnly cookie. Writes
 * (PATCH /api/split) must echo it in the x-gatewatch-csrf header along with the cookie (double submit).
 */
import { CSRF_HEADER, csrfCookie, newCsrfToken } from '@/lib/split/guard';
import { json } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

export function GET(req: Request): Response {
  const token = newCsrfToken();
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  return json({ token, header: CSRF_HEADER }, 200, { 'Set-Cookie': csrfCookie(token, secure) });
}
