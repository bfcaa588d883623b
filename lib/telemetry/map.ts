/**
 * Pure: aggregated query results (Istio standard metrics) → figures per topology edge, keyed by the
 * edge ids of /api/topology. docs/telemetry.md explains each rule; in short:
 * - attachment (listener → route): the gateway workload's outbound requests to the route's backend Services;
 * - mesh-parent (Service → route): all requests to the route's backend Services;
 * - backend (rule → Service): requests to that Service (from the route's gateways for north-south
 *   routes), with observedShare within the rule;
 * - workload (Service → workload): requests to that Service (or, for a Service split by a GAMMA route, to
 *   the route's backends) served by that workload, with observedShare within the Service.
 */
import type { EdgeTraffic, RouteNode, Topology, WireEdge, WireNode, WorkloadNode, GatewayNode } from '../wire/types';
import { parseNodeId } from '../wire/ids';
import type { Sample } from './source';
import type { QueryId } from './queries';
import { histogramQuantile } from './quantile';

export type QueryResults = Partial<Record<QueryId, readonly Sample[]>>;

const serviceKey = (namespace: string, name: string) => `${namespace}/${name}`;

/**
 * Everything the answers say about one (source workload → Service → destination workload) pair,
 * summed over response codes once, so each edge reads a few cells instead of every series: the
 * mapping is linear in the answers plus the edges.
 */
interface Cell {
  srcWl: string;
  srcNs: string;
  dstWl: string;
  dstWlNs: string;
  dstVersion: string;
  /** Series seen per query (an edge with only zero-valued series still gets figures of 0). */
  requests: number;
  sent: number;
  received: number;
  opened: number;
  rps: number;
  errors: number;
  sentBytes: number;
  receivedBytes: number;
  connections: number;
  /** Duration buckets, indexed like CellIndex.les; `present` marks the bounds a series carried. */
  buckets: Float64Array | undefined;
  present: Uint8Array | undefined;
  /** Ids of the Gateways whose proxy this source is (see gatewayWorkloadMatcher), resolved once. */
  gateways: ReadonlySet<string> | undefined;
}

interface CellIndex {
  /** Cells by Service (`namespace/name`). */
  byService: Map<string, Cell[]>;
  /** Distinct bucket bounds (ms) of the duration answers, ascending, +Inf last. */
  les: number[];
}

/** 5xx for HTTP; for gRPC any status other than OK (0). */
function isError(labels: Record<string, string>): boolean {
  if (labels.request_protocol === 'grpc') {
    const g = labels.grpc_response_status;
    return g !== undefined && g !== '' && g !== '0';
  }
  return /^5\d\d$/.test(labels.response_code ?? '');
}

const pairOf = (l: Record<string, string>) => `${l.source_workload}|${l.source_workload_namespace}|${l.destination_service_name}|${l.destination_service_namespace}`;

/**
 * Both proxies of a call report it (reporter=source and reporter=destination). Count each call once:
 * prefer the source's report (it sees failures with no destination, like a missing backend) and use
 * the destination's only for pairs whose source is outside the mesh.
 */
export function chooseReporter(samples: readonly Sample[]): Sample[] {
  // Client-side-only telemetry (Istio's Telemetry API mode CLIENT) has nothing to choose between.
  if (!samples.some((s) => s.labels.reporter === 'destination')) return samples.filter((s) => Number.isFinite(s.value));
  const fromSource = new Set<string>();
  for (const s of samples) if (s.labels.reporter === 'source') fromSource.add(pairOf(s.labels));
  return samples.filter((s) => Number.isFinite(s.value) && !(s.labels.reporter === 'destination' && fromSource.has(pairOf(s.labels))));
}

const leOf = (le: string | undefined) => (le === '+Inf' ? Infinity : Number(le));

