/**
 * What every telemetry source offers the server: a report of live figures per topology edge for a
 * window, and a small time series for one edge. Sources never throw for an unavailable backend:
 * they answer with `error` set, so the graph keeps working without telemetry.
 */
import type { SeriesPoint, TelemetryReport, TelemetryWindow, Topology } from '../wire/types';

export type { SeriesPoint };

export interface EdgeSeries {
  source: TelemetryReport['source'];
  window: TelemetryWindow;
  edge: string;
  /** Seconds between points. */
  step: number;
  points: SeriesPoint[];
  error?: string;
}

export interface TelemetrySource {
  readonly kind: TelemetryReport['source'];
  report(topology: Topology, window: TelemetryWindow): Promise<TelemetryReport>;
  series(topology: Topology, edgeId: string, window: TelemetryWindow): Promise<EdgeSeries>;
}

/** One element of an instant vector: the labels of an aggregated series and its value. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export const WINDOW_SECONDS: Record<TelemetryWindow, number> = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600 };

export const TELEMETRY_WINDOWS = ['1m', '5m', '15m', '1h'] as const satisfies readonly TelemetryWindow[];

/** Step of the per-edge series: about 60 points per window, never finer than 5 s. */
export function seriesStepSeconds(window: TelemetryWindow): number {
  return Math.max(5, Math.round(WINDOW_SECONDS[window] / 60));
}

/** The answer of a source that has nothing to read. */
export function unavailableReport(window: TelemetryWindow, source: TelemetryReport['source'], error: string): TelemetryReport {
  return { source, window, generatedAt: new Date().toISOString(), edges: {}, error };
}
