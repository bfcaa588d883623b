/**
 * The built server (next start) against the demo cluster's kubeconfig as if it were a real cluster:
 * /api/topology, /api/events (live changes, resume, reset), /api/objects, /api/readyz and /api/healthz;
 * then the embedded demo mode, and an unreachable cluster.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator';
import type { RunningEmulator } from '../../lib/emulator/api';
import type { Topology, TopologyEvent } from '../../lib/wire/types';
import { Kubectl } from '../helpers/kubectl';
import { startServer, type RunningServer } from '../helpers/server';

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A server-sent-event reader over fetch. */
async function openEvents(url: string, headers: Record<string, string> = {}) {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, br', ...headers }, signal: ac.signal });
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  const frames: Frame[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const f: Frame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) f.comment = line.slice(1).trim();
            const m = /^(id|event|data): ?(.*)$/.exec(line);
            if (m) f[m[1] as 'id' | 'event' | 'data'] = m[2];
          }
          frames.push(f);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    res,
    frames,
    async next(pred: (f: Frame) => boolean, what: string, timeoutMs = 20_000): Promise<Frame> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const f = frames.find(pred);
        if (f) return f;
        if (Date.now() > end) throw new Error(`no ${what} on the event stream; got ${JSON.stringify(frames.slice(-5))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      ac.abort();
      await pump;
    },
  };
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as T };
}

async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('server on a kubeconfig (the demo cluster reached like a real one)', () => {
  let emu: RunningEmulator;
  let srv: RunningServer;
  let kubectl: Kubectl;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => {} });
    kubectl = new Kubectl(emu.kubeconfigPath);
    srv = await startServer({ env: { KUBECONFIG: emu.kubeconfigPath } });
  });
  afterAll(async () => {
    await srv?.stop();
    await emu?.stop();
    kubectl?.cleanup();
  });

  it('is ready and alive, and says which cluster it watches', async () => {
    expect((await fetch(`${srv.url}/api/healthz`)).status).toBe(200);
    const ready = await getJson<{ ready: boolean }>(`${srv.url}/api/readyz`);
    expect(ready).toMatchObject({ status: 200, body: { ready: true } });
    const c = await getJson<{ cluster: { mode: string; context: string; server: string }; health: { state: string } }>(`${srv.url}/api/cluster`);
    expect(c.body.cluster).toMatchObject({ mode: 'kubeconfig', context: 'gatewatch-demo', server: emu.url });
    expect(c.body.health.state).toBe('ok');
  });

  it('serves the topology of the reference environment, filtered on request', async () => {
    const { status, body: t } = await getJson<Topology>(`${srv.url}/api/topology`);
    expect(status).toBe(200);
    expect(t.revision).toBeGreaterThan(0);
    const ids = t.nodes.map((n) => n.id);
    expect(ids).toContain('HTTPRoute:app2/b-split');
    expect(ids).toContain('GatewayClass:istio');
    expect(t.kinds.find((k) => k.kind === 'HTTPRoute')).toMatchObject({ version: 'v1', installed: true, synced: true });
    const f = await getJson<Topology>(`${srv.url}/api/topology?namespace=app2&kind=HTTPRoute,Service`);
    expect(f.body.nodes.length).toBeGreaterThan(0);
    for (const n of f.body.nodes) {
      expect(['HTTPRoute', 'Service']).toContain(n.kind);
      expect(n.namespace).toBe('app2');
    }
    const kept = new Set(f.body.nodes.map((n) => n.id));
    for (const e of f.body.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
    const bad = await getJson<{ error: string; message: string }>(`${srv.url}/api/topology?kind=HttpRoute`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('bad_request');
    expect(bad.body.message).toMatch(/kind/);
  });

  it('streams a kubectl patch on /api/events and shows it on /api/topology', async () => {
    const ev = await openEvents(`${srv.url}/api/events`);
    try {
      expect(ev.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(ev.res.headers.get('cache-control')).toMatch(/no-transform/);
      expect(ev.res.headers.get('content-encoding')).toBeNull();
      const hello = await ev.next((f) => f.event === 'hello', 'hello');
      const start = Number(hello.id);
      const r = await kubectl.run(['patch', 'httproute', 'b-split', '-n', 'app2', '--type=merge', '-p', '{"spec":{"hostnames":["b.gatewatch.test"]}}']);
      expect(r.code, r.stderr).toBe(0);
      const frame = await ev.next((f) => f.event === 'topology' && (JSON.parse(f.data!) as TopologyEvent).changed.includes('HTTPRoute:app2/b-split'), 'the patched route');
      const te = JSON.parse(frame.data!) as TopologyEvent;
      expect(Number(frame.id)).toBe(te.revision);
      expect(te.revision).toBeGreaterThan(start);
      const t = (await getJson<Topology>(`${srv.url}/api/topology`)).body;
      expect(t.revision).toBeGreaterThanOrEqual(te.revision);
      const node = t.nodes.find((n) => n.id === 'HTTPRoute:app2/b-split') as { hostnames?: string[] };
      expect(node.hostnames).toContain('b.gatewatch.test');

      // Resume: a client that saw the revision before the patch gets it replayed.
      const resumed = await openEvents(`${srv.url}/api/events`, { 'Last-Event-ID': String(te.revision - 1) });
      try {
        const again = await resumed.next((f) => f.event === 'topology' && f.id === String(te.revision), 'the replayed event');
        expect(JSON.parse(again.data!)).toEqual(te);
        expect(resumed.frames.some((f) => f.event === 'hello' || f.event === 'reset')).toBe(false);
      } finally {
        await resumed.close();
      }
      // A client from long ago (or another server) is told to refetch.
      const stale = await openEvents(`${srv.url}/api/events`, { 'Last-Event-ID': '1' });
      try {
        const reset = await stale.next((f) => f.event === 'reset', 'reset');
        expect(Number(JSON.parse(reset.data!).revision)).toBeGreaterThanOrEqual(te.revision);
      } finally {
        await stale.close();
      }
    } finally {
      await ev.close();
    }
  });

  it('kubectl create and delete reach /api/topology', async () => {
    const manifest = JSON.stringify({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'srv-it', namespace: 'app1' },
      spec: { parentRefs: [{ name: 'envoy-http-ports', namespace: 'gateways' }], rules: [{ backendRefs: [{ name: 'httpbin', port: 8000 }] }] },
    });
    expect((await kubectl.run(['apply', '-f', '-'], manifest)).code).toBe(0);
    const has = async () => (await getJson<Topology>(`${srv.url}/api/topology`)).body.nodes.some((n) => n.id === 'HTTPRoute:app1/srv-it');
    await eventually('route in topology', async () => (await has()) || undefined);
    expect((await kubectl.run(['delete', 'httproute', 'srv-it', '-n', 'app1'])).code).toBe(0);
    await eventually('route gone from topology', async () => !(await has()) || undefined);
  });

  it('serves objects as the cluster holds them, Secrets as metadata only', async () => {
    const r = await getJson<{ kind: string; metadata: { name: string }; spec: unknown }>(`${srv.url}/api/objects/gateway.networking.k8s.io/v1/HTTPRoute/app2/b-split`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'HTTPRoute', metadata: { name: 'b-split' } });
    expect(r.body.spec).toBeDefined();
    const gc = await getJson<{ kind: string }>(`${srv.url}/api/objects/gateway.networking.k8s.io/v1/GatewayClass/istio`);
    expect(gc).toMatchObject({ status: 200, body: { kind: 'GatewayClass' } });
    const secretName = (await kubectl.run(['get', 'secrets', '-n', 'gateways', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout.trim();
    const s = await getJson<Record<string, unknown>>(`${srv.url}/api/objects/core/v1/Secret/gateways/${secretName}`);
    expect(s.status).toBe(200);
    expect(Object.keys(s.body).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    const missing = await getJson<{ error: string }>(`${srv.url}/api/objects/gateway.networking.k8s.io/v1/HTTPRoute/app2/nope`);
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const malformed = await getJson<{ error: string }>(`${srv.url}/api/objects/gateway.networking.k8s.io/v1/HTTPRoute`);
    expect(malformed).toMatchObject({ status: 400, body: { error: 'bad_request' } });
  });
});

describe('server in demo mode', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ env: { GATEWATCH_CLUSTER: 'demo' } });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('names the demo cluster and its gateways, and every route sees the same core', async () => {
    const t = (await getJson<Topology>(`${srv.url}/api/topology`)).body;
    const c = (await getJson<{ cluster: Topology['cluster'] }>(`${srv.url}/api/cluster`)).body;
    expect(t.cluster.label).toBe('Demo cluster (emulated)');
    expect(t.cluster.mode).toBe('demo');
    // A second core would have started a second demo cluster on another port.
    expect(c.cluster.server).toBe(t.cluster.server);
    expect(t.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['Gateway:gateways/envoy-http-ports', 'Gateway:gateways/istio-http-ports']));
    const ready = await getJson<{ ready: boolean }>(`${srv.url}/api/readyz`);
    expect(ready.status).toBe(200);
  });
});

describe('server on an unreachable cluster', () => {
  let srv: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'gw-srv-unreach-'));
  let closedUrl = '';
  beforeAll(async () => {
    const emu = await startEmulator({ port: 0, fixturesDir: null, log: () => {} });
    closedUrl = emu.url;
    const cfg = readFileSync(emu.kubeconfigPath, 'utf8');
    await emu.stop();
    writeFileSync(join(dir, 'closed.kubeconfig'), cfg);
    srv = await startServer({ env: { KUBECONFIG: join(dir, 'closed.kubeconfig') }, waitFor: 'healthz' });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('reports the cluster unreachable with the API error, and readyz 503', async () => {
    const ready = await eventually('readyz reasons', async () => {
      const r = await getJson<{ ready: boolean; reasons: string[] }>(`${srv.url}/api/readyz`);
      return r.body.reasons.some((x) => /unreachable/.test(x)) ? r : undefined;
    });
    expect(ready.status).toBe(503);
    expect(ready.body.reasons.join(' ')).toMatch(/ECONNREFUSED/);
    const t = (await getJson<Topology>(`${srv.url}/api/topology`)).body;
    expect(t.health.state).toBe('unreachable');
    expect(t.health.error).toMatch(/ECONNREFUSED/);
    expect(t.cluster).toMatchObject({ mode: 'kubeconfig', context: 'gatewatch-demo', server: closedUrl });
  });

  it('an unknown context is a clear cluster error', async () => {
    const other = await startServer({ env: { KUBECONFIG: join(dir, 'closed.kubeconfig'), GATEWATCH_CONTEXT: 'nope' }, waitFor: 'healthz' });
    try {
      const r = await getJson<{ reasons: string[] }>(`${other.url}/api/readyz`);
      expect(r.status).toBe(503);
      expect(r.body.reasons.join(' ')).toMatch(/context "nope" not found/);
      const t = (await getJson<Topology>(`${other.url}/api/topology`)).body;
      expect(t.health).toMatchObject({ state: 'unreachable' });
      expect(other.output()).toMatch(/context "nope" not found/);
    } finally {
      await other.stop();
    }
  });
});
