/**
 * A demo cluster holding a synthetic cluster: the emulator started empty (no reference fixtures,
 * no demo controller, so nothing rewrites status while we measure), the objects bulk-loaded, and
 * the status a conformant controller would write computed once and stored, so objects are as large
 * as on a real cluster.
 */
import { computeStatusWrites } from '../conformance';
import type { KObject } from '../gateway-api/types';
import { startEmulator, type ClusterStore, type RunningEmulator } from '../emulator';
import { DEMO_CONTROLLERS } from '../emulator/controller';
import { storeSnapshot } from '../emulator/controller/store-snapshot';

export interface LoadedCluster {
  emulator: RunningEmulator;
  loaded: number;
  loadErrors: string[];
  statusWrites: number;
  loadMs: number;
}

export async function startSyntheticCluster(objects: KObject[], log: (s: string) => void = () => {}): Promise<LoadedCluster> {
  const emulator = await startEmulator({ fixturesDir: null, controller: false, historySize: 50_000, log });
  const t0 = performance.now();
  // The emulator's bulk loader (its store is a ClusterStore; the public face only declares the common part).
  const res = (emulator.store as unknown as ClusterStore).load(structuredClone(objects));
  const writes = computeStatusWrites(storeSnapshot(emulator.store), { controllerNames: DEMO_CONTROLLERS, now: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  let statusWrites = 0;
  for (const w of writes) {
    try {
      emulator.store.updateStatus(w.ref, w.status);
      statusWrites++;
    } catch {
      // an object refused by validation is already in res.errors
    }
  }
  return {
    emulator,
    loaded: res.loaded,
    loadErrors: res.errors.slice(0, 5).map((e) => `#${e.index}: ${e.message}`),
    statusWrites,
    loadMs: performance.now() - t0,
  };
}
