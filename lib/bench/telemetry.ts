/**
 * Telemetry refresh on the synthetic cluster: the demo traffic generator exports Istio metrics for
 * every route of the cluster, a real Prometheus scrapes them, and Gatewatch's Prometheus source
 * refreshes the edge figures of the whole topology. Counts the PromQL queries per refresh and times it.
 */
import type { RunningEmulator } from '../emulator';
import { storeSnapshot } from '../emulator/controller/store-snapshot';
import { startTrafficGenerator } from '../emulator/traffic';
import { buildTopology } from '../model';
import { PrometheusSource } from '../telemetry/prometheus';
import { startPrometheus } from './prometheus';
import type { TelemetryFigures } from './report';
import { summarize } from './stats';

export async function measureTelemetry(emu: RunningEmulator, promPort: number, o: { refreshes: number; scrapeSeconds: number }): Promise<TelemetryFigures & { edgesWithTraffic: number }> {
  const traffic = await startTrafficGenerator(emu.store, { seed: 1 });
  try {
    const prom = await startPrometheus(promPort, traffic.metricsUrl);
    try {
      await new Promise((r) => setTimeout(r, o.scrapeSeconds * 1000));
      const topology = buildTopology(storeSnapshot(emu.store), { cluster: { mode: 'demo', label: 'bench' }, health: { state: 'ok' }, kinds: [] }, 1);
      const source = new PrometheusSource({ url: prom.url, cacheMs: 0, ranges: { '1m': '30s' }, timeoutMs: 120_000 });
      const times: number[] = [];
      let queries = 0;
      let withTraffic = 0;
      for (let i = 0; i < o.refreshes; i++) {
        const before = source.requestsSent;
        const t0 = performance.now();
        const report = await source.report(topology, '1m');
        times.push(performance.now() - t0);
        if (report.error) throw new Error(report.error);
        queries = Math.max(queries, source.requestsSent - before);
        withTraffic = Object.values(report.edges).filter((e) => e.rps > 0).length;
      }
      return { queries, refreshMs: summarize(times), edges: topology.edges.length, edgesWithTraffic: withTraffic };
    } finally {
      await prom.stop();
    }
  } finally {
    await traffic.stop();
  }
}
