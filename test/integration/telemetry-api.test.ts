/**
 * /api/telemetry and /api/telemetry/series on the built server: live demo traffic with nothing else
 * installed, and a Prometheus that answers garbage (telemetry marked unavailable, graph still served).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator';
import type { RunningEmulator } from '../../lib/emulator/api';
import type { EdgeSeries } from '../../lib/telemetry/source';
import type { TelemetryReport, Topology } from '../../lib/wire/types';
import { startServer, type RunningServer } from '../helpers/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

const V1 = 'backend|HTTPRoute:app2/b-split|r0|b0';
const APP2 = 'attach|HTTPRoute:app2/app2|p0|http';

describe('telemetry API in demo mode', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ env: { GATEWATCH_CLUSTER: 'demo', GATEWATCH_PROMETHEUS_URL: undefined } });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('shows the demo traffic on the edges of /api/topology', async () => {
    const topology = (await getJson<Topology>(`${srv.url}/api/topology`)).body;
    const ids = new Set(topology.edges.map((e) => e.id));
    let r: TelemetryReport | undefined;
    // The generator needs a few seconds of samples before a split has an observed share.
    for (let i = 0; i < 60; i++) {
      const res = await getJson<TelemetryReport>(`${srv.url}/api/telemetry?window=1m`);
      expect(res.status).toBe(200);
      r = res.body;
      if (r.edges[V1]?.observedShare !== undefined && r.edges['backend|HTTPRoute:app1/app1-typo|r0|b0']) break;
      await sleep(1000);
    }
    expect(r).toMatchObject({ source: 'demo', window: '1m' });
    expect(r!.error).toBeUndefined();
    expect(r!.queries).toBeLessThanOrEqual(10);
    for (const id of Object.keys(r!.edges)) expect(ids.has(id), id).toBe(true);
    expect(r!.edges[APP2]!.rps).toBeGreaterThan(0);
    expect(r!.edges[V1]!.observedShare).toBeGreaterThanOrEqual(0);
    expect(r!.edges['backend|HTTPRoute:app1/app1-typo|r0|b0']!.errorRatio).toBe(1);
  });

  it('serves a series for one edge', async () => {
    const res = await getJson<EdgeSeries>(`${srv.url}/api/telemetry/series?window=1m&edge=${encodeURIComponent(APP2)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'demo', window: '1m', edge: APP2, step: 5 });
    expect(res.body.points.length).toBeGreaterThan(0);
    expect(res.body.points.some((p) => p.rps > 0)).toBe(true);
  });

  it('rejects a bad window, a missing edge and an unknown edge', async () => {
    expect(await getJson(`${srv.url}/api/telemetry?window=2m`)).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await getJson(`${srv.url}/api/telemetry/series?window=1m`)).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await getJson(`${srv.url}/api/telemetry/series?edge=nope`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });
});

describe('telemetry API with a Prometheus that answers garbage', () => {
  let emu: RunningEmulator;
  let garbage: Server;
  let hits = 0;
  let srv: RunningServer;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => {} });
    garbage = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('<html>not prometheus</html>');
    });
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
    srv = await startServer({ env: { GATEWATCH_KUBECONFIG: emu.kubeconfigPath, GATEWATCH_PROMETHEUS_URL: url } });
  });
  afterAll(async () => {
    await srv?.stop();
    garbage?.closeAllConnections();
    await new Promise<void>((r) => (garbage ? garbage.close(() => r()) : r()));
    await emu?.stop();
  });

  it('marks telemetry unavailable with the reason, keeps serving the graph, and does not retry in a loop', async () => {
    const r = await getJson<TelemetryReport>(`${srv.url}/api/telemetry?window=5m`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ source: 'prometheus', edges: {} });
    expect(r.body.error).toMatch(/Prometheus returned a bad response/);
    const afterFirst = hits;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThanOrEqual(10);
    for (let i = 0; i < 10; i++) {
      const again = await getJson<TelemetryReport>(`${srv.url}/api/telemetry?window=5m`);
      expect(again.body.error).toBeDefined();
    }
    // Ten refreshes inside the backoff step: no new queries.
    expect(hits).toBe(afterFirst);
    const topology = await getJson<Topology>(`${srv.url}/api/topology`);
    expect(topology.status).toBe(200);
    expect(topology.body.nodes.length).toBeGreaterThan(0);
  });
});
