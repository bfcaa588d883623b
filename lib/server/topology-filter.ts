/**
 * `GET /api/topology?namespace=a,b&kind=HTTPRoute,Service`: query parsing and the filter.
 * Nodes are kept by kind and namespace; cluster-scoped nodes (GatewayClass) pass the namespace
 * filter when they connect to a kept node; edges are kept when both ends are.
 */
import { z } from 'zod';
import type { NodeKind, Topology } from '../wire/types';

export const NODE_KINDS: readonly NodeKind[] = [
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
  'GRPCRoute',
  'TCPRoute',
  'TLSRoute',
  'UDPRoute',
  'Service',
  'Workload',
  'Ingress',
  'Namespace',
];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined))
    .pipe(z.array(item).optional());

export const topologyQuery = z
  .object({
    namespace: list(z.string().regex(DNS_LABEL, 'not a namespace name')),
    kind: list(z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]], { message: `unknown kind (one of ${NODE_KINDS.join(', ')})` })),
  })
  .strict();

export type TopologyQuery = z.infer<typeof topologyQuery>;

export function filterTopology(t: Topology, q: TopologyQuery): Topology {
  if (!q.namespace && !q.kind) return t;
  const kinds = q.kind ? new Set<string>(q.kind) : undefined;
  const nss = q.namespace ? new Set(q.namespace) : undefined;
  const kindOk = (k: string) => !kinds || kinds.has(k);
  const keep = new Set<string>();
  for (const n of t.nodes) if (kindOk(n.kind) && n.namespace !== undefined && (!nss || nss.has(n.namespace))) keep.add(n.id);
  // Cluster-scoped nodes: always without a namespace filter, else when they touch a kept node.
  const clusterScoped = t.nodes.filter((n) => n.namespace === undefined && kindOk(n.kind));
  if (!nss) for (const n of clusterScoped) keep.add(n.id);
  else {
    const scoped = new Set(clusterScoped.map((n) => n.id));
    for (const e of t.edges) {
      if (scoped.has(e.source) && keep.has(e.target)) keep.add(e.source);
      if (scoped.has(e.target) && keep.has(e.source)) keep.add(e.target);
    }
  }
  return {
    ...t,
    nodes: t.nodes.filter((n) => keep.has(n.id)),
    edges: t.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}
