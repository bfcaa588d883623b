/** Reading requests: Accept negotiation (Table / PartialObjectMetadata / JSON), bodies, query flags. */
import type { IncomingMessage } from 'node:http';
import YAML from 'yaml';
import { StatusError, badRequest } from './errors';
import { decodeProtobuf } from './protobuf';

export type Representation = 'json' | 'table' | 'partial';

/** First representation in the Accept header that the emulator can produce (protobuf is skipped). */
export function negotiate(accept: string | undefined): Representation {
  if (!accept) return 'json';
  for (const raw of accept.split(',')) {
    const p = raw.replace(/\s+/g, '');
    if (p.includes('as=Table')) return 'table';
    if (p.includes('as=PartialObjectMetadata')) return 'partial';
    if (p.startsWith('application/json') || p.startsWith('*/*') || p.startsWith('application/*') || p.startsWith('application/yaml')) return 'json';
  }
  return 'json';
}

const MAX_BODY = 32 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRaw(req)).toString('utf8');
}

/** A create/update body: JSON, YAML, or the protobuf kubectl's typed commands send (a few kinds). */
export async function readObject(req: IncomingMessage): Promise<unknown> {
  const raw = await readRaw(req);
  const ct = req.headers['content-type'];
  if (ct?.includes('protobuf')) {
    try {
      return decodeProtobuf(raw);
    } catch (err) {
      throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (${(err as Error).message})`);
    }
  }
  return parseBody(raw.toString('utf8'), ct);
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new StatusError(413, 'RequestEntityTooLarge', 'the request body is too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, or YAML when the content type says so (apply-patch+yaml, application/yaml). */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (contentType?.includes('protobuf')) {
    throw new StatusError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
  }
  if (!text.trim()) throw badRequest('the request body is empty');
  try {
    if (contentType?.includes('yaml')) return YAML.parse(text);
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`error decoding the request body: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function flag(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}

/** kube derives a default fieldManager from the User-Agent's first word ("kubectl/v1.32 …" → "kubectl"). */
export function fieldManager(q: URLSearchParams, req: IncomingMessage): string {
  const m = q.get('fieldManager');
  if (m) return m;
  const ua = req.headers['user-agent'] ?? 'unknown';
  return ua.split('/')[0].trim() || 'unknown';
}
