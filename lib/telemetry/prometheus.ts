/**
 * The Prometheus telemetry source: the bounded query set over the HTTP API (`/api/v1/query`,
 * `/api/v1/query_range`), each request with a timeout, answers cached per window for a few seconds,
 * and after a failure no new request until a capped exponential backoff has passed. A refresh never
 * retries by itself, so a broken Prometheus costs at most one round of queries per backoff step.
 */
import { z } from 'zod';
import type { TelemetryReport, TelemetryWindow, Topology } from '../wire/types';
import { pointOf } from './demo';
import { mapTelemetry, type QueryResults } from './map';
import { buildQueries, buildSeriesQueries, type BuiltQuery } from './queries';
import { WINDOW_SECONDS, seriesStepSeconds, unavailableReport, type EdgeSeries, type Sample, type SeriesPoint, type TelemetrySource } from './source';

export interface PrometheusOptions {
  /** Base URL of Prometheus, e.g. http://127.0.0.1:9090 (a path prefix is kept). */
  url: string;
  /** Per request (default 5000 ms). */
  timeoutMs?: number;
  /** How long an answer is reused for the same window (default 5000 ms). */
  cacheMs?: number;
  /** rate() range per window; default the window itself. Tests use short ranges. */
  ranges?: Partial<Record<TelemetryWindow, string>>;
  /** Shortest rate() range of the series (default 30 s: two scrapes at Prometheus' usual 15 s). */
  minSeriesRangeSeconds?: number;
  /** First and longest wait after a failure (defaults 2 s and 60 s). */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

export interface RefreshTimings {
  /** Wall time of the parallel queries: Prometheus evaluating them and sending the answers. */
  queryMs: number;
  /** JSON parsing and validation of the answers. */
  decodeMs: number;
  /** lib/telemetry/map.ts mapping the results onto the topology's edges. */
  mapMs: number;
  /** Series in the answers. */
  series: number;
}

/** A failure whose message is meant for the user ("telemetry unavailable: <message>"). */
export class TelemetryError extends Error {}

// The envelope is checked by zod; the elements (tens of thousands on a large mesh) by the loop in
// toSamples, which costs a tenth of a per-element schema.
const vectorBody = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.literal('vector'), result: z.array(z.unknown()) }),
});

/** Instant-vector elements as samples, or undefined when one is not `{metric: {…strings}, value: [number, string]}`. */
export function toSamples(result: readonly unknown[]): Sample[] | undefined {
  const out: Sample[] = new Array(result.length);
  for (let i = 0; i < result.length; i++) {
    const r = result[i] as { metric?: unknown; value?: unknown } | null;
    if (typeof r !== 'object' || r === null) return undefined;
    const { metric, value } = r;
    if (typeof metric !== 'object' || metric === null || Array.isArray(metric)) return undefined;
    for (const k in metric) if (typeof (metric as Record<string, unknown>)[k] !== 'string') return undefined;
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number' || typeof value[1] !== 'string') return undefined;
    out[i] = { labels: metric as Record<string, string>, value: Number(value[1]) };
  }
  return out;
}

const matrixBody = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(z.tuple([z.number(), z.string()])) })),
  }),
});

const errorBody = z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string() });

interface Cached<T> {
  at: number;
  value: T;
  queries: number;
}

const TCP_ROUTE_KINDS = new Set(['TCPRoute', 'TLSRoute', 'UDPRoute']);

export class PrometheusSource implements TelemetrySource {
  readonly kind = 'prometheus' as const;
  private readonly base: string;
  private readonly cache = new Map<string, Cached<unknown>>();
  private readonly inflight = new Map<string, Promise<Cached<unknown>>>();
  private failures = 0;
  private retryAt = 0;
  private lastError = '';
  /** Requests sent to Prometheus since start (for tests and the benchmark). */
  requestsSent = 0;
  /** Where the last uncached report spent its time (for the benchmark). */
  lastTimings: RefreshTimings | undefined;
  private parseMs = 0;

  constructor(private readonly opts: PrometheusOptions) {
    this.base = opts.url.endsWith('/') ? opts.url : `${opts.url}/`;
  }

  private range(window: TelemetryWindow): string {
    return this.opts.ranges?.[window] ?? window;
  }

  async report(topology: Topology, window: TelemetryWindow): Promise<TelemetryReport> {
    const queries = buildQueries(topology, this.range(window));
    try {
      const c = await this.cached(`instant|${window}|${queries.map((q) => q.id).join(',')}`, () => this.instantAll(queries));
      const t0 = performance.now();
      const edges = mapTelemetry(topology, c.value);
      if (this.lastTimings) this.lastTimings.mapMs = performance.now() - t0;
      return { source: 'prometheus', window, generatedAt: new Date().toISOString(), edges, queries: c.queries };
    } catch (e) {
      return { ...unavailableReport(window, 'prometheus', this.describe(e)), queries: 0 };
    }
  }

  async series(topology: Topology, edgeId: string, window: TelemetryWindow): Promise<EdgeSeries> {
    const step = seriesStepSeconds(window);
    const edge = topology.edges.find((e) => e.id === edgeId);
    const tcp = !!edge && topology.nodes.some((n) => (n.id === edge.source || n.id === edge.target) && TCP_ROUTE_KINDS.has(n.kind));
    const range = `${Math.max(2 * step, this.opts.minSeriesRangeSeconds ?? 30)}s`;
    const queries = buildSeriesQueries(range, tcp);
    const end = Math.floor(Date.now() / 1000 / step) * step;
    const start = end - WINDOW_SECONDS[window];
    try {
      const byTime = (await this.cached(`range|${window}|${tcp}|${end}`, () => this.rangeAll(queries, start, end, step))).value;
      const one = { nodes: topology.nodes, edges: edge ? [edge] : [] };
      const points: SeriesPoint[] = [];
      for (let t = start; t <= end; t += step) points.push(pointOf(t, byTime.has(t) ? mapTelemetry(one, byTime.get(t)!)[edgeId] : undefined));
      return { source: 'prometheus', window, edge: edgeId, step, points };
    } catch (e) {
      return { source: 'prometheus', window, edge: edgeId, step, points: [], error: this.describe(e) };
    }
  }

