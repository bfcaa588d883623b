/**
 * Telemetry refresh on the synthetic cluster: the demo traffic generator exports Istio metrics for
 * every route of the cluster (the compact profile: client-side reports, the queried labels, fewer
 * buckets), a real Prometheus scrapes them, and Gatewatch's Prometheus source refreshes the edge
 * figures of the whole topology. Counts the PromQL queries per refresh, times it and splits the time
 * between Prometheus answering, decoding the answers and mapping them onto edges.
 */
import type { RunningEmulator } from '../emulator';
import { storeSnapshot } from '../emulator/controller/store-snapshot';
import { startTrafficGenerator } from '../emulator/traffic';
import { buildTopology } from '../model';
import { PrometheusSource } from '../telemetry/prometheus';
import { startPrometheus } from './prometheus';
import type { TelemetryFigures } from './report';
import { summarize, type Summary } from './stats';

export interface TelemetryDetails {
  edgesWithTraffic: number;
  /** Share of the routes that had clients (1: all; see maxActiveRoutes). */
  activeRouteShare: number;
  /** The generator's /metrics exposition when the refreshes ran. */
  exposition: { series: number; bytes: number; routes: number };
  /** Prometheus' scrape of it. */
  scrape: { intervalSeconds: number; durationSeconds: number; samples: number };
  /** rate() range of the refreshes. */
  range: string;
  /** Median split of a refresh (ms) and the series the answers held. */
  split: { queryMs: Summary; decodeMs: Summary; mapMs: Summary; series: number };
}

export interface TelemetryOptions {
  refreshes: number;
  /** Total simulated requests per second (default 500, the generator's cap). */
  totalRate?: number;
  /** Routes with clients at most (default 2,000): above it a hashed share of the routes is busy. */
  maxActiveRoutes?: number;
}

/** Scrape interval by cluster size: the scrape of a large exposition must end before the next begins. */
export function scrapeIntervalFor(routes: number): number {
  return routes <= 300 ? 5 : routes <= 3000 ? 15 : 30;
}

/** Series (non-comment lines) of a Prometheus text exposition. */
export function countSeries(text: string): number {
  let n = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop > start && text.charCodeAt(start) !== 35 /* # */) n++;
    start = stop + 1;
  }
  return n;
}

export async function measureTelemetry(emu: RunningEmulator, promPort: number, o: TelemetryOptions): Promise<TelemetryFigures & TelemetryDetails> {
  const routes = ['HTTPRoute', 'GRPCRoute', 'TCPRoute'].reduce((a, k) => a + emu.store.list('gateway.networking.k8s.io', k).length, 0);
  const activeRouteShare = Math.min(1, (o.maxActiveRoutes ?? 2000) / Math.max(1, routes));
  const traffic = await startTrafficGenerator(emu.store, {
    seed: 1,
    profile: 'compact',
    // Prometheus is the only reader: no in-process history.
    history: false,
    maxTotalRate: o.totalRate ?? 500,
    activeRouteShare,
  });
  try {
    const interval = scrapeIntervalFor(routes);
    // Enough points for rate(): at least three scrapes in the range.
    const rangeSeconds = Math.max(30, 3 * interval);
    const prom = await startPrometheus(promPort, traffic.metricsUrl, { scrapeSeconds: interval });
    try {
      await prom.waitForScrapes(Math.ceil(rangeSeconds / interval) + 1, (rangeSeconds + 4 * interval) * 1000 + 60_000);
      const topology = buildTopology(storeSnapshot(emu.store), { cluster: { mode: 'demo', label: 'bench' }, health: { state: 'ok' }, kinds: [] }, 1);
      const range = `${rangeSeconds}s`;
      const source = new PrometheusSource({ url: prom.url, cacheMs: 0, ranges: { '1m': range }, timeoutMs: 120_000 });
      const times: number[] = [];
      const split = { queryMs: [] as number[], decodeMs: [] as number[], mapMs: [] as number[] };
      let queries = 0;
      let withTraffic = 0;
      let series = 0;
      for (let i = 0; i < o.refreshes; i++) {
        const before = source.requestsSent;
        const t0 = performance.now();
        const report = await source.report(topology, '1m');
        times.push(performance.now() - t0);
        if (report.error) throw new Error(report.error);
        queries = Math.max(queries, source.requestsSent - before);
        withTraffic = Object.values(report.edges).filter((e) => e.rps > 0).length;
        const t = source.lastTimings;
        if (t) {
          split.queryMs.push(t.queryMs);
          split.decodeMs.push(t.decodeMs);
          split.mapMs.push(t.mapMs);
          series = t.series;
        }
      }
      const scrape = await prom.scrapeStats();
      const text = await traffic.metricsText();
      return {
        queries,
        refreshMs: summarize(times),
        edges: topology.edges.length,
        edgesWithTraffic: withTraffic,
        activeRouteShare,
        exposition: { series: countSeries(text), bytes: Buffer.byteLength(text), routes },
        scrape: { intervalSeconds: interval, durationSeconds: scrape?.durationSeconds ?? NaN, samples: scrape?.samples ?? 0 },
        range,
        split: { queryMs: summarize(split.queryMs), decodeMs: summarize(split.decodeMs), mapMs: summarize(split.mapMs), series },
      };
    } finally {
      await prom.stop();
    }
  } finally {
    await traffic.stop();
  }
}
