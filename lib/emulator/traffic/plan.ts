/**
 * What traffic the demo cluster carries, derived from the objects in the store: every route attached
 * to a Gateway whose class exists gets clients through that Gateway's proxy; backendRefs pick the
 * destination Service by weight; a Service's pods are the Deployments its selector matches; calls
 * inside the mesh (a → b in the reference environment) follow the GAMMA routes whose parent is the
 * called Service. Rebuilt whenever the store changes, so weight edits apply on the next tick.
 */
import type { EmulatorStore } from '../api';
import type { Deployment, Gateway, GatewayClass, KObject, Route, Service } from '../../gateway-api/types';

const GW = 'gateway.networking.k8s.io';

export interface WorkloadRef {
  name: string;
  namespace: string;
  app: string;
  version: string;
  /** Gateway proxies report but do not serve (no reporter=destination for their inbound). */
  gateway?: boolean;
}

export interface ServiceRef {
  name: string;
  namespace: string;
}

/** A backend choice: the Service named (it may not exist) and the pods behind it, by replicas. */
export interface Backend {
  weight: number;
  service: ServiceRef;
  /** Empty when the Service does not exist or selects nothing: the request fails at the proxy. */
  pods: { workload: WorkloadRef; weight: number }[];
  exists: boolean;
}

export interface Entry {
  protocol: 'http' | 'grpc' | 'tcp';
  gateway: WorkloadRef;
  route: string;
  /** requests/s (HTTP, gRPC) or connections/s (TCP) before the options' multiplier */
  rate: number;
  backends: Backend[];
  /** Envoy Gateway proxies also count per rule cluster, named `httproute/<ns>/<name>/rule/<i>`. */
  envoyCluster?: string;
}

export interface MeshCall {
  from: { namespace: string; app: string };
  to: ServiceRef;
}

export interface TrafficPlan {
  entries: Entry[];
  /** Backends of the GAMMA route parented by a Service (`ns/name`), rule 0. */
  meshRoutes: Map<string, Backend[]>;
  /** The Service itself as a destination (`ns/name`). */
  services: Map<string, Backend>;
  calls: MeshCall[];
}

export interface PlanOptions {
  /** Requests/s per gateway and route rule (default 4). */
  httpRate?: number;
  /** Connections/s per gateway and TCP route rule (default 0.5). */
  tcpRate?: number;
  /** Cap on the sum of all entry rates; larger clusters get proportionally less each (default 500). */
  maxTotalRate?: number;
  /**
   * Share of the routes that get clients (default 1: all), picked by a hash of the route's name so the
   * same routes stay busy. Below 1 a huge cluster exports what one Prometheus can scrape.
   */
  activeRouteShare?: number;
  calls?: MeshCall[];
}

/** The reference environment's one in-mesh call: every request to a makes one call to b. */
export const REFERENCE_CALLS: MeshCall[] = [{ from: { namespace: 'app2', app: 'a' }, to: { namespace: 'app2', name: 'b' } }];

const key = (namespace: string, name: string) => `${namespace}/${name}`;

