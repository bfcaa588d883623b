/**
 * Which telemetry source the server uses, chosen once per process and kept on globalThis (Next.js may
 * load route modules more than once): Prometheus when GATEWATCH_PROMETHEUS_URL is set, else the demo
 * generator when running on the embedded demo cluster, else none ("telemetry not configured").
 */
import type { ServerCore } from '../server/core-api';
import type { TelemetryWindow, Topology } from '../wire/types';
import { DemoSource } from './demo';
import { PrometheusSource } from './prometheus';
import { seriesStepSeconds, unavailableReport, type TelemetrySource } from './source';

const KEY = Symbol.for('gatewatch.telemetry.source');
type Holder = { [KEY]?: { core: object; source: TelemetrySource } };

export const NOT_CONFIGURED = 'telemetry not configured';

export class NoTelemetry implements TelemetrySource {
  readonly kind = 'none' as const;
  constructor(private readonly reason = NOT_CONFIGURED) {}
  async report(_topology: Topology, window: TelemetryWindow) {
    return unavailableReport(window, 'none', this.reason);
  }
  async series(_topology: Topology, edgeId: string, window: TelemetryWindow) {
    return { source: 'none' as const, window, edge: edgeId, step: seriesStepSeconds(window), points: [], error: this.reason };
  }
}

export function createTelemetrySource(core: Pick<ServerCore, 'demo'>, env: Readonly<Record<string, string | undefined>> = process.env): TelemetrySource {
  const url = env.GATEWATCH_PROMETHEUS_URL?.trim();
  if (url) {
    try {
      new URL(url);
    } catch {
      return new NoTelemetry(`GATEWATCH_PROMETHEUS_URL is not a URL: ${url}`);
    }
    return new PrometheusSource({ url });
  }
  // Read the generator lazily: the demo cluster may start its traffic after the core is up.
  if (core.demo) return new DemoSource(() => core.demo?.traffic);
  return new NoTelemetry();
}

/** The process-wide source for this core (its cache and backoff live as long as the core). */
export function telemetrySource(core: Pick<ServerCore, 'demo'>): TelemetrySource {
  const g = globalThis as Holder;
  if (g[KEY]?.core !== core) g[KEY] = { core, source: createTelemetrySource(core) };
  return g[KEY].source;
}
