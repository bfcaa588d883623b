// PLACEHOLDER until the traffic generator lands: same signatures.
import type { EmulatorStore } from '../api';

export interface TrafficOptions {
  /** Port of the loopback /metrics endpoint (0 = free). */
  metricsPort?: number;
}

export interface TrafficGenerator {
  /** http://127.0.0.1:<port>/metrics in the Prometheus text format */
  metricsUrl: string;
  stop(): Promise<void>;
}

export async function startTrafficGenerator(store: EmulatorStore, opts: TrafficOptions = {}): Promise<TrafficGenerator> {
  void store;
  void opts;
  throw new Error('traffic generator not implemented yet');
}
