/**
 * The process-wide server core. Next.js may load this module once per route bundle, so the
 * instance lives on globalThis under a registry symbol: every route and instrumentation.ts share it.
 */
import { chooseCluster } from '../k8s/cluster';
import type { GetCore, ServerCore } from './core-api';
import { startDemoCluster } from './demo';
import { createCore } from './live-core';

const KEY = Symbol.for('gatewatch.server.core');

type Holder = { [KEY]?: Promise<ServerCore> };

/** The shared core, created from the environment on first use. */
export const getCore: GetCore = () => {
  const g = globalThis as Holder;
  g[KEY] ??= createCore({
    choice: chooseCluster(),
    startDemo: startDemoCluster,
    readOnly: process.env.GATEWATCH_READ_ONLY === '1',
  }).then(
    (core) => {
      const c = core.cluster;
      const demo = core.demo ? ` at ${core.demo.url} (kubectl --kubeconfig ${core.demo.kubeconfigPath})` : '';
      console.error(`[gatewatch] watching ${c.label}${demo || (c.server ? ` (${c.server})` : '')}`);
      return core;
    },
    (e: unknown) => {
      // Let the next call try again rather than caching a failure forever.
      delete g[KEY];
      throw e;
    },
  );
  return g[KEY];
};

/** The core if it has been started, without starting it. */
export function peekCore(): Promise<ServerCore> | undefined {
  return (globalThis as Holder)[KEY];
}

/** For API routes: the core, or a 503 JSON reply saying why it could not start. */
export async function coreOrUnavailable(): Promise<ServerCore | Response> {
  try {
    return await getCore();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return Response.json({ error: 'unavailable', message: `server core could not start: ${message}` }, { status: 503 });
  }
}
