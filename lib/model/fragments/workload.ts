/**
 * Workloads: Deployments grouped by the `app` and `version` labels of their pod template (the
 * "versioned app" view). Each Deployment that some Service selects contributes its share of the
 * group's node; the builder merges the shares of one id.
 */
import type { Deployment, KObject, Service } from '../../gateway-api/types';
import { workloadId } from '../../wire/ids';
import type { NodeId, WorkloadNode } from '../../wire/types';
import type { Reader } from '../object-index';
import { mapSelects } from '../refs';
import type { Fragment } from './types';

export function workloadOf(d: Deployment): { id: NodeId; app: string; version?: string } {
  const labels = d.spec?.template?.metadata?.labels ?? {};
  const app = labels.app || d.metadata.name;
  const version = labels.version || undefined;
  return { id: workloadId(d.metadata.namespace ?? '', app, version), app, version };
}

export function deploymentFragment(o: KObject, read: Reader): Fragment {
  const d = o as Deployment;
  const ns = d.metadata.namespace ?? '';
  const labels = d.spec?.template?.metadata?.labels;
  const selected = read.inNamespace<Service>('Service', ns).some((s) => mapSelects(s.spec?.selector, labels));
  if (!selected) return { nodes: [], edges: [] };
  const { id, app, version } = workloadOf(d);
  const node: WorkloadNode = {
    id,
    kind: 'Workload',
    name: version ? `${app}/${version}` : app,
    namespace: ns,
    group: 'apps',
    version: 'v1',
    conditions: [],
    labels: version ? { app, version } : { app },
    app,
    deployments: [
      {
        name: d.metadata.name,
        replicas: typeof d.spec?.replicas === 'number' ? d.spec.replicas : 1,
        readyReplicas: d.status?.readyReplicas ?? 0,
      },
    ],
  };
  if (version) node.workloadVersion = version;
  return { nodes: [{ role: 'workload', node }], edges: [] };
}

/** Merges the per-Deployment shares of one Workload id (deployments sorted by name). */
export function mergeWorkloads(parts: readonly WorkloadNode[]): WorkloadNode {
  const deployments = parts.flatMap((p) => p.deployments).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...parts[0], deployments };
}