  /** Failures so far and when the next request may go out (for the badge and tests). */
  state(): { failures: number; retryAt: number; lastError?: string } {
    return { failures: this.failures, retryAt: this.retryAt, lastError: this.lastError || undefined };
  }

  private async cached<T>(key: string, load: () => Promise<Cached<T>>): Promise<Cached<T>> {
    const now = Date.now();
    // Entries are only ever stored under a key by a load() of the same T.
    const hit = this.cache.get(key) as Cached<T> | undefined;
    if (hit && now - hit.at < (this.opts.cacheMs ?? 5000)) return hit;
    const running = this.inflight.get(key) as Promise<Cached<T>> | undefined;
    if (running) return running;
    if (now < this.retryAt) {
      throw new TelemetryError(`${this.lastError}; next try in ${Math.ceil((this.retryAt - now) / 1000)} s`);
    }
    const p = load().then(
      (c) => {
        this.failures = 0;
        this.retryAt = 0;
        this.lastError = '';
        this.cache.set(key, c);
        // Range answers are keyed by their end time: keep the map from growing.
        if (this.cache.size > 32) for (const k of [...this.cache.keys()].slice(0, this.cache.size - 32)) this.cache.delete(k);
        return c;
      },
      (e: unknown) => {
        this.failures++;
        const initial = this.opts.backoffInitialMs ?? 2000;
        const max = this.opts.backoffMaxMs ?? 60_000;
        this.retryAt = Date.now() + Math.min(max, initial * 2 ** (this.failures - 1));
        this.lastError = this.describe(e);
        throw e;
      },
    );
    this.inflight.set(key, p);
    try {
      return await p;
    } finally {
      this.inflight.delete(key);
    }
  }

  private describe(e: unknown): string {
    if (e instanceof TelemetryError) return e.message;
    return `Prometheus query failed: ${e instanceof Error ? e.message : String(e)}`;
  }

  private async instantAll(queries: BuiltQuery[]): Promise<Cached<QueryResults>> {
    const t0 = performance.now();
    this.parseMs = 0;
    const bodies = await Promise.all(queries.map((q) => this.get('api/v1/query', { query: q.promql })));
    const t1 = performance.now();
    const results: QueryResults = {};
    let series = 0;
    queries.forEach((q, i) => {
      const parsed = vectorBody.safeParse(bodies[i]);
      const samples = parsed.success ? toSamples(parsed.data.data.result) : undefined;
      if (!samples) throw new TelemetryError(`Prometheus returned a bad response: not an instant vector (${q.id})`);
      results[q.id] = samples;
      series += samples.length;
    });
    // JSON.parse runs on this thread between the answers: count it as decoding, not as waiting.
    this.lastTimings = { queryMs: t1 - t0 - this.parseMs, decodeMs: this.parseMs + performance.now() - t1, mapMs: 0, series };
    return { at: Date.now(), value: results, queries: queries.length };
  }

  private async rangeAll(queries: BuiltQuery[], start: number, end: number, step: number): Promise<Cached<Map<number, QueryResults>>> {
    const bodies = await Promise.all(
      queries.map((q) => this.get('api/v1/query_range', { query: q.promql, start: String(start), end: String(end), step: String(step) })),
    );
    const byTime = new Map<number, QueryResults>();
    queries.forEach((q, i) => {
      const parsed = matrixBody.safeParse(bodies[i]);
      if (!parsed.success) throw new TelemetryError(`Prometheus returned a bad response: not a range matrix (${q.id})`);
      for (const series of parsed.data.data.result) {
        for (const [t, v] of series.values) {
          const at = byTime.get(t) ?? byTime.set(t, {}).get(t)!;
          (at[q.id] ??= []);
          (at[q.id] as Sample[]).push({ labels: series.metric, value: Number(v) });
        }
      }
    });
    return { at: Date.now(), value: byTime, queries: queries.length };
  }

  private async get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const timeoutMs = this.opts.timeoutMs ?? 5000;
    this.requestsSent++;
    let text: string;
    let status: number;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      status = res.status;
      text = await res.text();
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new TelemetryError(`Prometheus did not answer within ${timeoutMs / 1000} s (timeout)`);
      const cause = e instanceof Error && e.cause instanceof Error ? ((e.cause as NodeJS.ErrnoException).code ?? e.cause.message) : String(e);
      throw new TelemetryError(`Prometheus unreachable at ${this.opts.url} (${cause})`);
    }
    let body: unknown;
    const t0 = performance.now();
    try {
      body = JSON.parse(text);
    } catch {
      throw new TelemetryError(`Prometheus returned a bad response: HTTP ${status}, not JSON`);
    } finally {
      this.parseMs += performance.now() - t0;
    }
    const err = errorBody.safeParse(body);
    if (err.success) throw new TelemetryError(`Prometheus returned an error: ${err.data.error}`);
    if (status < 200 || status >= 300) throw new TelemetryError(`Prometheus returned a bad response: HTTP ${status}`);
    return body;
  }
}
