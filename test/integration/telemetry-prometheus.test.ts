/**
 * The demo traffic read through a real Prometheus: the demo cluster runs with its traffic generator,
 * Debian's /usr/bin/prometheus scrapes the generator's /metrics every second, and lib/telemetry's
 * Prometheus source maps its answers onto the reference environment's edges. The weight change goes
 * through kubectl. rate() ranges are shortened (15 s) so a change shows within seconds, not a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorStore, RunningEmulator } from '../../lib/emulator/api';
import { startEmulator } from '../../lib/emulator';
import type { KObject } from '../../lib/gateway-api/types';
import { buildTopology, snapshotFromObjects } from '../../lib/model';
import { PrometheusSource } from '../../lib/telemetry/prometheus';
import type { TelemetryReport, Topology } from '../../lib/wire/types';
import { Kubectl } from '../helpers/kubectl';
import { startPrometheus, type RunningPrometheus } from '../helpers/prometheus';

const GW = 'gateway.networking.k8s.io';
const V1 = 'backend|HTTPRoute:app2/b-split|r0|b0';
const V2 = 'backend|HTTPRoute:app2/b-split|r0|b1';
const TYPO = 'backend|HTTPRoute:app1/app1-typo|r0|b0';
const MONGO = ['attach|TCPRoute:app1/mongodb|p0|tcp-mongodb', 'attach|TCPRoute:app1/mongodb|p1|tcp-mongodb', 'backend|TCPRoute:app1/mongodb|r0|b0'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function topologyOf(store: EmulatorStore): Topology {
  const objects: KObject[] = [];
  for (const [group, kind] of [
    [GW, 'GatewayClass'], [GW, 'Gateway'], [GW, 'HTTPRoute'], [GW, 'TCPRoute'], ['', 'Service'], ['apps', 'Deployment'],
  ] as const) objects.push(...store.list(group, kind));
  return buildTopology(snapshotFromObjects(objects), { cluster: { mode: 'demo', label: 'Demo cluster (emulated)' }, health: { state: 'ok' }, kinds: [] }, 1);
}

/** Polls the report until `ok` holds or `timeoutMs` passes; returns the last report either way. */
async function reportUntil(source: PrometheusSource, store: EmulatorStore, ok: (r: TelemetryReport) => boolean, timeoutMs: number): Promise<TelemetryReport> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await source.report(topologyOf(store), '1m');
    if (ok(r) || Date.now() > until) return r;
    await sleep(1000);
  }
}

describe('telemetry through a real Prometheus', () => {
  let demo: RunningEmulator;
  let store: EmulatorStore;
  let kubectl: Kubectl;
  let prometheus: RunningPrometheus;
  let source: PrometheusSource;
  let started = 0;

  beforeAll(async () => {
    // Ten times the demo's rates: a 15 s window then holds enough calls for a tight share.
    demo = await startEmulator({ port: 0, traffic: { rateMultiplier: 10, tickMs: 100, seed: 7 }, log: () => {} });
    expect(demo.traffic, 'traffic generator').toBeDefined();
    store = demo.store;
    kubectl = new Kubectl(demo.kubeconfigPath);
    started = Date.now();
    prometheus = await startPrometheus([demo.traffic!.metricsUrl]);
    await prometheus.waitForTargetsUp();
    source = new PrometheusSource({ url: prometheus.url, ranges: { '1m': '15s' }, cacheMs: 500, minSeriesRangeSeconds: 5 });
  });

  afterAll(async () => {
    await prometheus?.stop();
    await demo?.stop();
    kubectl?.cleanup();
  });

  it('observes the b split near the configured 40/60, 100 % errors on app1-typo and MongoDB bytes', async () => {
    // About 30 s of traffic, as a user would watch it.
    await sleep(Math.max(0, 30_000 - (Date.now() - started)));
    const r = await reportUntil(source, store, (x) => x.edges[V1]?.observedShare !== undefined, 20_000);
    expect(r.error).toBeUndefined();
    expect(r.source).toBe('prometheus');
    expect(r.queries).toBeLessThanOrEqual(10);
    const v1 = r.edges[V1]!.observedShare!;
    const v2 = r.edges[V2]!.observedShare!;
    expect(Math.abs(v1 - 0.4)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(v2 - 0.6)).toBeLessThanOrEqual(0.1);
    expect(r.edges[V1]!.rps).toBeGreaterThan(0);
    expect(r.edges[V1]!.p95Ms).toBeGreaterThan(0);

    expect(r.edges[TYPO]!.rps).toBeGreaterThan(0);
    expect(r.edges[TYPO]!.errorRatio).toBe(1);

    for (const id of MONGO) expect(r.edges[id]?.tcpBytesPerSec, id).toBeGreaterThan(0);
  });

  it('follows a weight change to 0/1: the observed v1 share falls below 10 %', async () => {
    const patch = [
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/weight', value: 0 },
      { op: 'replace', path: '/spec/rules/0/backendRefs/1/weight', value: 1 },
    ];
    const res = await kubectl.run(['-n', 'app2', 'patch', 'httproute', 'b-split', '--type=json', '-p', JSON.stringify(patch)]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);

    const r = await reportUntil(source, store, (x) => (x.edges[V1]?.observedShare ?? 1) < 0.1, 60_000);
    expect(r.edges[V1]?.observedShare).toBeLessThan(0.1);
    expect(r.edges[V2]?.observedShare).toBeGreaterThan(0.9);
  });

  it('charts an edge over the window', async () => {
    const s = await source.series(topologyOf(store), V2, '1m');
    expect(s.error).toBeUndefined();
    expect(s.points.length).toBeGreaterThan(5);
    expect(s.points.some((p) => p.rps > 0)).toBe(true);
  });

  it('reports Prometheus down with the reason, without throwing', async () => {
    const url = prometheus.url;
    await prometheus.stop();
    const down = new PrometheusSource({ url, timeoutMs: 2000 });
    const r = await down.report(topologyOf(store), '1m');
    expect(r.source).toBe('prometheus');
    expect(r.edges).toEqual({});
    expect(r.error).toMatch(/unreachable/);
    // Within the backoff no new request goes out.
    const sent = down.requestsSent;
    const again = await down.report(topologyOf(store), '1m');
    expect(again.error).toMatch(/next try in/);
    expect(down.requestsSent).toBe(sent);
  });
});
