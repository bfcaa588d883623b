/**
 * The demo telemetry source: reads the embedded traffic generator's in-process counters (no
 * Prometheus needed) and answers the same bounded query set, mapped by the same code.
 */
import type { TelemetryReport, TelemetryWindow, Topology } from '../wire/types';
import { sumBy, type RawRate } from './aggregate';
import { mapTelemetry, type QueryResults } from './map';
import { buildQueries } from './queries';
import { WINDOW_SECONDS, seriesStepSeconds, unavailableReport, type EdgeSeries, type SeriesPoint, type TelemetrySource } from './source';

/** What the demo source needs from the generator (lib/emulator/traffic's TrafficGenerator has it). */
export interface RateHistory {
  rates(windowSeconds: number, atMs?: number): RawRate[];
  span(): { from: number; to: number } | undefined;
}

export class DemoSource implements TelemetrySource {
  readonly kind = 'demo' as const;

  constructor(private readonly generator: () => RateHistory | undefined) {}

  private results(topology: Topology | null, windowSeconds: number, atMs?: number): { results: QueryResults; queries: number } {
    const g = this.generator();
    const rates = g ? g.rates(windowSeconds, atMs) : [];
    const specs = buildQueries(topology, `${windowSeconds}s`);
    const results: QueryResults = {};
    for (const spec of specs) results[spec.id] = sumBy(rates, spec);
    return { results, queries: specs.length };
  }

  async report(topology: Topology, window: TelemetryWindow): Promise<TelemetryReport> {
    if (!this.generator()) return unavailableReport(window, 'demo', 'the demo traffic generator is not running');
    const { results, queries } = this.results(topology, WINDOW_SECONDS[window]);
    return { source: 'demo', window, generatedAt: new Date().toISOString(), edges: mapTelemetry(topology, results), queries };
  }

  async series(topology: Topology, edgeId: string, window: TelemetryWindow): Promise<EdgeSeries> {
    const step = seriesStepSeconds(window);
    const g = this.generator();
    if (!g) return { source: 'demo', window, edge: edgeId, step, points: [], error: 'the demo traffic generator is not running' };
    const span = g.span();
    const points: SeriesPoint[] = [];
    if (span) {
      // Shares are not charted: map only the asked-for edge.
      const one = { nodes: topology.nodes, edges: topology.edges.filter((e) => e.id === edgeId) };
      const end = span.to;
      // Right after start the first steps see less than a full step of history: rates over what there is.
      const start = Math.max(span.from + 1000, end - WINDOW_SECONDS[window] * 1000 + step * 1000);
      for (let t = end; t >= start; t -= step * 1000) {
        const e = mapTelemetry(one, this.results(topology, step, t).results)[edgeId];
        points.push(pointOf(Math.round(t / 1000), e));
      }
      points.reverse();
    }
    return { source: 'demo', window, edge: edgeId, step, points };
  }
}

export function pointOf(t: number, e: { rps: number; errorRatio: number; p95Ms?: number; tcpBytesPerSec?: number } | undefined): SeriesPoint {
  const p: SeriesPoint = { t, rps: e?.rps ?? 0, errorRatio: e?.errorRatio ?? 0 };
  if (e?.p95Ms !== undefined) p.p95Ms = e.p95Ms;
  if (e?.tcpBytesPerSec !== undefined) p.tcpBytesPerSec = e.tcpBytesPerSec;
  return p;
}