function indexCells(results: QueryResults): CellIndex {
  const byService = new Map<string, Cell[]>();
  const byKey = new Map<string, Cell>();
  const cellOf = (l: Record<string, string>): Cell => {
    const svcNs = l.destination_service_namespace ?? 'unknown';
    const svc = l.destination_service_name ?? 'unknown';
    const srcWl = l.source_workload ?? 'unknown';
    const srcNs = l.source_workload_namespace ?? 'unknown';
    const dstWl = l.destination_workload ?? 'unknown';
    const dstWlNs = l.destination_workload_namespace ?? 'unknown';
    const dstVersion = l.destination_version ?? 'unknown';
    const k = `${svcNs}/${svc}|${srcNs}/${srcWl}|${dstWlNs}/${dstWl}|${dstVersion}`;
    let c = byKey.get(k);
    if (!c) {
      c = { srcWl, srcNs, dstWl, dstWlNs, dstVersion, requests: 0, sent: 0, received: 0, opened: 0, rps: 0, errors: 0, sentBytes: 0, receivedBytes: 0, connections: 0, buckets: undefined, present: undefined, gateways: undefined };
      byKey.set(k, c);
      const sk = serviceKey(svcNs, svc);
      const list = byService.get(sk);
      if (list) list.push(c);
      else byService.set(sk, [c]);
    }
    return c;
  };
  for (const s of chooseReporter(results.requests ?? [])) {
    const c = cellOf(s.labels);
    c.requests++;
    c.rps += s.value;
    if (isError(s.labels)) c.errors += s.value;
  }
  const duration = chooseReporter(results.duration ?? []);
  const les = [...new Set(duration.map((s) => leOf(s.labels.le)).filter((le) => !Number.isNaN(le)))].sort((a, b) => a - b);
  const leIndex = new Map(les.map((le, i) => [le, i] as const));
  for (const s of duration) {
    const i = leIndex.get(leOf(s.labels.le));
    if (i === undefined) continue;
    const c = cellOf(s.labels);
    const b = (c.buckets ??= new Float64Array(les.length));
    const p = (c.present ??= new Uint8Array(les.length));
    b[i] += s.value;
    p[i] = 1;
  }
  for (const s of chooseReporter(results.tcpSent ?? [])) {
    const c = cellOf(s.labels);
    c.sent++;
    c.sentBytes += s.value;
  }
  for (const s of chooseReporter(results.tcpReceived ?? [])) {
    const c = cellOf(s.labels);
    c.received++;
    c.receivedBytes += s.value;
  }
  for (const s of chooseReporter(results.tcpOpened ?? [])) {
    const c = cellOf(s.labels);
    c.opened++;
    c.connections += s.value;
  }
  return { byService, les };
}

/**
 * The workload names a Gateway's proxy reports as: Istio deploys `<gateway>-<class>` next to the
 * Gateway; Envoy Gateway `envoy-<namespace>-<gateway>-<hash>` in its own namespace; the plain
 * Gateway name covers the demo and hand-made deployments.
 */
export function gatewayWorkloadMatcher(gw: Pick<GatewayNode, 'name' | 'namespace' | 'gatewayClassName'>) {
  const ns = gw.namespace ?? '';
  const names = new Set([gw.name, `${gw.name}-${gw.gatewayClassName}`]);
  const envoyPrefix = `envoy-${ns}-${gw.name}-`;
  return (wl: string, wlNs: string) => (wlNs === ns && names.has(wl)) || wl.startsWith(envoyPrefix);
}

/** Which Gateways each source workload is the proxy of, asked once per distinct source. */
function gatewaysOfSource(nodes: Map<string, WireNode>): (c: Cell) => ReadonlySet<string> {
  const gateways = [...nodes.values()].filter((n): n is GatewayNode => n.kind === 'Gateway').map((g) => ({ id: g.id, match: gatewayWorkloadMatcher(g) }));
  const bySource = new Map<string, ReadonlySet<string>>();
  return (c) => {
    if (c.gateways) return c.gateways;
    const k = `${c.srcNs}/${c.srcWl}`;
    let set = bySource.get(k);
    if (!set) bySource.set(k, (set = new Set(gateways.filter((g) => g.match(c.srcWl, c.srcNs)).map((g) => g.id))));
    return (c.gateways = set);
  };
}

type WorkloadFilter = ((c: Cell) => boolean) | null;

interface Selector {
  /** Service keys (`namespace/name`), each once. */
  services: readonly string[];
  /** Only traffic from these Gateways' proxies; null: from anyone. */
  gateways: readonly string[] | null;
  workload: WorkloadFilter;
}

interface Context {
  ix: CellIndex;
  nodes: Map<string, WireNode>;
  meshRoutes: Map<string, RouteNode[]>;
  gatewaysOf: (c: Cell) => ReadonlySet<string>;
  /** Per route: its backend Services and its parent Gateways (computed once, shared by its edges). */
  routes: Map<string, { services: string[]; parents: string[] | null }>;
  /** Scratch space for one edge's buckets. */
  acc: Float64Array;
  accPresent: Uint8Array;
}

