/**
 * An in-process ring of counter samples taken from the generator's registry, so the demo telemetry
 * source can compute per-second rates over any window (1m…1h) without a Prometheus. Samples are
 * kept every second for the last 5 minutes and every 15 seconds for the last hour.
 */
import type { Registry } from 'prom-client';

export interface RateSample {
  /** Sample name as Prometheus scrapes it (`istio_request_duration_milliseconds_bucket`, …). */
  name: string;
  labels: Record<string, string>;
  /** Per-second increase over the window. */
  value: number;
}

interface Snapshot {
  t: number;
  values: Float64Array;
}

const FINE_MS = 5 * 60_000;
const COARSE_STEP_MS = 15_000;
const KEEP_MS = 65 * 60_000;

export class CounterHistory {
  private readonly index = new Map<string, number>();
  private readonly series: { name: string; labels: Record<string, string> }[] = [];
  private fine: Snapshot[] = [];
  private coarse: Snapshot[] = [];

  constructor(private readonly registry: Registry) {}

  /** Takes one snapshot of every counter and histogram series. */
  async sample(now = Date.now()): Promise<void> {
    const metrics = await this.registry.getMetricsAsJSON();
    const pairs: [number, number][] = [];
    for (const m of metrics) {
      for (const v of m.values as { value: number; labels: Record<string, string | number | undefined>; metricName?: string }[]) {
        // Histograms list their _bucket/_sum/_count samples with metricName set.
        const name = v.metricName ?? m.name;
        const labels: Record<string, string> = {};
        for (const [k, val] of Object.entries(v.labels)) if (val !== undefined) labels[k] = String(val);
        const id = `${name}${JSON.stringify(labels)}`;
        let i = this.index.get(id);
        if (i === undefined) {
          i = this.series.length;
          this.index.set(id, i);
          this.series.push({ name, labels });
        }
        pairs.push([i, v.value]);
      }
    }
    const values = new Float64Array(this.series.length);
    for (const [i, v] of pairs) values[i] = v;
    this.push({ t: now, values });
  }

  private push(s: Snapshot): void {
    this.fine.push(s);
    while (this.fine.length > 0 && s.t - this.fine[0]!.t > FINE_MS) {
      const old = this.fine.shift()!;
      const last = this.coarse[this.coarse.length - 1];
      if (!last || old.t - last.t >= COARSE_STEP_MS) this.coarse.push(old);
    }
    while (this.coarse.length > 0 && s.t - this.coarse[0]!.t > KEEP_MS) this.coarse.shift();
  }

  /** Oldest and newest sample times (ms), or undefined before the first sample. */
  span(): { from: number; to: number } | undefined {
    const all = this.coarse.length ? this.coarse : this.fine;
    if (!all.length || !this.fine.length) return undefined;
    return { from: all[0]!.t, to: this.fine[this.fine.length - 1]!.t };
  }

  /**
   * Per-second rate of every series over [at - window, at], like PromQL's rate() without
   * extrapolation. A series missing from the older sample started at 0 (counters are created on first use).
   */
  rates(windowSeconds: number, at = Number.POSITIVE_INFINITY): RateSample[] {
    const all = [...this.coarse, ...this.fine];
    let end = -1;
    for (let i = all.length - 1; i >= 0; i--) {
      if (all[i]!.t <= at) {
        end = i;
        break;
      }
    }
    if (end <= 0) return [];
    const latest = all[end]!;
    const from = latest.t - windowSeconds * 1000;
    let start = all.findIndex((s) => s.t >= from);
    if (start < 0 || start >= end) start = end - 1;
    const base = all[start]!;
    const dt = (latest.t - base.t) / 1000;
    if (!(dt > 0)) return [];
    const out: RateSample[] = [];
    for (let i = 0; i < latest.values.length; i++) {
      const inc = latest.values[i]! - (i < base.values.length ? base.values[i]! : 0);
      out.push({ name: this.series[i]!.name, labels: this.series[i]!.labels, value: Math.max(0, inc) / dt });
    }
    return out;
  }
}
