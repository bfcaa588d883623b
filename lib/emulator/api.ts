/**
 * The in-process face of the demo cluster's object store. The HTTP layer of the emulator, the demo
 * controller (lib/emulator/controller) and the demo traffic generator (lib/emulator/traffic) use it;
 * nothing outside lib/emulator and the benchmark's loader may, since everything else reaches the
 * demo cluster over HTTP like a real one.
 */
import type { KObject } from '../gateway-api/types';

export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The object in its storage version, after the change (the last state for DELETED). */
  object: KObject;
}

export interface ObjectRef {
  /** API group, '' for core */
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface EmulatorStore {
  /** Objects of a kind (all namespaces, or one), in their storage version. */
  list(group: string, kind: string, namespace?: string): KObject[];
  get(ref: ObjectRef): KObject | undefined;
  /** Validates, assigns uid/resourceVersion/generation/creationTimestamp. Throws StatusError (see ./errors). */
  create(obj: KObject): KObject;
  /** Full update of spec/metadata (status is ignored, as on the main resource). Bumps generation on spec change. */
  update(obj: KObject): KObject;
  /** Writes only `.status` (the /status subresource); never bumps generation. */
  updateStatus(ref: ObjectRef, status: unknown, expectedResourceVersion?: string): KObject;
  delete(ref: ObjectRef): KObject;
  /** Called after every committed change, in commit order. Returns an unsubscribe function. */
  subscribe(listener: (ev: StoreEvent) => void): () => void;
  /** Current cluster-wide resourceVersion. */
  resourceVersion(): string;
}

export interface LoadError {
  file: string;
  /** 1-based document number within the file */
  document: number;
  message: string;
}

export interface EmulatorOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** YAML fixtures to load at start; default: fixtures/reference-env. Pass null to start empty. */
  fixturesDir?: string | null;
  /** CRD manifests to install at start; default: fixtures/crds. */
  crdsDir?: string;
  /** Where to write the kubeconfig; default: $TMPDIR/gatewatch-demo-<port>.kubeconfig */
  kubeconfigPath?: string;
  /** Run the demo controller (default true). */
  controller?: boolean;
  /** Run the demo traffic generator (default false). */
  traffic?: boolean | import('./traffic').TrafficOptions;
  /** Watch history window kept for resuming watches (events); older → 410 Gone. */
  historySize?: number;
  /** Verbs denied as by RBAC, e.g. ["patch:httproutes", "create:events"] (tests of forbidden paths). */
  deny?: string[];
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  kubeconfigPath: string;
  store: EmulatorStore;
  loadErrors: LoadError[];
  traffic?: import('./traffic').TrafficGenerator;
  /** Drop all watch history up to now, so a watch from an older resourceVersion gets 410 Gone. */
  compact(): void;
  stop(): Promise<void>;
}
