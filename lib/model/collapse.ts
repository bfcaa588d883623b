/**
 * The collapsed view for large clusters: every node of a listed namespace is replaced by one
 * Namespace node (counts by kind, worst status), and edges are re-pointed at it and de-duplicated.
 */
import { collapsedEdgeId, nodeId } from '../wire/ids';
import type { NamespaceNode, NodeKind, Topology, WireCondition, WireEdge, WireNode } from '../wire/types';
import { cmp } from './object-index';

type Worst = NamespaceNode['worst'];
const RANK: Record<Worst, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };
const worse = (a: Worst, b: Worst): Worst => (RANK[b] > RANK[a] ? b : a);

/** Condition types whose True is the bad state. */
const NEGATIVE_TYPES = new Set(['Conflicted', 'OverlappingTLSConfig', 'PartiallyInvalid', 'InsecureFrontendValidationMode']);

function conditionHealth(c: WireCondition): Worst {
  if (NEGATIVE_TYPES.has(c.type)) return c.status === 'True' ? (c.type === 'Conflicted' ? 'error' : 'warning') : 'ok';
  if (c.pending || c.status === 'Unknown') return 'unknown';
  if (c.status === 'False') return 'error';
  return c.stale ? 'warning' : 'ok';
}

/** The worst state a node shows: analyzer problems, a ghost, its conditions, its route parents and backends. */
export function nodeHealth(n: WireNode): Worst {
  let w: Worst = 'ok';
  if (n.missing) w = 'error';
  if (n.problems) {
    if (n.problems.errors > 0) w = worse(w, 'error');
    else if (n.problems.warnings > 0) w = worse(w, 'warning');
  }
  const conds: WireCondition[] = [...n.conditions];
  if (n.kind === 'Gateway') for (const l of n.listeners) conds.push(...l.conditions);
  if (n.kind === 'HTTPRoute' || n.kind === 'GRPCRoute' || n.kind === 'TCPRoute' || n.kind === 'TLSRoute' || n.kind === 'UDPRoute') {
    for (const p of n.parents) {
      if (p.accepted === false) w = worse(w, 'error');
      else if (p.accepted === 'unknown') w = worse(w, 'unknown');
      for (const s of p.statuses) conds.push(...s.conditions);
    }
    for (const r of n.rules) if (r.backendRefs.some((b) => !b.resolved)) w = worse(w, 'error');
  }
  if (n.kind === 'Namespace') w = worse(w, n.worst);
  for (const c of conds) w = worse(w, conditionHealth(c));
  return w;
}

function mergeAccepted(a: WireEdge['accepted'], b: WireEdge['accepted']): WireEdge['accepted'] {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === false || b === false) return false;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return true;
}

export function collapseNamespaces(topology: Topology, namespaces: readonly string[]): Topology {
  const collapse = new Set(namespaces);
  if (collapse.size === 0) return topology;
  const mapTo = new Map<string, string>();
  const groups = new Map<string, NamespaceNode>();
  const nodes: WireNode[] = [];

  for (const n of topology.nodes) {
    if (!n.namespace || !collapse.has(n.namespace) || n.kind === 'Namespace') {
      nodes.push(n);
      continue;
    }
    const id = nodeId('Namespace', n.namespace);
    mapTo.set(n.id, id);
    let g = groups.get(id);
    if (!g) {
      g = { id, kind: 'Namespace', name: n.namespace, group: '', version: 'v1', conditions: [], counts: {}, worst: 'ok' };
      groups.set(id, g);
    }
    g.counts[n.kind as NodeKind] = (g.counts[n.kind as NodeKind] ?? 0) + 1;
    g.worst = worse(g.worst, nodeHealth(n));
    if (n.problems) {
      const p = (g.problems ??= { errors: 0, warnings: 0, infos: 0 });
      p.errors += n.problems.errors;
      p.warnings += n.problems.warnings;
      p.infos += n.problems.infos;
    }
  }
  nodes.push(...groups.values());
  nodes.sort((a, b) => cmp(a.id, b.id));

  const edges: WireEdge[] = [];
  const merged = new Map<string, WireEdge>();
  for (const e of topology.edges) {
    const source = mapTo.get(e.source) ?? e.source;
    const target = mapTo.get(e.target) ?? e.target;
    if (source === e.source && target === e.target) {
      edges.push(e);
      continue;
    }
    if (source === target) continue; // inside one collapsed namespace
    const sourceHandle = source === e.source ? e.sourceHandle : undefined;
    const id = collapsedEdgeId(e.kind, source, target, sourceHandle);
    const prev = merged.get(id);
    if (!prev) {
      const m: WireEdge = { id, kind: e.kind, source, target };
      if (sourceHandle) m.sourceHandle = sourceHandle;
      if (e.accepted !== undefined) m.accepted = e.accepted;
      if (e.resolved !== undefined) m.resolved = e.resolved;
      if (e.reason && (e.accepted === false || e.resolved === false)) m.reason = e.reason;
      merged.set(id, m);
    } else {
      prev.accepted = mergeAccepted(prev.accepted, e.accepted);
      if (e.resolved !== undefined) prev.resolved = (prev.resolved ?? true) && e.resolved;
      if (!prev.reason && e.reason && (e.accepted === false || e.resolved === false)) prev.reason = e.reason;
    }
  }
  edges.push(...merged.values());
  edges.sort((a, b) => cmp(a.id, b.id));
  return { ...topology, nodes, edges };
}
