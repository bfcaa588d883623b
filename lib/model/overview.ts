/**
 * The overview of a huge cluster, one level of detail above "namespaces collapsed": GatewayClasses and
 * Gateways stay as they are, and everything attached to a Gateway (its routes, their backend Services and
 * the Workloads behind them) becomes one Summary node per Gateway, with one edge Gateway → summary.
 * Routes attached to no existing Gateway (mesh routes, routes whose parent is missing, Services and
 * Ingresses no route reaches) are summarised in one more node. A route attached to two Gateways counts in
 * both summaries (each tells the whole truth about its Gateway); every summarised node counts in at least
 * one, with its analyzer problems, so no problem disappears from the overview.
 */
import { collapsedEdgeId, nodeId } from '../wire/ids';
import type { NodeId, NodeKind, SummaryNode, WireEdge, WireNode } from '../wire/types';
import { nodeHealth } from './collapse';
import { cmp } from './object-index';

type Worst = SummaryNode['worst'];
const RANK: Record<Worst, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };
const worse = (a: Worst, b: Worst): Worst => (RANK[b] > RANK[a] ? b : a);

const ROUTE_KINDS: ReadonlySet<NodeKind> = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);

/** Id of the summary of what is attached to `gateway` (a Gateway node), or of what is attached to none. */
export function summaryId(gateway?: WireNode): NodeId {
  return gateway ? nodeId('Summary', gateway.name, gateway.namespace) : nodeId('Summary', '(unattached)');
}

export interface Overview {
  nodes: WireNode[];
  edges: WireEdge[];
  /** Summarised node id → the summaries that count it (sorted; more than one when it serves several Gateways). */
  memberOf: Map<NodeId, NodeId[]>;
}

/** Kept as they are: classes and the Gateways that exist (a missing Gateway's routes count as unattached). */
const kept = (n: WireNode): boolean => n.kind === 'GatewayClass' || (n.kind === 'Gateway' && !n.missing);

function mergeAccepted(a: WireEdge['accepted'], b: WireEdge['accepted']): WireEdge['accepted'] {
  // The summary edge is drawn as accepted when any of its routes is; rejections show in the summary's counts.
  if (a === true || b === true) return true;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if (a === false || b === false) return false;
  return undefined;
}

export function gatewayOverview(nodes: readonly WireNode[], edges: readonly WireEdge[]): Overview {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const gateways = new Map<NodeId, WireNode>();
  const summaryOf = new Map<NodeId, NodeId>(); // Gateway id → its summary's id (built once, not per edge)
  for (const n of nodes) {
    if (n.kind !== 'Gateway' || !kept(n)) continue;
    const s = summaryId(n);
    gateways.set(s, n);
    summaryOf.set(n.id, s);
  }
  const unattached = summaryId();
  const memberOf = new Map<NodeId, NodeId[]>();
  const add = (id: NodeId, s: NodeId) => {
    const list = memberOf.get(id);
    if (!list) memberOf.set(id, [s]);
    else if (!list.includes(s)) list.push(s);
  };

  // Routes belong to the summary of every existing Gateway they attach to; the one edge Gateway → summary
  // carries the attachments' verdict.
  const summaryEdges = new Map<NodeId, WireEdge>();
  for (const e of edges) {
    if (e.kind !== 'attachment') continue;
    const s = summaryOf.get(e.source);
    const route = byId.get(e.target);
    if (!s || !route || kept(route)) continue;
    add(route.id, s);
    const prev = summaryEdges.get(s);
    if (prev) prev.accepted = mergeAccepted(prev.accepted, e.accepted);
    else {
      const m: WireEdge = { id: collapsedEdgeId('attachment', e.source, s), kind: 'attachment', source: e.source, target: s };
      if (e.accepted !== undefined) m.accepted = e.accepted;
      summaryEdges.set(s, m);
    }
  }
  // Then what those routes lead to, one hop at a time: backend Services, then their Workloads.
  for (const kind of ['backend', 'workload'] as const) {
    for (const e of edges) {
      if (e.kind !== kind) continue;
      const from = memberOf.get(e.source);
      const target = byId.get(e.target);
      if (from && target && !kept(target)) for (const s of from) add(target.id, s);
    }
  }

  const out: WireNode[] = [];
  const summaries = new Map<NodeId, SummaryNode>();
  const namespaces = new Map<NodeId, Set<string>>();
  const summary = (id: NodeId): SummaryNode => {
    let s = summaries.get(id);
    if (s) return s;
    const gateway = gateways.get(id);
    s = {
      id,
      kind: 'Summary',
      name: gateway ? (gateway.namespace ? `${gateway.namespace}/${gateway.name}` : gateway.name) : 'not attached to a Gateway',
      group: '',
      version: 'v1',
      conditions: [],
      counts: {},
      namespaces: [],
      worst: 'ok',
    };
    if (gateway) s.gateway = gateway.id;
    summaries.set(id, s);
    namespaces.set(id, new Set());
    return s;
  };
  for (const n of nodes) {
    if (kept(n)) {
      out.push(n);
      continue;
    }
    let homes = memberOf.get(n.id);
    if (!homes) memberOf.set(n.id, (homes = [unattached]));
    const health = nodeHealth(n);
    for (const id of homes) {
      const s = summary(id);
      s.counts[n.kind] = (s.counts[n.kind] ?? 0) + 1;
      s.worst = worse(s.worst, health);
      if (n.namespace) namespaces.get(id)!.add(n.namespace);
      if (n.problems) {
        const p = (s.problems ??= { errors: 0, warnings: 0, infos: 0 });
        p.errors += n.problems.errors;
        p.warnings += n.problems.warnings;
        p.infos += n.problems.infos;
      }
    }
  }
  for (const [id, s] of summaries) {
    s.namespaces = [...namespaces.get(id)!].sort();
    // Keys in a fixed order, so that the same input gives the same document whatever its order.
    s.counts = Object.fromEntries(Object.entries(s.counts).sort(([a], [b]) => cmp(a, b)));
  }
  out.push(...summaries.values());
  out.sort((a, b) => cmp(a.id, b.id));

  // Edges among kept nodes (GatewayClass → Gateway) stay; everything else is inside the summaries.
  const isKept = (id: NodeId) => {
    const n = byId.get(id);
    return n !== undefined && kept(n);
  };
  const outEdges = edges.filter((e) => e.kind !== 'backend' && e.kind !== 'attachment' && isKept(e.source) && isKept(e.target));
  outEdges.push(...summaryEdges.values());
  outEdges.sort((a, b) => cmp(a.id, b.id));
  for (const list of memberOf.values()) if (list.length > 1) list.sort(cmp);
  return { nodes: out, edges: outEdges, memberOf };
}

/** Number of route nodes a summary stands for. */
export function summaryRoutes(s: SummaryNode): number {
  let n = 0;
  for (const k of ROUTE_KINDS) n += s.counts[k] ?? 0;
  return n;
}
