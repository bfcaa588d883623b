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

/** One aggregated series after choosing a reporter, with the labels map.ts reads. */
interface Flow {
  srcWl: string;
  srcNs: string;
  svc: string;
  svcNs: string;
  dstWl: string;
  dstWlNs: string;
  dstVersion: string;
  value: number;
  labels: Record<string, string>;
}

const serviceKey = (namespace: string, name: string) => `${namespace}/${name}`;

/**
 * Both proxies of a call report it (reporter=source and reporter=destination). Count each call once:
 * prefer the source's report (it sees failures with no destination, like a missing backend) and use
 * the destination's only for pairs whose source is outside the mesh.
 */
export function chooseReporter(samples: readonly Sample[]): Flow[] {
  const pair = (l: Record<string, string>) =>
    [l.source_workload, l.source_workload_namespace, l.destination_service_name, l.destination_service_namespace].join('|');
  const fromSource = new Set<string>();
  for (const s of samples) if (s.labels.reporter === 'source') fromSource.add(pair(s.labels));
  const flows: Flow[] = [];
  for (const s of samples) {
    const l = s.labels;
    if (l.reporter === 'destination' && fromSource.has(pair(l))) continue;
    if (!Number.isFinite(s.value)) continue;
    flows.push({
      srcWl: l.source_workload ?? 'unknown',
      srcNs: l.source_workload_namespace ?? 'unknown',
      svc: l.destination_service_name ?? 'unknown',
      svcNs: l.destination_service_namespace ?? 'unknown',
      dstWl: l.destination_workload ?? 'unknown',
      dstWlNs: l.destination_workload_namespace ?? 'unknown',
      dstVersion: l.destination_version ?? 'unknown',
      value: s.value,
      labels: l,
    });
  }
  return flows;
}

