/**
 * Which cluster Gatewatch watches: an explicit kubeconfig (`--kubeconfig` → GATEWATCH_KUBECONFIG),
 * `KUBECONFIG`, `~/.kube/config` (context from GATEWATCH_CONTEXT), the pod's ServiceAccount, else
 * the embedded demo cluster (also forced by GATEWATCH_CLUSTER=demo). The demo cluster is started by
 * lib/server; this module only decides.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterInfo } from '../wire/types';

export const DEMO_LABEL = 'Demo cluster (emulated)';
const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export type ClusterChoice =
  | { mode: 'demo' }
  | { mode: 'kubeconfig' | 'in-cluster'; kc: KubeConfig; info: ClusterInfo }
  /** A kubeconfig was asked for but cannot be used: shown as the cluster error. */
  | { mode: 'error'; info: ClusterInfo; error: string };

export interface ClusterEnv {
  GATEWATCH_CLUSTER?: string;
  GATEWATCH_KUBECONFIG?: string;
  GATEWATCH_CONTEXT?: string;
  KUBECONFIG?: string;
  KUBERNETES_SERVICE_HOST?: string;
  HOME?: string;
  [name: string]: string | undefined;
}

/** The ClusterInfo of a loaded kubeconfig (context name + API server URL). */
export function kubeconfigInfo(kc: KubeConfig, mode: 'kubeconfig' | 'in-cluster' | 'demo'): ClusterInfo {
  const context = kc.getCurrentContext();
  const server = kc.getCurrentCluster()?.server;
  if (mode === 'demo') return { mode, label: DEMO_LABEL, context, server };
  return { mode, label: mode === 'in-cluster' ? 'In-cluster (ServiceAccount)' : context, context, server };
}

function useContext(kc: KubeConfig, context: string | undefined, source: string): string | undefined {
  if (context) {
    if (!kc.getContextObject(context)) {
      const known = kc.getContexts().map((c) => c.name);
      return `context "${context}" not found in ${source} (available: ${known.join(', ') || 'none'})`;
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentContext() || !kc.getContextObject(kc.getCurrentContext())) return `${source} has no current context; pass --context`;
  if (!kc.getCurrentCluster()?.server) return `${source}: context "${kc.getCurrentContext()}" names no cluster with a server URL`;
  return undefined;
}

function fromFiles(files: string[], context: string | undefined, source: string): ClusterChoice {
  const kc = new KubeConfig();
  const errInfo = (): ClusterInfo => ({ mode: 'kubeconfig', label: context ?? source, context });
  const present = files.filter((f) => existsSync(f));
  if (!present.length) return { mode: 'error', info: errInfo(), error: `${source}: file not found: ${files.join(delimiter)}` };
  try {
    kc.loadFromFile(present[0]);
    // Later files add what the first lacks (first wins per name, as with kubectl).
    for (const f of present.slice(1)) {
      const more = new KubeConfig();
      more.loadFromFile(f);
      const has = (list: { name: string }[], name: string) => list.some((x) => x.name === name);
      for (const c of more.clusters) if (!has(kc.clusters, c.name)) kc.addCluster(c);
      for (const u of more.users) if (!has(kc.users, u.name)) kc.addUser(u);
      for (const c of more.contexts) if (!has(kc.contexts, c.name)) kc.addContext(c);
      if (!kc.getCurrentContext()) kc.setCurrentContext(more.getCurrentContext());
    }
  } catch (e) {
    return { mode: 'error', info: errInfo(), error: `${source} (${present.join(delimiter)}): cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  const err = useContext(kc, context, source);
  if (err) return { mode: 'error', info: { ...errInfo(), server: kc.getCurrentCluster()?.server }, error: err };
  return { mode: 'kubeconfig', kc, info: kubeconfigInfo(kc, 'kubeconfig') };
}

export function chooseCluster(env: ClusterEnv = process.env): ClusterChoice {
  const context = env.GATEWATCH_CONTEXT || undefined;
  if (env.GATEWATCH_CLUSTER === 'demo') return { mode: 'demo' };
  if (env.GATEWATCH_KUBECONFIG) return fromFiles([env.GATEWATCH_KUBECONFIG], context, '--kubeconfig');
  if (env.KUBECONFIG) return fromFiles(env.KUBECONFIG.split(delimiter).filter(Boolean), context, 'KUBECONFIG');
  const home = join(env.HOME || homedir(), '.kube', 'config');
  if (existsSync(home)) return fromFiles([home], context, '~/.kube/config');
  if (env.KUBERNETES_SERVICE_HOST && existsSync(join(SA_DIR, 'token'))) {
    const kc = new KubeConfig();
    try {
      kc.loadFromCluster();
    } catch (e) {
      return { mode: 'error', info: { mode: 'in-cluster', label: 'In-cluster (ServiceAccount)' }, error: `in-cluster config: ${String(e)}` };
    }
    return { mode: 'in-cluster', kc, info: kubeconfigInfo(kc, 'in-cluster') };
  }
  return { mode: 'demo' };
}

/** A kubeconfig for the demo cluster's own kubeconfig file (written by the emulator). */
export function loadKubeconfigFile(path: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}
