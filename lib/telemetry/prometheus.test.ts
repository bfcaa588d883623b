import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTopology, snapshotFromObjects } from '../model';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../model/testing/load-yaml';
import { PrometheusSource } from './prometheus';

const topology = buildTopology(snapshotFromObjects(loadYamlDir(REFERENCE_ENV_DIR)), { cluster: { mode: 'demo', label: 'demo' }, health: { state: 'ok' }, kinds: [] }, 1);

/** A stand-in for Prometheus on loopback whose behaviour each test sets. */
let handler: (req: IncomingMessage, res: ServerResponse) => void = () => {};
let hits = 0;
let server: Server;
let url = '';
const hanging = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const res of hanging) res.destroy();
  hanging.clear();
  hits = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const reply = (status: number, body: string, type = 'application/json') => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

describe('Prometheus source against a misbehaving server', () => {
  it('answers a valid vector with mapped edges and counts its queries', async () => {
    handler = (req, res) => {
      const q = new URL(req.url!, url).searchParams.get('query') ?? '';
      const result = q.includes('istio_requests_total')
        ? [{ metric: { reporter: 'source', source_workload: 'istio-http-ports-istio', source_workload_namespace: 'gateways', destination_service_name: 'a', destination_service_namespace: 'app2', response_code: '200' }, value: [1, '4'] }]
        : [];
      reply(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }))(req, res);
    };
    const src = new PrometheusSource({ url });
    const r = await src.report(topology, '5m');
    expect(r.error).toBeUndefined();
    expect(r.queries).toBe(7);
    expect(r.edges['attach|HTTPRoute:app2/app2|p0|http']?.rps).toBe(4);
    // Cached per window: a second refresh right away asks nothing.
    await src.report(topology, '5m');
    expect(hits).toBe(7);
    await src.report(topology, '1m');
    expect(hits).toBe(14);
  });

  it.each([
    ['garbage', reply(200, 'this is not json', 'text/plain'), /bad response.*not JSON/],
    ['HTTP 500', reply(500, 'internal error', 'text/plain'), /bad response: HTTP 500, not JSON/],
    ['a Prometheus error', reply(400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' })), /returned an error: parse error/],
    ['the wrong shape', reply(200, JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } })), /bad response: not an instant vector/],
    ['a label that is not a string', reply(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { reporter: 1 }, value: [1, '4'] }] } })), /bad response: not an instant vector/],
    ['a value that is not [time, "number"]', reply(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, 4] }] } })), /bad response: not an instant vector/],
  ])('reports %s as unavailable with the reason, without throwing', async (_name, h, reason) => {
    handler = h;
    const src = new PrometheusSource({ url });
    const r = await src.report(topology, '1m');
    expect(r.source).toBe('prometheus');
    expect(r.edges).toEqual({});
    expect(r.error).toMatch(reason);
  });

  it('times out a hanging Prometheus', async () => {
    handler = (_req, res) => void hanging.add(res);
    const src = new PrometheusSource({ url, timeoutMs: 300 });
    const r = await src.report(topology, '1m');
    expect(r.error).toMatch(/did not answer within 0.3 s/);
  });

  it('says unreachable when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const r = await new PrometheusSource({ url: `http://127.0.0.1:${port}` }).report(topology, '1m');
    expect(r.error).toMatch(/unreachable.*ECONNREFUSED/);
  });

  it('backs off after failures: one round of queries per backoff step, never a retry storm', async () => {
    handler = reply(500, 'down', 'text/plain');
    const src = new PrometheusSource({ url, backoffInitialMs: 100, backoffMaxMs: 400 });
    for (let i = 0; i < 20; i++) {
      const r = await src.report(topology, '1m');
      expect(r.error).toBeDefined();
    }
    // Twenty refreshes inside the first backoff step: a single round of 7 queries.
    expect(hits).toBe(7);
    expect(src.state().failures).toBe(1);
    for (let round = 0; round < 5; round++) {
      await new Promise((r) => setTimeout(r, src.state().retryAt - Date.now() + 5));
      await src.report(topology, '1m');
    }
    expect(hits).toBe(42);
    expect(src.state().failures).toBe(6);
    // The wait is capped.
    expect(src.state().retryAt - Date.now()).toBeLessThanOrEqual(400);
    // Recovery clears the error at the next allowed try.
    handler = reply(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    await new Promise((r) => setTimeout(r, src.state().retryAt - Date.now() + 5));
    const ok = await src.report(topology, '1m');
    expect(ok.error).toBeUndefined();
    expect(src.state().failures).toBe(0);
  });

  it('answers series points from query_range, and an error the same way', async () => {
    handler = (req, res) => {
      const u = new URL(req.url!, url);
      expect(u.pathname).toBe('/api/v1/query_range');
      const start = Number(u.searchParams.get('start'));
      const q = u.searchParams.get('query') ?? '';
      const result = q.includes('istio_requests_total')
        ? [{ metric: { reporter: 'source', source_workload: 'a', source_workload_namespace: 'app2', destination_service_name: 'b-v1', destination_service_namespace: 'app2', response_code: '503' }, values: [[start, '2'], [start + 5, '3']] }]
        : [];
      reply(200, JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }))(req, res);
    };
    const src = new PrometheusSource({ url });
    const s = await src.series(topology, 'backend|HTTPRoute:app2/b-split|r0|b0', '1m');
    expect(s.error).toBeUndefined();
    expect(s.step).toBe(5);
    expect(s.points).toHaveLength(13);
    expect(s.points.slice(0, 3).map((p) => [p.rps, p.errorRatio])).toEqual([[2, 1], [3, 1], [0, 0]]);
    handler = reply(502, 'bad gateway', 'text/plain');
    const broken = await new PrometheusSource({ url }).series(topology, 'backend|HTTPRoute:app2/b-split|r0|b0', '1m');
    expect(broken.points).toEqual([]);
    expect(broken.error).toMatch(/HTTP 502/);
  });
});