function indexByService(flows: readonly Flow[]): Map<string, Flow[]> {
  const m = new Map<string, Flow[]>();
  for (const f of flows) {
    const k = serviceKey(f.svcNs, f.svc);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(f);
  }
  return m;
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

type SourceFilter = ((wl: string, ns: string) => boolean) | null;
type WorkloadFilter = ((f: Flow) => boolean) | null;

interface Selector {
  services: { namespace: string; name: string }[];
  source: SourceFilter;
  workload: WorkloadFilter;
}

interface Indexes {
  requests: Map<string, Flow[]>;
  duration: Map<string, Flow[]>;
  tcpSent: Map<string, Flow[]>;
  tcpReceived: Map<string, Flow[]>;
  tcpOpened: Map<string, Flow[]>;
}

function pick(index: Map<string, Flow[]>, sel: Selector): Flow[] {
  const out: Flow[] = [];
  const seen = new Set<string>();
  for (const s of sel.services) {
    const k = serviceKey(s.namespace, s.name);
    if (seen.has(k)) continue;
    seen.add(k);
    for (const f of index.get(k) ?? []) {
      if (sel.source && !sel.source(f.srcWl, f.srcNs)) continue;
      if (sel.workload && !sel.workload(f)) continue;
      out.push(f);
    }
  }
  return out;
}

const sum = (flows: readonly Flow[]) => flows.reduce((a, f) => a + f.value, 0);

/** 5xx for HTTP; for gRPC any status other than OK (0). */
function isError(f: Flow): boolean {
  const proto = f.labels.request_protocol;
  if (proto === 'grpc') {
    const g = f.labels.grpc_response_status;
    return g !== undefined && g !== '' && g !== '0';
  }
  return /^5\d\d$/.test(f.labels.response_code ?? '');
}

function figures(ix: Indexes, sel: Selector): EdgeTraffic | undefined {
  const req = pick(ix.requests, sel);
  const sent = pick(ix.tcpSent, sel);
  const received = pick(ix.tcpReceived, sel);
  const opened = pick(ix.tcpOpened, sel);
  if (req.length === 0 && sent.length === 0 && received.length === 0 && opened.length === 0) return undefined;
  const rps = sum(req);
  const errors = sum(req.filter(isError));
  const out: EdgeTraffic = { rps: round(rps), errorRatio: rps > 0 ? round(errors / rps) : 0 };
  const buckets = new Map<number, number>();
  for (const f of pick(ix.duration, sel)) {
    const le = f.labels.le === '+Inf' ? Infinity : Number(f.labels.le);
    if (Number.isNaN(le)) continue;
    buckets.set(le, (buckets.get(le) ?? 0) + f.value);
  }
  const p95 = histogramQuantile(0.95, buckets);
  if (p95 !== undefined && Number.isFinite(p95)) out.p95Ms = round(p95);
  if (sent.length + received.length > 0) out.tcpBytesPerSec = round(sum(sent) + sum(received));
  if (opened.length > 0) out.tcpConnectionsPerSec = round(sum(opened));
  return out;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

function routeServices(route: RouteNode): { namespace: string; name: string }[] {
  const out: { namespace: string; name: string }[] = [];
  for (const rule of route.rules) {
    for (const b of rule.backendRefs) if ((b.kind ?? 'Service') === 'Service') out.push({ namespace: b.namespace, name: b.name });
  }
  return out;
}

/** Sources whose traffic a route carries: its parent gateways' proxies; anyone for a mesh route. */
function routeSources(route: RouteNode, nodes: Map<string, WireNode>): SourceFilter {
  if (route.mesh || route.parents.length === 0) return null;
  const matchers = route.parents
    .map((p) => nodes.get(p.target))
    .filter((n): n is GatewayNode => n?.kind === 'Gateway')
    .map(gatewayWorkloadMatcher);
  if (matchers.length === 0) return null;
  return (wl, ns) => matchers.some((m) => m(wl, ns));
}

function workloadFilter(w: WorkloadNode | undefined, wlNamespace: string | undefined, fallbackName: string): WorkloadFilter {
  const names = new Set((w?.deployments ?? []).map((d) => d.name));
  if (names.size === 0) names.add(fallbackName);
  const version = w?.workloadVersion;
  return (f) => f.dstWlNs === (wlNamespace ?? f.dstWlNs) && (names.has(f.dstWl) || (version !== undefined && f.dstVersion === version && f.dstWl === 'unknown'));
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

function selectorFor(edge: WireEdge, nodes: Map<string, WireNode>, meshRoutes: Map<string, RouteNode[]>): Selector | undefined {
  switch (edge.kind) {
    case 'attachment': {
      const gw = nodes.get(edge.source);
      const route = nodes.get(edge.target);
      if (gw?.kind !== 'Gateway' || !route || !('rules' in route) || !('parents' in route)) return undefined;
      return { services: routeServices(route as RouteNode), source: gatewayWorkloadMatcher(gw), workload: null };
    }
    case 'mesh-parent': {
      const route = nodes.get(edge.target);
      if (!route || !('parents' in route)) return undefined;
      return { services: routeServices(route as RouteNode), source: null, workload: null };
    }
    case 'backend': {
      const route = nodes.get(edge.source);
      const svc = parseNodeId(edge.target);
      if (!route || !('parents' in route) || svc.kind !== 'Service' || !svc.namespace) return undefined;
      return { services: [{ namespace: svc.namespace, name: svc.name }], source: routeSources(route as RouteNode, nodes), workload: null };
    }
    case 'workload': {
      const svc = parseNodeId(edge.source);
      const wl = parseNodeId(edge.target);
      if (!svc.namespace) return undefined;
      const node = nodes.get(edge.target);
      const appName = wl.name.split('/')[0] ?? wl.name;
      // A Service split by a GAMMA route is served through the route's backends (b → b-v1, b-v2).
      const viaRoutes = (meshRoutes.get(edge.source) ?? []).flatMap(routeServices);
      return {
        services: [{ namespace: svc.namespace, name: svc.name }, ...viaRoutes],
        source: null,
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
  const ix: Indexes = {
    requests: indexByService(chooseReporter(results.requests ?? [])),
    duration: indexByService(chooseReporter(results.duration ?? [])),
    tcpSent: indexByService(chooseReporter(results.tcpSent ?? [])),
    tcpReceived: indexByService(chooseReporter(results.tcpReceived ?? [])),
    tcpOpened: indexByService(chooseReporter(results.tcpOpened ?? [])),
  };
  const nodes = new Map(topology.nodes.map((n) => [n.id, n] as const));
  const meshRoutes = meshRoutesByParent(nodes);
  const edges: Record<string, EdgeTraffic> = {};
  const ruleGroups = new Map<string, string[]>();
  const serviceGroups = new Map<string, string[]>();
  for (const edge of topology.edges) {
    const sel = selectorFor(edge, nodes, meshRoutes);
    if (!sel) continue;
    const t = figures(ix, sel);
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
