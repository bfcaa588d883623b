/**
 * PATCH /api/split through the built Next server on the demo cluster: a good change from the dashboard's
 * own origin with the CSRF token works; cross-origin, missing CSRF, bad bodies, read-only mode → 4xx with
 * a clear message, and the route is byte-for-byte unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/lib/emulator';
import { startServer, type RunningServer } from '../helpers/server';
import { routeJson, weightsOf } from './split-kube';

interface Session {
  url: string;
  cookie: string;
  token: string;
}

async function session(url: string): Promise<Session> {
  const r = await fetch(`${url}/api/csrf`);
  const token = ((await r.json()) as { token: string }).token;
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  return { url, cookie, token };
}

function patch(s: Session, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/api/split`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin: s.url, cookie: s.cookie, 'x-gatewatch-csrf': s.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function change(rv: string, gen: number, w: unknown[] = [0, 1], extra: Record<string, unknown> = {}) {
  return {
    kind: 'HTTPRoute', namespace: 'app2', name: 'b-split', ruleIndex: 0, expectedResourceVersion: rv, expectedGeneration: gen,
    weights: w.map((weight, index) => ({ index, name: ['b-v1', 'b-v2', 'b-v3'][index], weight })),
    ...extra,
  };
}

describe('split API on the built server', () => {
  let emu: RunningEmulator;
  let srv: RunningServer;
  let s: Session;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => undefined });
    srv = await startServer({ env: { GATEWATCH_KUBECONFIG: emu.kubeconfigPath } });
    s = await session(srv.url);
  });
  afterAll(async () => {
    await srv?.stop();
    await emu?.stop();
  });

  const meta = async () => JSON.parse(await routeJson(emu.kubeconfigPath)).metadata as { resourceVersion: string; generation: number };

  it('applies a change from the dashboard origin and reports it', async () => {
    const m = await meta();
    const r = await patch(s, change(m.resourceVersion, m.generation));
    const body = await r.json();
    expect(r.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ changed: true, from: [2, 3], to: [0, 1], history: { recorded: true } });
    expect(weightsOf(await routeJson(emu.kubeconfigPath))).toEqual([0, 1]);
    const h = await (await fetch(`${srv.url}/api/split/history?kind=HTTPRoute&namespace=app2&name=b-split&rule=0`)).json();
    expect(h.entries[0]).toMatchObject({ from: [2, 3], to: [0, 1] });
    const a = await (await fetch(`${srv.url}/api/split/access?kind=HTTPRoute&namespace=app2&name=b-split`)).json();
    expect(a).toMatchObject({ readOnly: false, canPatch: true });
  });

  it.each([
    ['negative', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [-1, 1]), {}, 400, /must not be negative/],
    ['fractional', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [0.5, 1]), {}, 400, /whole number/],
    ['huge', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1e7, 1]), {}, 400, /at most 1,000,000/],
    ['missing weights', (m: { resourceVersion: string; generation: number }) => ({ ...change(m.resourceVersion, m.generation), weights: undefined }), {}, 400, /weights/],
    ['extra backend', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1, 1]), {}, 400, /got 3 weights/],
    ['extra field', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1], { force: true }), {}, 400, /force/],
    ['wrong rule index', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1], { ruleIndex: 9 }), {}, 400, /rule index 9 does not exist/],
    ['wrong kind', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1], { kind: 'Service' }), {}, 400, /must be one of HTTPRoute/],
    ['unknown route', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1], { name: 'nope' }), {}, 404, /app2\/nope does not exist/],
    ['all zero', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [0, 0]), {}, 400, /would be 0/],
    ['stale resourceVersion and generation', () => change('1', 0, [1, 1]), {}, 409, /changed by someone else/],
    ['cross-origin', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1]), { origin: 'http://evil.example' }, 403, /origin http:\/\/evil.example/],
    ['missing CSRF token', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1]), { 'x-gatewatch-csrf': '' }, 403, /CSRF/],
    ['wrong CSRF token', (m: { resourceVersion: string; generation: number }) => change(m.resourceVersion, m.generation, [1, 1]), { 'x-gatewatch-csrf': 'x'.repeat(32) }, 403, /CSRF/],
    ['not JSON', () => 'weights=1', { 'content-type': 'application/x-www-form-urlencoded' }, 415, /application\/json/],
    ['too large', (m: { resourceVersion: string; generation: number }) => ({ ...change(m.resourceVersion, m.generation), pad: 'x'.repeat(20_000) }), {}, 413, /too large/],
  ])('%s → 4xx with a clear message, route unchanged', async (_, make, headers, status, text) => {
    const before = await routeJson(emu.kubeconfigPath);
    const r = await patch(s, make(JSON.parse(before).metadata), headers as Record<string, string>);
    const body = (await r.json()) as { error: string; message: string };
    expect(r.status, JSON.stringify(body)).toBe(status);
    expect(body.message).toMatch(text);
    expect(typeof body.error).toBe('string');
    expect(await routeJson(emu.kubeconfigPath)).toBe(before);
  });
});

describe('split API in read-only mode', () => {
  it('refuses every write with 403 and says so in access', async () => {
    const emu = await startEmulator({ port: 0, log: () => undefined });
    const srv = await startServer({ env: { GATEWATCH_KUBECONFIG: emu.kubeconfigPath, GATEWATCH_READ_ONLY: '1' } });
    try {
      const s = await session(srv.url);
      const before = await routeJson(emu.kubeconfigPath);
      const m = JSON.parse(before).metadata;
      const r = await patch(s, change(m.resourceVersion, m.generation));
      expect(r.status).toBe(403);
      expect(((await r.json()) as { message: string }).message).toMatch(/read-only mode/);
      expect(await routeJson(emu.kubeconfigPath)).toBe(before);
      const a = await (await fetch(`${srv.url}/api/split/access?kind=HTTPRoute&namespace=app2&name=b-split`)).json();
      expect(a.readOnly).toBe(true);
    } finally {
      await srv.stop();
      await emu.stop();
    }
  });
});
