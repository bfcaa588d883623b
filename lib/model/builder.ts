/**
 * The topology model, full and incremental. Every object that draws something (GatewayClass,
 * Gateway, routes, Service, Deployment, Ingress) produces a fragment: its nodes, ghosts of what it
 * names, and its edges. Fragment builders read the cluster through a recording reader, so each
 * fragment knows exactly which objects it depends on; an event recomputes the changed object's
 * fragment and the fragments that read it, and nothing else.
 */
import type { KObject } from '../gateway-api/types';
import type { ClusterHealth, ClusterInfo, KindStatus, Topology, WireEdge, WireNode, WorkloadNode } from '../wire/types';
import { gatewayClassFragment, gatewayFragment } from './fragments/gateway';
import { ingressFragment } from './fragments/ingress';
import { routeFragment } from './fragments/route';
import { serviceFragment } from './fragments/service';
import type { Fragment, FragmentBuilder, NodeContribution } from './fragments/types';
import { deploymentFragment, mergeWorkloads } from './fragments/workload';
import { ObjectIndex, depKey, depKeyAll, trackingReader } from './object-index';
import type { ClusterSnapshot } from './snapshot';
import { SortedMap } from './sorted-map';

export interface ModelContext {
  cluster: ClusterInfo;
  health: ClusterHealth;
  kinds: KindStatus[];
  /** Timestamp for `generatedAt`; defaults to now (pass one to keep the output reproducible). */
  generatedAt?: string;
}

/** An object that was added, modified or deleted; the builder reads its current state from the snapshot. */
export interface ObjectChange {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ChangeSet {
  /** Node and edge ids added or modified. */
  changed: string[];
  /** Node and edge ids that no longer exist. */
  removed: string[];
}

export interface TopologyBuilder {
  applyChanges(changed: readonly ObjectChange[]): ChangeSet;
  /**
   * Rebuilds everything from the snapshot in one pass (cheaper than applyChanges for a batch that
   * touches most of the cluster, e.g. after the initial lists or a relist) and reports the difference.
   */
  rebuild(): ChangeSet;
  topology(ctx: ModelContext, revision: number): Topology;
}

const BUILDERS: Record<string, FragmentBuilder> = {
  GatewayClass: gatewayClassFragment,
  Gateway: gatewayFragment,
  HTTPRoute: routeFragment,
  GRPCRoute: routeFragment,
  TCPRoute: routeFragment,
  TLSRoute: routeFragment,
  UDPRoute: routeFragment,
  Service: serviceFragment,
  Deployment: deploymentFragment,
  Ingress: ingressFragment,
};

/** Kinds the model reads: those that draw, and those that only qualify others. */
export const MODEL_KINDS: readonly string[] = [...Object.keys(BUILDERS), 'ReferenceGrant', 'BackendTLSPolicy', 'Namespace'];

interface Owned {
  owner: string;
  c: NodeContribution;
}

interface Held {
  frag: Fragment;
  deps: string[];
}

const ABSENT = Symbol('absent');
type Before<V> = V | typeof ABSENT;

/** The state behind a TopologyBuilder (rebuild() swaps in a fresh one). */
class Builder implements Omit<TopologyBuilder, 'rebuild'> {
  private readonly index: ObjectIndex;
  private readonly held = new Map<string, Held>();
  /** dependency key → owners (object keys) whose fragment read it */
  private readonly dependents = new Map<string, Set<string>>();
  /** node id → what each owner contributes to it (usually one entry) */
  private readonly contributions = new Map<string, Owned[]>();
  /** True while the constructor builds everything: no before/after bookkeeping needed. */
  private loading = true;
  private readonly nodes = new SortedMap<WireNode>();
  private readonly edges = new SortedMap<WireEdge>();
  private beforeNodes = new Map<string, Before<WireNode>>();
  private beforeEdges = new Map<string, Before<WireEdge>>();

