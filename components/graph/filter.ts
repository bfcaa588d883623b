/**
 * The shell's filters applied to the topology: which nodes and edges are drawn, which match the search.
 * Pure, so the graph and its tests agree on what is visible.
 */
import { collapseNamespaces } from '@/lib/model/collapse';
import { gatewayOverview } from '@/lib/model/overview';
import { nodeId } from '@/lib/wire/ids';
import type { NodeKind, Topology, WireEdge, WireNode } from '@/lib/wire/types';
import type { DetailLevel, GraphFilters } from './types';

const ROUTE_KINDS: ReadonlySet<NodeKind> = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);
export const isRouteKind = (k: NodeKind): boolean => ROUTE_KINDS.has(k);

/** Above this many visible nodes the graph opens collapsed by namespace. */
export const AUTO_COLLAPSE_THRESHOLD = 150;
/**
 * The namespaces level is chosen only while it stays readable: at most this many namespace nodes and
 * edges between them (the large benchmark cluster, 500 namespaces, would draw ~500 nodes and thousands of
 * Gateway → namespace edges); above either, the default is the Gateway overview.
 */
export const NAMESPACE_VIEW_MAX_NODES = 60;
export const NAMESPACE_VIEW_MAX_EDGES = 1500;

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

export interface DetailedGraph extends VisibleGraph {
  detail: DetailLevel;
  /** The level was chosen by size (the URL named none). */
  auto: boolean;
  /** Search drilled in: the namespaces of the matches, drawn as if the namespace filter named them. */
  searchNamespaces?: string[];
}

/**
 * What to draw at the level the filters name, or, when they name none, at the level the size calls for:
 * full up to AUTO_COLLAPSE_THRESHOLD nodes; above it namespaces collapsed, or the Gateway overview when
 * even that is too big and no namespace filter narrows the view. On a big cluster a search drills in: the
 * view is narrowed to the matches' namespaces (when they are few), then the level is chosen by size.
 */
export function graphAtDetail(
  allNodes: readonly WireNode[],
  allEdges: readonly WireEdge[],
  filters: GraphFilters,
  problemNodeIds: ReadonlySet<string>,
): DetailedGraph {
  const auto = filters.detail === undefined;
  let base = visibleGraph(allNodes, allEdges, filters, problemNodeIds, []);
  let narrowed = filters.namespaces.length > 0;
  let searchNamespaces: string[] | undefined;
  if (auto && !narrowed && base.matches.size > 0 && base.nodes.length > AUTO_COLLAPSE_THRESHOLD) {
    const ns = namespacesOf(base.nodes.filter((n) => base.matches.has(n.id)));
    if (ns.length > 0 && ns.length <= NAMESPACE_VIEW_MAX_NODES) {
      searchNamespaces = ns;
      narrowed = true;
      base = visibleGraph(allNodes, allEdges, { ...filters, namespaces: ns }, problemNodeIds, []);
    }
  }

  let detail: DetailLevel = filters.detail ?? 'full';
  let collapsedView: { nodes: WireNode[]; edges: WireEdge[] } | undefined;
  if (auto && base.nodes.length > AUTO_COLLAPSE_THRESHOLD) {
    const namespaces = namespacesOf(base.nodes);
    if (!narrowed && namespaces.length > NAMESPACE_VIEW_MAX_NODES) detail = 'overview';
    else {
      collapsedView = collapseNamespaces({ nodes: base.nodes, edges: base.edges } as Topology, namespaces);
      detail = !narrowed && collapsedView.edges.length > NAMESPACE_VIEW_MAX_EDGES ? 'overview' : 'namespaces';
    }
  }

  if (detail === 'full') {
    const g = filters.collapsed.length ? visibleGraph(allNodes, allEdges, searchNamespaces ? { ...filters, namespaces: searchNamespaces } : filters, problemNodeIds) : base;
    return { ...g, detail, auto, searchNamespaces };
  }
  if (detail === 'namespaces') {
    const c = collapsedView ?? collapseNamespaces({ nodes: base.nodes, edges: base.edges } as Topology, namespacesOf(base.nodes));
    // A namespace node matches when something inside it does.
    const matches = new Set<string>();
    for (const n of base.nodes) if (base.matches.has(n.id)) matches.add(n.namespace ? nodeId('Namespace', n.namespace) : n.id);
    return { nodes: c.nodes, edges: c.edges, matches, outsiders: base.outsiders, detail, auto, searchNamespaces };
  }
  const o = gatewayOverview(base.nodes, base.edges);
  // A summary matches when one of the objects it stands for does.
  const matches = new Set<string>();
  for (const id of base.matches) for (const s of o.memberOf.get(id) ?? [id]) matches.add(s);
  return { nodes: o.nodes, edges: o.edges, matches, outsiders: base.outsiders, detail, auto, searchNamespaces };
}