function figures(cx: Context, sel: Selector): EdgeTraffic | undefined {
  let requests = 0;
  let sent = 0;
  let received = 0;
  let opened = 0;
  let rps = 0;
  let errors = 0;
  let bytes = 0;
  let connections = 0;
  let hasBuckets = false;
  const { acc, accPresent } = cx;
  for (const k of sel.services) {
    const cells = cx.ix.byService.get(k);
    if (!cells) continue;
    for (const c of cells) {
      if (sel.gateways) {
        const of = cx.gatewaysOf(c);
        if (of.size === 0 || !sel.gateways.some((g) => of.has(g))) continue;
      }
      if (sel.workload && !sel.workload(c)) continue;
      requests += c.requests;
      sent += c.sent;
      received += c.received;
      opened += c.opened;
      rps += c.rps;
      errors += c.errors;
      bytes += c.sentBytes + c.receivedBytes;
      connections += c.connections;
      if (c.buckets && c.present) {
        if (!hasBuckets) {
          acc.fill(0);
          accPresent.fill(0);
          hasBuckets = true;
        }
        for (let i = 0; i < acc.length; i++) {
          acc[i] += c.buckets[i]!;
          accPresent[i] |= c.present[i]!;
        }
      }
    }
  }
  if (requests === 0 && sent === 0 && received === 0 && opened === 0) return undefined;
  const out: EdgeTraffic = { rps: round(rps), errorRatio: rps > 0 ? round(errors / rps) : 0 };
  if (hasBuckets) {
    const buckets = new Map<number, number>();
    for (let i = 0; i < acc.length; i++) if (accPresent[i]) buckets.set(cx.ix.les[i]!, acc[i]!);
    const p95 = histogramQuantile(0.95, buckets);
    if (p95 !== undefined && Number.isFinite(p95)) out.p95Ms = round(p95);
  }
  if (sent + received > 0) out.tcpBytesPerSec = round(bytes);
  if (opened > 0) out.tcpConnectionsPerSec = round(connections);
  return out;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

function routeServiceKeys(route: RouteNode): string[] {
  const out = new Set<string>();
  for (const rule of route.rules) {
    for (const b of rule.backendRefs) if ((b.kind ?? 'Service') === 'Service') out.add(serviceKey(b.namespace, b.name));
  }
  return [...out];
}

/** A route's backend Services and the Gateways whose traffic it carries (null for a mesh route: anyone). */
function routeInfo(cx: Context, route: RouteNode): { services: string[]; parents: string[] | null } {
  let info = cx.routes.get(route.id);
  if (!info) {
    let parents: string[] | null = null;
    if (!route.mesh && route.parents.length > 0) {
      const gws = route.parents.map((p) => cx.nodes.get(p.target)).filter((n): n is GatewayNode => n?.kind === 'Gateway').map((n) => n.id);
      if (gws.length > 0) parents = [...new Set(gws)];
    }
    info = { services: routeServiceKeys(route), parents };
    cx.routes.set(route.id, info);
  }
  return info;
}

function workloadFilter(w: WorkloadNode | undefined, wlNamespace: string | undefined, fallbackName: string): WorkloadFilter {
  const names = new Set((w?.deployments ?? []).map((d) => d.name));
  if (names.size === 0) names.add(fallbackName);
  const version = w?.workloadVersion;
  return (c) => c.dstWlNs === (wlNamespace ?? c.dstWlNs) && (names.has(c.dstWl) || (version !== undefined && c.dstVersion === version && c.dstWl === 'unknown'));
}

/** GAMMA routes by the Service they are parented by: calls to that Service land on the routes' backends. */
function meshRoutesByParent(nodes: Map<string, WireNode>): Map<string, RouteNode[]> {
  const m = new Map<string, RouteNode[]>();
  for (const n of nodes.values()) {
    if (!('parents' in n) || !n.mesh) continue;
    for (const p of n.parents) {
      if (p.parentRef.kind !== 'Service') continue;
      (m.get(p.target) ?? m.set(p.target, []).get(p.target)!).push(n);
    }
  }
  return m;
}

function selectorFor(edge: WireEdge, cx: Context): Selector | undefined {
  const { nodes } = cx;
  switch (edge.kind) {
    case 'attachment': {
      const gw = nodes.get(edge.source);
      const route = nodes.get(edge.target);
      if (gw?.kind !== 'Gateway' || !route || !('rules' in route) || !('parents' in route)) return undefined;
      return { services: routeInfo(cx, route as RouteNode).services, gateways: [gw.id], workload: null };
    }
    case 'mesh-parent': {
      const route = nodes.get(edge.target);
      if (!route || !('parents' in route)) return undefined;
      return { services: routeInfo(cx, route as RouteNode).services, gateways: null, workload: null };
    }
    case 'backend': {
      const route = nodes.get(edge.source);
      const svc = parseNodeId(edge.target);
      if (!route || !('parents' in route) || svc.kind !== 'Service' || !svc.namespace) return undefined;
      return { services: [serviceKey(svc.namespace, svc.name)], gateways: routeInfo(cx, route as RouteNode).parents, workload: null };
    }
    case 'workload': {
      const svc = parseNodeId(edge.source);
      const wl = parseNodeId(edge.target);
      if (!svc.namespace) return undefined;
      const node = nodes.get(edge.target);
      const appName = wl.name.split('/')[0] ?? wl.name;
      // A Service split by a GAMMA route is served through the route's backends (b → b-v1, b-v2).
      const viaRoutes = (cx.meshRoutes.get(edge.source) ?? []).flatMap((r) => routeInfo(cx, r).services);
      return {
        services: [...new Set([serviceKey(svc.namespace, svc.name), ...viaRoutes])],
        gateways: null,
        workload: workloadFilter(node?.kind === 'Workload' ? node : undefined, wl.namespace, appName),
      };
    }
    default:
      return undefined;
  }
}

/** Shares within a group (rule or Service): by requests, or by bytes for TCP edges. */
function addShares(edges: Record<string, EdgeTraffic>, groups: Map<string, string[]>): void {
  for (const ids of groups.values()) {
    const weightOf = (t: EdgeTraffic | undefined) => (t ? (t.rps > 0 ? t.rps : (t.tcpBytesPerSec ?? 0)) : 0);
    const useRps = ids.some((id) => (edges[id]?.rps ?? 0) > 0);
    const value = (id: string) => (useRps ? (edges[id]?.rps ?? 0) : weightOf(edges[id]));
    const total = ids.reduce((a, id) => a + value(id), 0);
    if (!(total > 0)) continue;
    for (const id of ids) {
      const t = edges[id] ?? (edges[id] = { rps: 0, errorRatio: 0 });
      t.observedShare = round(value(id) / total);
    }
  }
}

/** Envoy Gateway names a rule's cluster `<kind>/<namespace>/<name>/rule/<index>` (kind lower-cased). */
const ROUTE_KIND_BY_LOWER: Record<string, string> = { httproute: 'HTTPRoute', grpcroute: 'GRPCRoute', tcproute: 'TCPRoute', tlsroute: 'TLSRoute', udproute: 'UDPRoute' };

export function envoyClusterRule(cluster: string): { routeId: string; rule: number } | undefined {
  const m = /^([a-z]+route)\/([^/]+)\/([^/]+)\/rule\/(\d+)$/.exec(cluster);
  const kind = m ? ROUTE_KIND_BY_LOWER[m[1]!] : undefined;
  return m && kind ? { routeId: `${kind}:${m[2]}/${m[3]}`, rule: Number(m[4]) } : undefined;
}

interface RuleStats {
  rps: number;
  errors: number;
  buckets: Map<number, number>;
}

function envoyGatewayRules(results: QueryResults): Map<string, RuleStats> {
  const rules = new Map<string, RuleStats>();
  const at = (cluster: string | undefined) => {
    const r = cluster ? envoyClusterRule(cluster) : undefined;
    if (!r) return undefined;
    const k = `${r.routeId}|${r.rule}`;
    return rules.get(k) ?? rules.set(k, { rps: 0, errors: 0, buckets: new Map() }).get(k)!;
  };
  for (const s of results.egRequests ?? []) {
    const r = at(s.labels.envoy_cluster_name);
    if (!r || !Number.isFinite(s.value)) continue;
    r.rps += s.value;
    if (s.labels.envoy_response_code_class === '5') r.errors += s.value;
  }
  for (const s of results.egDuration ?? []) {
    const r = at(s.labels.envoy_cluster_name);
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    if (!r || Number.isNaN(le) || !Number.isFinite(s.value)) continue;
    r.buckets.set(le, (r.buckets.get(le) ?? 0) + s.value);
  }
  return rules;
}

function ruleFigures(stats: readonly RuleStats[]): EdgeTraffic | undefined {
  if (stats.length === 0) return undefined;
  const rps = stats.reduce((a, s) => a + s.rps, 0);
  const errors = stats.reduce((a, s) => a + s.errors, 0);
  const buckets = new Map<number, number>();
  for (const s of stats) for (const [le, v] of s.buckets) buckets.set(le, (buckets.get(le) ?? 0) + v);
  const out: EdgeTraffic = { rps: round(rps), errorRatio: rps > 0 ? round(errors / rps) : 0 };
  const p95 = histogramQuantile(0.95, buckets);
  if (p95 !== undefined && Number.isFinite(p95)) out.p95Ms = round(p95);
  return out;
}

/**
 * Where Istio says nothing about an edge next to an Envoy Gateway proxy, its own per-rule stats do:
 * backend edges of single-backend rules (a cluster holds all of a rule's backends), and attachment
 * edges from Gateways of an Envoy Gateway class (all of the route's rules, summed over its proxies).
 */
function envoyGatewayFallback(topology: Pick<Topology, 'nodes' | 'edges'>, nodes: Map<string, WireNode>, results: QueryResults, edges: Record<string, EdgeTraffic>): void {
  if (!results.egRequests?.length) return;
  const rules = envoyGatewayRules(results);
  for (const edge of topology.edges) {
    if (edges[edge.id]) continue;
    if (edge.kind === 'backend') {
      const route = nodes.get(edge.source);
      const rule = edge.ruleIndex ?? Number(edge.id.split('|')[2]?.slice(1));
      if (!route || !('rules' in route) || (route as RouteNode).rules[rule]?.backendRefs.length !== 1) continue;
      const t = ruleFigures([rules.get(`${route.id}|${rule}`)].filter((r): r is RuleStats => !!r));
      if (t) edges[edge.id] = t;
    } else if (edge.kind === 'attachment') {
      const gw = nodes.get(edge.source);
      const route = nodes.get(edge.target);
      if (gw?.kind !== 'Gateway' || !gw.controllerName?.startsWith('gateway.envoyproxy.io/') || !route || !('rules' in route)) continue;
      const t = ruleFigures((route as RouteNode).rules.map((r) => rules.get(`${route.id}|${r.index}`)).filter((r): r is RuleStats => !!r));
      if (t) edges[edge.id] = t;
    }
  }
}

export function mapTelemetry(topology: Pick<Topology, 'nodes' | 'edges'>, results: QueryResults): Record<string, EdgeTraffic> {
  const ix = indexCells(results);
  const nodes = new Map(topology.nodes.map((n) => [n.id, n] as const));
  const cx: Context = {
    ix,
    nodes,
    meshRoutes: meshRoutesByParent(nodes),
    gatewaysOf: gatewaysOfSource(nodes),
    routes: new Map(),
    acc: new Float64Array(ix.les.length),
    accPresent: new Uint8Array(ix.les.length),
  };
  const edges: Record<string, EdgeTraffic> = {};
  const ruleGroups = new Map<string, string[]>();
  const serviceGroups = new Map<string, string[]>();
  for (const edge of topology.edges) {
    const sel = selectorFor(edge, cx);
    if (!sel) continue;
    const t = figures(cx, sel);
    if (t) edges[edge.id] = t;
    if (edge.kind === 'backend') {
      const k = `${edge.source}|${edge.ruleIndex ?? edge.id.split('|')[2]}`;
      (ruleGroups.get(k) ?? ruleGroups.set(k, []).get(k)!).push(edge.id);
    } else if (edge.kind === 'workload') {
      (serviceGroups.get(edge.source) ?? serviceGroups.set(edge.source, []).get(edge.source)!).push(edge.id);
    }
  }
  envoyGatewayFallback(topology, nodes, results, edges);
  // A share only means something on a split: a rule with several backends, a Service with several workloads.
  const splits = (g: Map<string, string[]>) => new Map([...g].filter(([, ids]) => ids.length > 1));
  addShares(edges, splits(ruleGroups));
  addShares(edges, splits(serviceGroups));
  return edges;
}