  constructor(private readonly snapshot: ClusterSnapshot) {
    this.index = ObjectIndex.fromSnapshot(snapshot, MODEL_KINDS);
    for (const kind of Object.keys(BUILDERS)) for (const o of this.index.all(kind)) this.build(kind, o);
    for (const id of this.contributions.keys()) this.resolveNode(id);
    this.loading = false;
  }

  applyChanges(changes: readonly ObjectChange[]): ChangeSet {
    const owners = new Set<string>();
    const seen = new Set<string>();
    for (const c of changes) {
      if (!MODEL_KINDS.includes(c.kind)) continue;
      const key = depKey(c.kind, c.namespace, c.name);
      if (seen.has(key)) continue;
      seen.add(key);
      const o = this.snapshot.get(c.kind, c.namespace, c.name);
      if (o) this.index.set(c.kind, o);
      else this.index.delete(c.kind, c.namespace, c.name);
      if (BUILDERS[c.kind]) owners.add(key);
      for (const d of [key, depKeyAll(c.kind, c.namespace)]) for (const owner of this.dependents.get(d) ?? []) owners.add(owner);
    }
    for (const owner of owners) {
      this.drop(owner);
      const [kind, ns, name] = splitKey(owner);
      const o = this.index.get(kind, ns || undefined, name);
      if (o) this.build(kind, o);
    }
    const out: ChangeSet = { changed: [], removed: [] };
    for (const [id, before] of this.beforeNodes) {
      const now = this.resolveNode(id);
      diff(id, before, now, out);
    }
    for (const [id, before] of this.beforeEdges) diff(id, before, this.edges.get(id), out);
    this.beforeNodes = new Map();
    this.beforeEdges = new Map();
    out.changed.sort();
    out.removed.sort();
    return out;
  }

  /** Current nodes and edges in id order (owned by the builder: do not modify). */
  contents(): { nodes: readonly WireNode[]; edges: readonly WireEdge[] } {
    return { nodes: this.nodes.values(), edges: this.edges.values() };
  }

  topology(ctx: ModelContext, revision: number): Topology {
    return {
      revision,
      generatedAt: ctx.generatedAt ?? new Date().toISOString(),
      cluster: ctx.cluster,
      health: ctx.health,
      kinds: ctx.kinds,
      nodes: this.nodes.values().slice(),
      edges: this.edges.values().slice(),
    };
  }

  private build(kind: string, o: KObject): void {
    const owner = flat(depKey(kind, o.metadata.namespace, o.metadata.name));
    const deps = new Set<string>();
    const frag = BUILDERS[kind](o, trackingReader(this.index, deps));
    flattenIds(frag);
    const held: Held = { frag, deps: [...deps].map(flat) };
    this.held.set(owner, held);
    for (const d of held.deps) {
      let s = this.dependents.get(d);
      if (!s) this.dependents.set(d, (s = new Set()));
      s.add(owner);
    }
    // One owner may name the same ghost twice (two backendRefs to one missing Service): same content.
    const mine = frag.nodes.length > 1 ? new Set<string>() : undefined;
    for (const c of frag.nodes) {
      if (mine) {
        if (mine.has(c.node.id)) continue;
        mine.add(c.node.id);
      }
      this.touchNode(c.node.id);
      const list = this.contributions.get(c.node.id);
      if (!list) this.contributions.set(c.node.id, [{ owner, c }]);
      else list.push({ owner, c });
    }
    for (const e of frag.edges) {
      this.touchEdge(e.id);
      if (this.loading) this.edges.load(e.id, e);
      else this.edges.set(e.id, e);
    }
  }

  private drop(owner: string): void {
    const held = this.held.get(owner);
    if (!held) return;
    this.held.delete(owner);
    for (const d of held.deps) {
      const s = this.dependents.get(d);
      if (!s) continue;
      s.delete(owner);
      if (s.size === 0) this.dependents.delete(d);
    }
    for (const c of held.frag.nodes) {
      this.touchNode(c.node.id);
      const list = this.contributions.get(c.node.id);
      if (!list) continue;
      const rest = list.filter((x) => x.owner !== owner);
      if (rest.length) this.contributions.set(c.node.id, rest);
      else this.contributions.delete(c.node.id);
    }
    for (const e of held.frag.edges) {
      this.touchEdge(e.id);
      this.edges.delete(e.id);
    }
  }

