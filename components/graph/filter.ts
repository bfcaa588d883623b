/**
 * The shell's filters applied to the topology: which nodes and edges are drawn, which match the search.
 * Pure, so the graph and its tests agree on what is visible.
 */
import { collapseNamespaces } from '@/lib/model/collapse';
import type { NodeKind, Topology, WireEdge, WireNode } from '@/lib/wire/types';
import type { GraphFilters } from './types';

const ROUTE_KINDS: ReadonlySet<NodeKind> = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);
export const isRouteKind = (k: NodeKind): boolean => ROUTE_KINDS.has(k);

/** Above this many visible nodes the graph opens collapsed by namespace. */
export const AUTO_COLLAPSE_THRESHOLD = 500;

export interface VisibleGraph {
  nodes: WireNode[];
  edges: WireEdge[];
  /** Nodes the search matches (empty when there is no search). */
  matches: Set<string>;
  /** Nodes outside the selected namespaces, drawn because a selected node points at them. */
  outsiders: Set<string>;
}

/** Text the search looks in: name, namespace/name, hostnames, listener hostnames, rule matches. */
export function searchText(n: WireNode): string {
  const parts = [n.name, n.namespace ? `${n.namespace}/${n.name}` : ''];
  if (n.kind === 'Gateway') for (const l of n.listeners) parts.push(l.name, l.hostname ?? '');
  if (isRouteKind(n.kind) && 'rules' in n && 'hostnames' in n) {
    parts.push(...n.hostnames);
    for (const r of n.rules) parts.push(...r.matches, ...r.filters);
  }
  if (n.kind === 'Ingress') parts.push(...n.rules, ...n.tlsHosts);
  if (n.kind === 'Workload') parts.push(n.app, n.workloadVersion ?? '');
  return parts.join('\n').toLowerCase();
}

function neighbours(edges: readonly WireEdge[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (a: string, b: string) => (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return m;
}

/** Namespaces of a node list, sorted. */
export function namespacesOf(nodes: readonly WireNode[]): string[] {
  return [...new Set(nodes.flatMap((n) => (n.namespace ? [n.namespace] : [])))].sort();
}

export function visibleGraph(
  allNodes: readonly WireNode[],
  allEdges: readonly WireEdge[],
  filters: GraphFilters,
  problemNodeIds: ReadonlySet<string>,
  collapsed: readonly string[] = filters.collapsed,
): VisibleGraph {
  const { layers } = filters;
  let nodes = allNodes.filter((n) => {
    if (n.kind === 'GatewayClass' && !layers.classes) return false;
    if (n.kind === 'Workload' && !layers.workloads) return false;
    if (n.kind === 'Ingress' && !layers.ingress) return false;
    if (isRouteKind(n.kind) && filters.kinds.length > 0 && !filters.kinds.includes(n.kind)) return false;
    return true;
  });
  let ids = new Set(nodes.map((n) => n.id));
  let edges = allEdges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const outsiders = new Set<string>();

  if (filters.namespaces.length > 0) {
    const selected = new Set(filters.namespaces);
    const inside = new Set(nodes.filter((n) => n.namespace !== undefined && selected.has(n.namespace)).map((n) => n.id));
    // Like Kiali, draw the direct neighbours outside the selection (a Gateway in another namespace),
    // and cluster-scoped classes of drawn Gateways.
    const near = new Set(inside);
    for (const e of edges) {
      if (inside.has(e.source)) near.add(e.target);
      if (inside.has(e.target)) near.add(e.source);
    }
    for (const id of near) if (!inside.has(id)) outsiders.add(id);
    nodes = nodes.filter((n) => near.has(n.id));
    ids = new Set(nodes.map((n) => n.id));
    edges = edges.filter((e) => ids.has(e.source) && ids.has(e.target) && (inside.has(e.source) || inside.has(e.target)));
  }

  if (filters.problemsOnly) {
    const keep = new Set<string>();
    const nb = neighbours(edges);
    for (const n of nodes) {
      if (!problemNodeIds.has(n.id)) continue;
      keep.add(n.id);
      for (const m of nb.get(n.id) ?? []) keep.add(m);
    }
    nodes = nodes.filter((n) => keep.has(n.id));
    ids = new Set(nodes.map((n) => n.id));
    edges = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }

  if (collapsed.length > 0) {
    // lib/model owns the collapsed view (counts, worst status, merged edges); it only reads nodes and edges.
    ({ nodes, edges } = collapseNamespaces({ nodes, edges } as Topology, collapsed));
  }

  const matches = new Set<string>();
  const q = filters.search.trim().toLowerCase();
  if (q) for (const n of nodes) if (searchText(n).includes(q)) matches.add(n.id);
  return { nodes, edges, matches, outsiders };
}
