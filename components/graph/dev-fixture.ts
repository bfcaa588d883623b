/**
 * Topologies for the graph's dev page and tests: the reference environment as the model would build it
 * (hand-written, so the graph can be developed without a cluster) and a synthetic graph of any size.
 */
import { edgeIds, handles, nodeId, workloadId } from '@/lib/wire/ids';
import type {
  GatewayNode,
  RouteNode,
  ServiceNode,
  Topology,
  WireCondition,
  WireEdge,
  WireNode,
  WorkloadNode,
} from '@/lib/wire/types';

const cond = (type: string, status: WireCondition['status'], reason: string, message = ''): WireCondition => ({
  type,
  status,
  reason,
  message,
  stale: false,
  observedGeneration: 1,
  lastTransitionTime: '2026-11-26T10:00:00Z',
});

const base = { group: 'gateway.networking.k8s.io', version: 'v1', generation: 1 } as const;

function gateway(name: string, className: string, listeners: [string, string, number, string?][], ok = true): GatewayNode {
  return {
    ...base,
    id: nodeId('Gateway', name, 'gateways'),
    kind: 'Gateway',
    name,
    namespace: 'gateways',
    gatewayClassName: className,
    addresses: ok ? ['10.96.0.10'] : [],
    conditions: ok
      ? [cond('Accepted', 'True', 'Accepted'), cond('Programmed', 'True', 'Programmed')]
      : [],
    listeners: listeners.map(([lname, protocol, port, hostname]) => ({
      handle: handles.listener(lname),
      name: lname,
      protocol,
      port,
      hostname,
      attachedRoutes: ok ? 0 : undefined,
      conditions: ok ? [cond('Accepted', 'True', 'Accepted'), cond('Programmed', 'True', 'Programmed'), cond('ResolvedRefs', 'True', 'ResolvedRefs')] : [],
    })),
  };
}

function service(namespace: string, name: string, port: number, missing = false): ServiceNode {
  return {
    id: nodeId('Service', name, namespace),
    kind: 'Service',
    name,
    namespace,
    group: '',
    version: 'v1',
    conditions: [],
    missing: missing || undefined,
    type: missing ? undefined : 'ClusterIP',
    ports: missing ? [] : [{ name: 'http', port, protocol: 'TCP' }],
  };
}

function workload(namespace: string, app: string, version: string, replicas = 1): WorkloadNode {
  return {
    id: workloadId(namespace, app, version),
    kind: 'Workload',
    name: `${app}-${version}`,
    namespace,
    group: 'apps',
    version: 'v1',
    conditions: [],
    app,
    workloadVersion: version,
    deployments: [{ name: version === 'latest' || version === 'v1' ? app : `${app}-${version}`, replicas, readyReplicas: replicas }],
  };
}

interface RuleSpec {
  matches: string[];
  filters?: string[];
  backends: { ns: string; name: string; port: number; weight?: number; missing?: boolean }[];
}

function route(
  kind: RouteNode['kind'],
  namespace: string,
  name: string,
  hostnames: string[],
  parents: { gw?: string; svc?: string; section?: string; accepted?: boolean | 'unknown'; reason?: string }[],
  rules: RuleSpec[],
  routeConds: WireCondition[] = [cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'True', 'ResolvedRefs')],
): RouteNode {
  const id = nodeId(kind, name, namespace);
  return {
    ...base,
    version: kind === 'TCPRoute' ? 'v1alpha2' : 'v1',
    id,
    kind,
    name,
    namespace,
    hostnames,
    mesh: parents.some((p) => p.svc),
    conditions: [],
    parents: parents.map((p, index) => ({
      index,
      parentRef: p.svc
        ? { group: '', kind: 'Service', namespace, name: p.svc, port: 8080 }
        : { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'gateways', name: p.gw!, sectionName: p.section },
      target: p.svc ? nodeId('Service', p.svc, namespace) : nodeId('Gateway', p.gw!, 'gateways'),
      statuses:
        p.accepted === 'unknown'
          ? []
          : [{ controllerName: p.svc ? 'istio.io/gateway-controller' : 'gateway.envoyproxy.io/gatewayclass-controller', conditions: p.accepted === false ? [cond('Accepted', 'False', p.reason ?? 'NotAllowedByListeners')] : routeConds }],
      accepted: p.accepted ?? true,
    })),
    rules: rules.map((r, index) => {
      const total = r.backends.reduce((s, b) => s + (b.weight ?? 1), 0);
      return {
        handle: handles.rule(index),
        index,
        matches: r.matches,
        filters: r.filters ?? [],
        totalWeight: total,
        backendRefs: r.backends.map((b, bi) => ({
          index: bi,
          group: '',
          kind: 'Service',
          name: b.name,
          namespace: b.ns,
          port: b.port,
          weight: b.weight ?? 1,
          share: total ? (b.weight ?? 1) / total : 0,
          target: nodeId('Service', b.name, b.ns),
          resolved: !b.missing,
        })),
      };
    }),
  };
}

