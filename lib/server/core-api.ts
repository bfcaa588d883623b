/**
 * The face of the server core (one per process, kept on globalThis) that API routes use.
 * lib/server/core.ts implements it; app/api/* routes only call this.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterSnapshot } from '../model/snapshot';
import type { RunningEmulator } from '../emulator/api';
import type { ClusterHealth, ClusterInfo, Finding, KindStatus, Topology, TopologyEvent } from '../wire/types';

export interface Readiness {
  ready: boolean;
  /** Why not ready, per kind or for the cluster (e.g. "HTTPRoute: not synced", "cluster unreachable: …"). */
  reasons: string[];
}

export interface ServerCore {
  readonly cluster: ClusterInfo;
  /** For writes (split editor, Events). The same cluster the informers watch. */
  readonly kubeConfig: KubeConfig;
  /** Objects as the informers hold them. */
  readonly snapshot: ClusterSnapshot;
  /** Current model; cheap to call (cached per revision). */
  topology(): Topology;
  /** Current analyzer findings for the live cluster (same shape as `analyze --json`). */
  findings(): Finding[];
  revision(): number;
  /** Topology changes, coalesced; one event per new revision. */
  subscribe(listener: (ev: TopologyEvent) => void): () => void;
  readiness(): Readiness;
  /** The demo cluster's handle when running on the embedded emulator (for the demo telemetry source). */
  readonly demo?: RunningEmulator;
  /** GATEWATCH_READ_ONLY=1: the dashboard must not write to the cluster. */
  readonly readOnly: boolean;
  health(): ClusterHealth;
  kinds(): KindStatus[];
  /** What a client that last saw revision `since` missed (for SSE resume), or a reset. */
  replay(since: number): { kind: 'events'; events: TopologyEvent[] } | { kind: 'reset'; revision: number };
  /** Stops informers (and the demo cluster); for tests and shutdown. */
  stop(): Promise<void>;
}

/** Implemented in lib/server/core.ts: the process-wide core, started once (from instrumentation.ts). */
export type GetCore = () => Promise<ServerCore>;