  private touchNode(id: string): void {
    if (!this.loading && !this.beforeNodes.has(id)) this.beforeNodes.set(id, this.nodes.get(id) ?? ABSENT);
  }
  private touchEdge(id: string): void {
    if (!this.loading && !this.beforeEdges.has(id)) this.beforeEdges.set(id, this.edges.get(id) ?? ABSENT);
  }

  /** The node an id resolves to: the real object's, else the merged workload, else a ghost. */
  private resolveNode(id: string): WireNode | undefined {
    const list = this.contributions.get(id);
    let node: WireNode | undefined;
    if (list && list.length > 0) {
      const cs = list.map((x) => x.c);
      const real = cs.find((c) => c.role === 'real');
      const parts = cs.filter((c) => c.role === 'workload').map((c) => c.node as WorkloadNode);
      node = real?.node ?? (parts.length ? mergeWorkloads(parts) : cs[0].node);
    }
    if (node) {
      if (this.loading) this.nodes.load(id, node);
      else this.nodes.set(id, node);
    } else this.nodes.delete(id);
    return node;
  }
}

/**
 * Ids are built by concatenation, which V8 keeps as chains of rope pieces (about 3× the bytes of
 * the flat text for an edge id). Flattening each id once, while it is young, lets the garbage
 * collector drop the rope: about a fifth of the model's memory on a large cluster.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function flattenIds(frag: Fragment): void {
  for (const c of frag.nodes) flat(c.node.id);
  for (const e of frag.edges) {
    flat(e.id);
    flat(e.source);
    flat(e.target);
    if (e.sourceHandle) flat(e.sourceHandle);
  }
}

function diff<V>(id: string, before: Before<V>, now: V | undefined, out: ChangeSet): void {
  if (now === undefined) {
    if (before !== ABSENT) out.removed.push(id);
  } else if (before === ABSENT || before !== now && JSON.stringify(before) !== JSON.stringify(now)) {
    out.changed.push(id);
  }
}

function splitKey(key: string): [string, string, string] {
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  return [key.slice(0, a), key.slice(a + 1, b), key.slice(b + 1)];
}

/** The difference between two id-sorted contents (equal ids compared by their JSON). */
function diffContents(before: ReturnType<Builder['contents']>, after: ReturnType<Builder['contents']>): ChangeSet {
  const out: ChangeSet = { changed: [], removed: [] };
  for (const [a, b] of [
    [before.nodes, after.nodes],
    [before.edges, after.edges],
  ] as [readonly { id: string }[], readonly { id: string }[]][]) {
    const old = new Map(a.map((x) => [x.id, x]));
    const now = new Set<string>();
    for (const x of b) {
      now.add(x.id);
      const prev = old.get(x.id);
      if (!prev || JSON.stringify(prev) !== JSON.stringify(x)) out.changed.push(x.id);
    }
    for (const x of a) if (!now.has(x.id)) out.removed.push(x.id);
  }
  out.changed.sort();
  out.removed.sort();
  return out;
}

export function createTopologyBuilder(snapshot: ClusterSnapshot): TopologyBuilder {
  let inner = new Builder(snapshot);
  return {
    applyChanges: (changed) => inner.applyChanges(changed),
    rebuild: () => {
      const before = inner.contents();
      inner = new Builder(snapshot);
      return diffContents(before, inner.contents());
    },
    topology: (ctx, revision) => inner.topology(ctx, revision),
  };
}

/** The whole model from a snapshot, in one pass (pure: same snapshot and context → same topology). */
export function buildTopology(snapshot: ClusterSnapshot, ctx: ModelContext, revision: number): Topology {
  return new Builder(snapshot).topology(ctx, revision);
}