/** Derives the edges exactly as the model does: attachments per listener, backends per rule row. */
export function deriveEdges(nodes: WireNode[]): WireEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: WireEdge[] = [];
  for (const n of nodes) {
    if (n.kind === 'Gateway' && byId.has(nodeId('GatewayClass', n.gatewayClassName))) {
      edges.push({ id: edgeIds.class(n.id), kind: 'class', source: nodeId('GatewayClass', n.gatewayClassName), target: n.id });
    }
    if (n.kind === 'HTTPRoute' || n.kind === 'GRPCRoute' || n.kind === 'TCPRoute' || n.kind === 'TLSRoute' || n.kind === 'UDPRoute') {
      for (const p of n.parents) {
        const parent = byId.get(p.target);
        const reason = p.statuses[0]?.conditions.find((c) => c.type === 'Accepted' && c.status === 'False')?.reason;
        if (parent?.kind === 'Gateway') {
          const listeners = parent.listeners.filter((l) => !p.parentRef.sectionName || l.name === p.parentRef.sectionName);
          for (const l of listeners) {
            if (n.kind === 'TCPRoute' ? l.protocol !== 'TCP' : l.protocol === 'TCP') continue;
            if (p.accepted === true) l.attachedRoutes = (l.attachedRoutes ?? 0) + 1;
            edges.push({ id: edgeIds.attachment(n.id, p.index, l.name), kind: 'attachment', source: parent.id, sourceHandle: l.handle, target: n.id, accepted: p.accepted, reason });
          }
        } else if (parent?.kind === 'Service') {
          edges.push({ id: edgeIds.meshParent(n.id, p.index), kind: 'mesh-parent', source: parent.id, target: n.id, accepted: p.accepted, reason });
        }
      }
      for (const r of n.rules) {
        for (const b of r.backendRefs) {
          edges.push({
            id: edgeIds.backend(n.id, r.index, b.index),
            kind: 'backend',
            source: n.id,
            sourceHandle: r.handle,
            target: b.target,
            weight: b.weight,
            share: b.share,
            totalWeight: r.totalWeight,
            ruleIndex: r.index,
            backendIndex: b.index,
            resolved: b.resolved,
            reason: b.resolved ? undefined : 'BackendNotFound',
          });
        }
      }
    }
  }
  for (const n of nodes) {
    if (n.kind !== 'Service' || n.missing) continue;
    for (const w of nodes) {
      if (w.kind !== 'Workload' || w.namespace !== n.namespace) continue;
      const app = n.name.replace(/-v\d+$/, '');
      const version = /-(v\d+)$/.exec(n.name)?.[1];
      if (w.app === app && (!version || w.workloadVersion === version)) {
        edges.push({ id: edgeIds.workload(n.id, w.id), kind: 'workload', source: n.id, target: w.id });
      }
    }
  }
  return edges;
}

function topology(nodes: WireNode[]): Topology {
  return {
    revision: 1,
    generatedAt: '2026-11-26T10:00:00Z',
    cluster: { mode: 'demo', label: 'Demo cluster (emulated)' },
    health: { state: 'ok' },
    kinds: [],
    nodes,
    edges: deriveEdges(nodes),
  };
}

