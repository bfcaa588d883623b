import { describe, expect, it } from 'vitest';
import { SplitError } from './errors';
import { checkCsrf, checkOrigin, readJsonBody, requestUser } from './guard';

const h = (o: Record<string, string>) => new Headers(o);
async function code(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (e) {
    if (e instanceof SplitError) return e.code;
    throw e;
  }
}

describe('request guards', () => {
  it('origin must equal the host', async () => {
    expect(await code(() => checkOrigin(h({ host: 'localhost:3000', origin: 'http://localhost:3000' })))).toBeUndefined();
    expect(await code(() => checkOrigin(h({ host: 'localhost:3000', origin: 'http://evil.example' })))).toBe('cross_origin');
    expect(await code(() => checkOrigin(h({ host: 'localhost:3000', origin: 'null' })))).toBe('cross_origin');
    expect(await code(() => checkOrigin(h({ host: 'localhost:3000', cookie: 'a=b' })))).toBe('cross_origin');
    expect(await code(() => checkOrigin(h({ host: 'localhost:3000' })))).toBeUndefined();
  });

  it('CSRF header must match the cookie', async () => {
    expect(await code(() => checkCsrf(h({ cookie: 'gatewatch_csrf=abc', 'x-gatewatch-csrf': 'abc' })))).toBeUndefined();
    expect(await code(() => checkCsrf(h({ cookie: 'gatewatch_csrf=abc', 'x-gatewatch-csrf': 'abd' })))).toBe('csrf');
    expect(await code(() => checkCsrf(h({ 'x-gatewatch-csrf': 'abc' })))).toBe('csrf');
    expect(await code(() => checkCsrf(h({ cookie: 'gatewatch_csrf=abc' })))).toBe('csrf');
  });

  it('body: JSON only, size-limited, parsed', async () => {
    const req = (body: string, type = 'application/json') => new Request('http://x/api/split', { method: 'PATCH', headers: { 'content-type': type }, body });
    expect(await readJsonBody(req('{"a":1}'))).toEqual({ a: 1 });
    expect(await code(() => readJsonBody(req('{"a":1}', 'text/plain')))).toBe('unsupported_media_type');
    expect(await code(() => readJsonBody(req('{'.repeat(10))))).toBe('bad_request');
    expect(await code(() => readJsonBody(req(JSON.stringify({ pad: 'x'.repeat(20_000) }))))).toBe('too_large');
  });

  it('user from an authenticating proxy', () => {
    expect(requestUser(h({ 'x-forwarded-user': 'alice' }))).toBe('alice');
    expect(requestUser(h({}))).toBeUndefined();
  });
});
