/** Builders for the stable node and edge ids documented in ./types.ts. */
import type { NodeId } from './types';

export function nodeId(kind: string, name: string, namespace?: string): NodeId {
  return namespace ? `${kind}:${namespace}/${name}` : `${kind}:${name}`;
}

export function parseNodeId(id: NodeId): { kind: string; namespace?: string; name: string } {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? { kind, name: rest } : { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

export const workloadId = (namespace: string, app: string, version?: string): NodeId =>
  `Workload:${namespace}/${app}/${version ?? '-'}`;

export const edgeIds = {
  class: (gatewayId: NodeId) => `class|${gatewayId}`,
  attachment: (routeId: NodeId, parentIndex: number, listenerName?: string) =>
    `attach|${routeId}|p${parentIndex}|${listenerName ?? '*'}`,
  meshParent: (routeId: NodeId, parentIndex: number) => `mesh|${routeId}|p${parentIndex}`,
  backend: (routeId: NodeId, ruleIndex: number, backendIndex: number) => `backend|${routeId}|r${ruleIndex}|b${backendIndex}`,
  workload: (serviceId: NodeId, wlId: NodeId) => `workload|${serviceId}|${wlId}`,
  ingress: (ingressId: NodeId, rule: number | 'default', path?: number) =>
    `ingress|${ingressId}|${rule === 'default' ? 'default' : `${rule}.${path ?? 0}`}`,
};

export const handles = {
  listener: (name: string) => `listener:${name}`,
  rule: (index: number) => `rule:${index}`,
};

/**
 * Edge ids of the collapsed view (lib/model/collapse.ts): the edges of one kind between the same two
 * endpoints (and source row) merged into one.
 */
export const collapsedEdgeId = (kind: string, source: NodeId, target: NodeId, sourceHandle?: string) =>
  `collapsed|${kind}|${source}${sourceHandle ? `#${sourceHandle}` : ''}|${target}`;