export function referenceTopology(): Topology {
  const typoGw = gateway('envoy-tcp-mongodb-typo', 'envoy-gatew', [['tcp-mongodb', 'TCP', 20018]], false);
  typoGw.conditions = [
    { type: 'Accepted', status: 'Unknown', reason: 'Pending', message: 'Waiting for controller', stale: false, pending: true },
    { type: 'Programmed', status: 'Unknown', reason: 'Pending', message: 'Waiting for controller', stale: false, pending: true },
  ];
  typoGw.problems = { errors: 1, warnings: 0, infos: 0 };
  const typo = route(
    'HTTPRoute',
    'app1',
    'app1-typo',
    ['cadec2024.localhost'],
    [{ gw: 'envoy-http-ports' }],
    [{ matches: ['PathPrefix /app1-typo'], filters: ['rewrite /'], backends: [{ ns: 'app1', name: 'httbin', port: 8000, missing: true }] }],
    [cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'False', 'BackendNotFound', 'Service app1/httbin not found')],
  );
  typo.problems = { errors: 1, warnings: 0, infos: 0 };
  const missing = service('app1', 'httbin', 8000, true);
  missing.problems = { errors: 1, warnings: 0, infos: 0 };
  const nodes: WireNode[] = [
    { id: nodeId('GatewayClass', 'envoy-gateway-class'), kind: 'GatewayClass', name: 'envoy-gateway-class', ...base, controllerName: 'gateway.envoyproxy.io/gatewayclass-controller', conditions: [cond('Accepted', 'True', 'Accepted')] },
    { id: nodeId('GatewayClass', 'istio'), kind: 'GatewayClass', name: 'istio', ...base, controllerName: 'istio.io/gateway-controller', conditions: [cond('Accepted', 'True', 'Accepted')] },
    gateway('envoy-http-ports', 'envoy-gateway-class', [['https', 'HTTPS', 20443, 'cadec2024.localhost']]),
    gateway('istio-http-ports', 'istio', [['https', 'HTTPS', 30443, 'cadec2024.localhost'], ['http', 'HTTP', 30080, 'cadec2024.localhost']]),
    gateway('envoy-tcp-mongodb', 'envoy-gateway-class', [['tcp-mongodb', 'TCP', 20017]]),
    gateway('istio-tcp-mongodb', 'istio', [['tcp-mongodb', 'TCP', 30017]]),
    typoGw,
    {
      id: nodeId('Ingress', 'cadec2024-ingress', 'app1'),
      kind: 'Ingress',
      name: 'cadec2024-ingress',
      namespace: 'app1',
      group: 'networking.k8s.io',
      version: 'v1',
      conditions: [],
      ingressClassName: 'nginx',
      rules: ['cadec2024.localhost /app1(/|$)(.*) → httpbin:http'],
      tlsHosts: ['cadec2024.localhost'],
    },
    route('HTTPRoute', 'app1', 'app1', ['cadec2024.localhost'], [{ gw: 'envoy-http-ports' }, { gw: 'istio-http-ports' }], [
      { matches: ['PathPrefix /app1'], filters: ['rewrite /'], backends: [{ ns: 'app1', name: 'httpbin', port: 8000 }] },
    ]),
    typo,
    route('TCPRoute', 'app1', 'mongodb', [], [{ gw: 'envoy-tcp-mongodb' }, { gw: 'istio-tcp-mongodb' }], [
      { matches: [], backends: [{ ns: 'app1', name: 'mongodb', port: 27017 }] },
    ]),
    route('HTTPRoute', 'app2', 'app2', ['cadec2024.localhost'], [{ gw: 'istio-http-ports', section: 'http' }], [
      { matches: ['PathPrefix /app2'], backends: [{ ns: 'app2', name: 'a', port: 8080 }] },
    ]),
    route('HTTPRoute', 'app2', 'b-split', [], [{ svc: 'b' }], [
      { matches: ['*'], backends: [{ ns: 'app2', name: 'b-v1', port: 8080, weight: 2 }, { ns: 'app2', name: 'b-v2', port: 8080, weight: 3 }] },
    ]),
    service('app1', 'httpbin', 8000),
    missing,
    { ...service('app1', 'mongodb', 27017), ports: [{ name: 'mongo', port: 27017, protocol: 'TCP' }] },
    service('app2', 'a', 8080),
    service('app2', 'b', 8080),
    service('app2', 'b-v1', 8080),
    service('app2', 'b-v2', 8080),
    workload('app1', 'httpbin', 'v1'),
    workload('app1', 'mongodb', 'v1'),
    workload('app2', 'a', 'latest'),
    workload('app2', 'b', 'v1'),
    workload('app2', 'b', 'v2'),
  ];
  const t = topology(nodes);
  t.edges.push({ id: edgeIds.ingress(nodeId('Ingress', 'cadec2024-ingress', 'app1'), 0, 0), kind: 'ingress', source: nodeId('Ingress', 'cadec2024-ingress', 'app1'), target: nodeId('Service', 'httpbin', 'app1') });
  return t;
}

/** A deterministic synthetic cluster: `namespaces` × (gateway, routes, services, workloads). */
export function syntheticTopology(targetNodes = 1000): Topology {
  const nodes: WireNode[] = [
    { id: nodeId('GatewayClass', 'envoy'), kind: 'GatewayClass', name: 'envoy', ...base, conditions: [cond('Accepted', 'True', 'Accepted')] },
  ];
  const perNs = 20;
  const namespaces = Math.max(1, Math.round(targetNodes / perNs));
  for (let i = 0; i < namespaces; i++) {
    const ns = `team-${String(i).padStart(3, '0')}`;
    const gw = gateway(`gw-${ns}`, 'envoy', [['https', 'HTTPS', 443, `${ns}.example.com`], ['http', 'HTTP', 80, `${ns}.example.com`]]);
    gw.namespace = ns;
    gw.id = nodeId('Gateway', gw.name, ns);
    nodes.push(gw);
    for (let r = 0; r < 5; r++) {
      const svcA = `svc-${r}-a`;
      const svcB = `svc-${r}-b`;
      const rt = route('HTTPRoute', ns, `route-${r}`, [`${ns}.example.com`], [{ gw: gw.name }], [
        { matches: [`PathPrefix /r${r}`], backends: [{ ns, name: svcA, port: 8080, weight: 9 }, { ns, name: svcB, port: 8080, weight: 1 }] },
        { matches: [`Exact /r${r}/health`], backends: [{ ns, name: svcA, port: 8080 }] },
      ]);
      rt.parents[0].target = gw.id;
      rt.parents[0].parentRef.namespace = ns;
      if ((i * 5 + r) % 37 === 0) rt.problems = { errors: 0, warnings: 1, infos: 0 };
      nodes.push(rt, service(ns, svcA, 8080), service(ns, svcB, 8080));
    }
    for (let r = 0; r < 5; r++) nodes.push(workload(ns, `svc-${r}-a`, "v1", 2));
  }
  return topology(nodes.slice(0, Math.max(targetNodes, 2)));
}
