/**
 * The demo controller: plays the controllers named by the reference environment's GatewayClasses
 * (Envoy Gateway and Istio, which also owns mesh routes) and writes the status a conformant
 * implementation would, using the same engine as the analyzer (lib/conformance).
 *
 * Every change is debounced, then the cluster is re-evaluated and only objects whose status differs
 * are written. Events caused by its own status writes are ignored, so it never loops.
 */
import { computeStatusWrites } from '../../conformance';
import type { EmulatorStore, StoreEvent } from '../api';
import { storeSnapshot } from './store-snapshot';

export const DEMO_CONTROLLERS = ['gateway.envoyproxy.io/gatewayclass-controller', 'istio.io/gateway-controller'] as const;

/** Kinds whose changes can alter some status this controller writes. */
const RELEVANT = new Set([
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
  'GRPCRoute',
  'TCPRoute',
  'TLSRoute',
  'UDPRoute',
  'ReferenceGrant',
  'Namespace',
  'Service',
  'Secret',
]);

export interface DemoControllerOptions {
  /** Coalescing delay after a change (default 25 ms). */
  debounceMs?: number;
  controllerNames?: readonly string[];
  log?: (line: string) => void;
}

/** metav1.Time has second precision. */
const nowSeconds = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

const eventKey = (ev: StoreEvent) => `${ev.object.kind}/${ev.object.metadata.namespace ?? ''}/${ev.object.metadata.name}`;

/** Plays the GatewayClasses' controllers: recomputes and writes status on every change. Returns stop(). */
export function attachDemoController(store: EmulatorStore, options: DemoControllerOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 25;
  const controllerNames = options.controllerNames ?? DEMO_CONTROLLERS;
  const snapshot = storeSnapshot(store);
  /** resourceVersions produced by our own status writes, per object. */
  const ownWrites = new Map<string, string>();
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const reconcile = () => {
    timer = undefined;
    if (stopped) return;
    const writes = computeStatusWrites(snapshot, { controllerNames, now: nowSeconds() });
    writing = true;
    try {
      for (const w of writes) {
        try {
          const updated = store.updateStatus(w.ref, w.status);
          ownWrites.set(`${w.ref.kind}/${w.ref.namespace ?? ''}/${w.ref.name}`, String(updated.metadata.resourceVersion ?? ''));
        } catch (err) {
          // The object may have gone between evaluation and write; the delete event schedules another pass.
          options.log?.(`demo controller: status of ${w.ref.kind} ${w.ref.namespace ?? ''}/${w.ref.name} not written: ${(err as Error).message}`);
        }
      }
    } finally {
      writing = false;
    }
  };

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(reconcile, debounceMs);
  };

  const unsubscribe = store.subscribe((ev) => {
    if (writing || !RELEVANT.has(ev.object.kind)) return;
    const key = eventKey(ev);
    const own = ownWrites.get(key);
    if (own !== undefined) {
      ownWrites.delete(key);
      if (ev.type === 'MODIFIED' && own === String(ev.object.metadata.resourceVersion ?? '')) return;
    }
    schedule();
  });
  schedule();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