/** How each implementation names its proxy workload (see lib/telemetry/map.ts gatewayWorkloadMatcher). */
export function gatewayWorkload(gw: Gateway, controllerName: string): WorkloadRef {
  const ns = gw.metadata.namespace ?? 'default';
  const name = controllerName.startsWith('istio.io/') ? `${gw.metadata.name}-${gw.spec.gatewayClassName}` : gw.metadata.name;
  return { name, namespace: ns, app: name, version: 'unknown', gateway: true };
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function podsOf(svc: Service | undefined, deployments: readonly Deployment[]): Backend['pods'] {
  if (!svc) return [];
  return deployments
    .filter((d) => selects(svc.spec?.selector, d.spec?.template?.metadata?.labels))
    .map((d) => {
      const labels = d.spec.template.metadata?.labels ?? {};
      return {
        workload: { name: d.metadata.name, namespace: d.metadata.namespace ?? 'default', app: labels.app ?? d.metadata.name, version: labels.version ?? 'unknown' },
        weight: Math.max(0, d.spec.replicas ?? 1),
      };
    });
}

export function buildPlan(store: Pick<EmulatorStore, 'list'>, opts: PlanOptions = {}): TrafficPlan {
  const httpRate = opts.httpRate ?? 4;
  const tcpRate = opts.tcpRate ?? 0.5;
  const classes = new Map((store.list(GW, 'GatewayClass') as GatewayClass[]).map((c) => [c.metadata.name, c.spec?.controllerName ?? '']));
  const gateways = new Map((store.list(GW, 'Gateway') as Gateway[]).map((g) => [key(g.metadata.namespace ?? 'default', g.metadata.name), g]));
  const services = new Map((store.list('', 'Service') as Service[]).map((s) => [key(s.metadata.namespace ?? 'default', s.metadata.name), s]));
  // Indexed by namespace and cached per Service: large clusters have thousands of each.
  const deploymentsByNs = new Map<string, Deployment[]>();
  for (const d of store.list('apps', 'Deployment') as Deployment[]) {
    const ns = d.metadata.namespace ?? 'default';
    (deploymentsByNs.get(ns) ?? deploymentsByNs.set(ns, []).get(ns)!).push(d);
  }
  const podsCache = new Map<string, Backend['pods']>();
  const serviceBackends = new Map<string, Backend>();
  const backendFor = (ref: ServiceRef, weight: number): Backend => {
    const k = key(ref.namespace, ref.name);
    const svc = services.get(k);
    let pods = podsCache.get(k);
    if (!pods) podsCache.set(k, (pods = podsOf(svc, deploymentsByNs.get(ref.namespace) ?? [])));
    return { weight, service: ref, pods, exists: !!svc };
  };
  for (const [k, s] of services) serviceBackends.set(k, backendFor({ namespace: s.metadata.namespace ?? 'default', name: s.metadata.name }, 1));

  const entries: Entry[] = [];
  const meshRoutes = new Map<string, Backend[]>();
  const routes: KObject[] = ['HTTPRoute', 'GRPCRoute', 'TCPRoute'].flatMap((kind) => store.list(GW, kind));
  const share = opts.activeRouteShare ?? 1;
  for (const obj of routes) {
    const route = obj as Route;
    const ns = route.metadata.namespace ?? 'default';
    if (share < 1 && unitHash(`${route.kind}/${ns}/${route.metadata.name}`) >= share) continue;
    const protocol = route.kind === 'TCPRoute' ? 'tcp' : route.kind === 'GRPCRoute' ? 'grpc' : 'http';
    const rules = route.spec?.rules ?? [];
    const ruleBackends = rules.map((rule) =>
      (rule.backendRefs ?? [])
        .filter((b) => (b.kind ?? 'Service') === 'Service' && (b.group ?? '') === '')
        .map((b) => backendFor({ namespace: b.namespace ?? ns, name: b.name }, b.weight ?? 1)),
    );
    const seenGateways = new Set<string>();
    for (const p of route.spec?.parentRefs ?? []) {
      const pNs = p.namespace ?? ns;
      if ((p.kind ?? 'Gateway') === 'Service' && (p.group ?? '') === '') {
        if (ruleBackends[0]) meshRoutes.set(key(pNs, p.name), ruleBackends[0]);
        continue;
      }
      if ((p.kind ?? 'Gateway') !== 'Gateway' || (p.group ?? GW) !== GW) continue;
      const gwKey = key(pNs, p.name);
      const gw = gateways.get(gwKey);
      const controller = gw ? classes.get(gw.spec?.gatewayClassName) : undefined;
      // No class, no controller, no proxy: nothing can flow through that Gateway.
      if (!gw || controller === undefined || seenGateways.has(gwKey)) continue;
      seenGateways.add(gwKey);
      const gateway = gatewayWorkload(gw, controller);
      ruleBackends.forEach((backends, ruleIndex) => {
        if (backends.length === 0) return;
        const broken = backends.every((b) => !b.exists);
        // A route to nothing still gets clients (they see 500s), just fewer of them.
        const rate = protocol === 'tcp' ? tcpRate : broken ? httpRate / 4 : httpRate;
        const envoyCluster = controller.startsWith('gateway.envoyproxy.io/') && protocol !== 'tcp' ? `${route.kind.toLowerCase()}/${ns}/${route.metadata.name}/rule/${ruleIndex}` : undefined;
        entries.push({ protocol, gateway, route: `${route.kind}:${ns}/${route.metadata.name}`, rate, backends, ...(envoyCluster ? { envoyCluster } : {}) });
      });
    }
  }
  const total = entries.reduce((a, e) => a + e.rate, 0);
  const cap = opts.maxTotalRate ?? 500;
  if (total > cap) for (const e of entries) e.rate *= cap / total;
  return { entries, meshRoutes, services: serviceBackends, calls: opts.calls ?? REFERENCE_CALLS };
}

export const serviceKey = key;

/** A stable value in [0, 1) per string (FNV-1a). */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}
