/**
 * The embedded demo cluster: a Kubernetes API server over loopback HTTP that kubectl and
 * @kubernetes/client-node use like a real one (see docs/emulator.md).
 */
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorOptions, LoadError, RunningEmulator } from './api';
import { builtinTypes } from './builtins';
import { ClusterStore } from './cluster-store';
import { attachDemoController } from './controller';
import { loadManifests } from './fixtures';
import type { Context } from './handlers';
import { writeKubeconfig } from './kubeconfig';
import { defaultCrdsDir, defaultFixturesDir } from './paths';
import { createEmulatorServer } from './server';
import { startTrafficGenerator, type TrafficGenerator } from './traffic';

export type { EmulatorOptions, RunningEmulator, EmulatorStore, LoadError, StoreEvent, ObjectRef } from './api';
export { ClusterStore } from './cluster-store';
export { StatusError } from './errors';

export interface StartOptions extends EmulatorOptions {
  /** How often watches that allow bookmarks get one (default 5000 ms). */
  bookmarkIntervalMs?: number;
}

/** What startEmulator returns: the contract's RunningEmulator plus a few test hooks. */
export interface DemoCluster extends RunningEmulator {
  store: ClusterStore;
  /** Ends every open watch stream (clients re-watch from their last resourceVersion), as an apiserver restart would. */
  closeWatches(): void;
}

/** A store with the built-in kinds and the namespaces every cluster has; no CRDs, no objects. */
export function createClusterStore(historySize?: number): ClusterStore {
  const store = new ClusterStore(historySize);
  for (const t of builtinTypes()) store.registry.add(t);
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { manager: 'kube-apiserver' });
  }
  return store;
}

export async function startEmulator(opts: StartOptions = {}): Promise<DemoCluster> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const store = createClusterStore(opts.historySize ?? 10_000);
  const loadErrors: LoadError[] = [];
  loadErrors.push(...loadManifests(store, opts.crdsDir ?? defaultCrdsDir()));
  // fixturesDir: undefined → $GATEWATCH_DEMO_DIR, else the reference environment; null → start empty.
  if (opts.fixturesDir !== null) loadErrors.push(...loadManifests(store, opts.fixturesDir ?? (process.env.GATEWATCH_DEMO_DIR || defaultFixturesDir())));

  const activeWatches = new Set<ServerResponse>();
  const ctx: Context = { store, deny: new Set(opts.deny ?? []), watch: { bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 5000 }, activeWatches };
  const server = createEmulatorServer(ctx, log);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const kubeconfigPath = opts.kubeconfigPath ?? join(tmpdir(), `gatewatch-demo-${port}.kubeconfig`);
  writeKubeconfig(kubeconfigPath, url);

  const stopController = opts.controller !== false ? attachDemoController(store) : undefined;
  let traffic: TrafficGenerator | undefined;
  if (opts.traffic) {
    try {
      traffic = await startTrafficGenerator(store, typeof opts.traffic === 'object' ? opts.traffic : {});
    } catch (err) {
      log(`demo traffic generator did not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  let stopped = false;
  return {
    url,
    port,
    kubeconfigPath,
    store,
    loadErrors,
    traffic,
    compact: () => store.objects.compact(),
    closeWatches() {
      for (const res of [...activeWatches]) res.end();
      activeWatches.clear();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await traffic?.stop().catch(() => undefined);
      stopController?.();
      // Stop accepting first, so a client re-watching after its stream ends finds the port closed.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of activeWatches) res.end();
      activeWatches.clear();
      server.closeAllConnections();
      await closed;
    },
  };
}
