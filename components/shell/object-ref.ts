/** Pure helpers that turn a node into the API path of its object and the kubectl command to read it. */
import { nodeId } from '@/lib/wire/ids';
import type { Finding, WireNode } from '@/lib/wire/types';

/** `/api/objects/<group>/<version>/<kind>/<namespace>/<name>`, or null for nodes that are not one object. */
export function objectPath(n: WireNode): string | null {
  if (n.missing || n.kind === 'Namespace' || n.kind === 'Workload') return null;
  const seg = [n.group || 'core', n.version, n.kind, ...(n.namespace ? [n.namespace] : []), n.name].map(encodeURIComponent);
  return `/api/objects/${seg.join('/')}`;
}

/** e.g. `kubectl -n app1 get httproute app1-typo -o yaml` */
export function kubectlCommand(n: WireNode): string | null {
  if (n.kind === 'Namespace') return `kubectl get namespace ${n.name} -o yaml`;
  if (n.kind === 'Workload') {
    const names = n.deployments.map((d) => d.name).join(' ');
    return names ? `kubectl -n ${n.namespace} get deployment ${names} -o yaml` : null;
  }
  const ns = n.namespace ? `-n ${n.namespace} ` : '';
  return `kubectl ${ns}get ${n.kind.toLowerCase()} ${n.name} -o yaml`;
}

/** The node a finding is about. */
export const findingNodeId = (f: Finding): string => f.nodeId ?? nodeId(f.kind, f.name, f.namespace);

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
export const bySeverity = (a: Finding, b: Finding) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || findingNodeId(a).localeCompare(findingNodeId(b));
