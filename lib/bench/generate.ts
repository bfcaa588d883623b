/**
 * Seeded synthetic clusters for the benchmark: namespaces, GatewayClasses, Gateways with HTTP,
 * HTTPS and TCP listeners, HTTPRoutes with 1–4 rules and weighted backendRefs, some GRPCRoutes
 * and TCPRoutes, Services with Deployments (some split into v1/v2), and a few broken references
 * (misspelled backends, sectionNames that match no listener, a Gateway naming a missing class).
 * The same size and seed always give the same objects.
 */
import type { KObject } from '../gateway-api/types';
import { rng } from '../model/testing/prng';

export type SizeName = 'small' | 'medium' | 'large';

export interface SizeSpec {
  namespaces: number;
  gateways: number;
  httpRoutes: number;
  services: number;
  /** GRPCRoutes and TCPRoutes, each as a fraction of httpRoutes. */
  grpcFraction: number;
  tcpFraction: number;
  /** Fraction of backendRefs / parentRefs that are broken. */
  brokenFraction: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  small: { namespaces: 10, gateways: 5, httpRoutes: 100, services: 100, grpcFraction: 0.05, tcpFraction: 0.05, brokenFraction: 0.02 },
  medium: { namespaces: 50, gateways: 10, httpRoutes: 1_000, services: 1_000, grpcFraction: 0.05, tcpFraction: 0.05, brokenFraction: 0.02 },
  large: { namespaces: 500, gateways: 50, httpRoutes: 10_000, services: 10_000, grpcFraction: 0.05, tcpFraction: 0.05, brokenFraction: 0.02 },
};

const GW = 'gateway.networking.k8s.io/v1';
const CLASSES = [
  { name: 'bench-envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' },
  { name: 'bench-istio', controllerName: 'istio.io/gateway-controller' },
];
const PATHS = ['/api', '/app', '/static', '/v1', '/v2', '/login', '/search', '/cart'];

export const nsName = (i: number) => `team-${String(i).padStart(3, '0')}`;
export const gatewayNamespace = 'bench-gateways';

export function generateCluster(size: SizeName | SizeSpec, seed = 1): KObject[] {
  const spec = typeof size === 'string' ? SIZES[size] : size;
  const r = rng(seed);
  const out: KObject[] = [];
  const namespaces = Array.from({ length: spec.namespaces }, (_, i) => nsName(i));

  out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: gatewayNamespace } });
  for (const ns of namespaces) out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'bench/tier': r.pick(['a', 'b']) } } });
  for (const c of CLASSES) out.push({ apiVersion: GW, kind: 'GatewayClass', metadata: { name: c.name }, spec: { controllerName: c.controllerName } });
  out.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bench-tls', namespace: gatewayNamespace }, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } });

  // Gateways: every one has http and https listeners on its own wildcard host, every fifth a TCP listener.
  const gateways: { name: string; tcp: boolean }[] = [];
  for (let g = 0; g < spec.gateways; g++) {
    const name = `gw-${String(g).padStart(2, '0')}`;
    const tcp = g % 5 === 0;
    const host = `*.g${g}.bench.example`;
    const listeners: unknown[] = [
      { name: 'http', protocol: 'HTTP', port: 80, hostname: host, allowedRoutes: { namespaces: { from: 'All' } } },
      { name: 'https', protocol: 'HTTPS', port: 443, hostname: host, tls: { mode: 'Terminate', certificateRefs: [{ name: 'bench-tls' }] }, allowedRoutes: { namespaces: { from: 'All' } } },
    ];
    if (tcp) listeners.push({ name: 'tcp', protocol: 'TCP', port: 9000 + g, allowedRoutes: { namespaces: { from: 'All' }, kinds: [{ kind: 'TCPRoute' }] } });
    // One Gateway names a class that does not exist.
    const className = g === spec.gateways - 1 && spec.gateways > 1 ? 'bench-missing-class' : CLASSES[g % CLASSES.length].name;
    out.push({ apiVersion: GW, kind: 'Gateway', metadata: { name, namespace: gatewayNamespace }, spec: { gatewayClassName: className, listeners } });
    gateways.push({ name, tcp });
  }

  // Services and Deployments, spread evenly over the namespaces; every fifth service has a v1/v2 split.
  const servicesByNs = new Map<string, string[]>(namespaces.map((ns) => [ns, []]));
  for (let s = 0; s < spec.services; s++) {
    const ns = namespaces[s % namespaces.length];
    const name = `svc-${String(s).padStart(5, '0')}`;
    servicesByNs.get(ns)!.push(name);
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels: { app: name } }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] } });
    const versions = s % 5 === 0 ? ['v1', 'v2'] : ['v1'];
    for (const v of versions) {
      const labels = { app: name, version: v };
      out.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: versions.length > 1 ? `${name}-${v}` : name, namespace: ns, labels },
        spec: { replicas: 1 + r.int(3), selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'example.local/bench:1' }] } } },
        status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
      });
      if (versions.length > 1) {
        out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `${name}-${v}`, namespace: ns, labels }, spec: { selector: labels, ports: [{ name: 'http', port: 8080 }] } });
      }
    }
  }

  const backendName = (ns: string, own: string[]): string => {
    if (r.chance(spec.brokenFraction)) return `missing-${r.int(1000)}`;
    return own.length ? r.pick(own) : `missing-${ns}`;
  };
  const parentRefs = (kind: 'http' | 'tcp'): unknown[] => {
    const refs: unknown[] = [];
    const n = kind === 'tcp' ? 1 : 1 + (r.chance(0.3) ? 1 : 0);
    const pool = kind === 'tcp' ? gateways.filter((g) => g.tcp) : gateways;
    for (let i = 0; i < n && pool.length; i++) {
      const g = pool[(r.int(pool.length) + i) % pool.length];
      const ref: Record<string, unknown> = { name: g.name, namespace: gatewayNamespace };
      if (r.chance(spec.brokenFraction)) ref.sectionName = 'no-such-listener';
      else if (kind === 'tcp') ref.sectionName = 'tcp';
      else if (r.chance(0.5)) ref.sectionName = r.pick(['http', 'https']);
      if (!refs.some((x) => (x as { name: string }).name === g.name)) refs.push(ref);
    }
    return refs;
  };

  const grpcCount = Math.round(spec.httpRoutes * spec.grpcFraction);
  const tcpCount = gateways.some((g) => g.tcp) ? Math.round(spec.httpRoutes * spec.tcpFraction) : 0;
  for (let i = 0; i < spec.httpRoutes; i++) {
    const ns = namespaces[i % namespaces.length];
    const own = servicesByNs.get(ns) ?? [];
    const ruleCount = 1 + r.int(4);
    const rules = Array.from({ length: ruleCount }, (_, k) => {
      const backends = 1 + r.int(3);
      const rule: Record<string, unknown> = {
        matches: [{ path: { type: r.chance(0.8) ? 'PathPrefix' : 'Exact', value: `${r.pick(PATHS)}/${k}` } }],
        backendRefs: Array.from({ length: backends }, () => ({ name: backendName(ns, own), port: 8080, weight: backends > 1 ? r.int(10) : undefined })),
      };
      if (r.chance(0.1)) rule.filters = [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }];
      return rule;
    });
    const g = r.int(spec.gateways);
    out.push({
      apiVersion: GW,
      kind: 'HTTPRoute',
      metadata: { name: `route-${String(i).padStart(5, '0')}`, namespace: ns },
      spec: { parentRefs: parentRefs('http'), hostnames: [`r${i}.g${g}.bench.example`], rules },
    });
  }
  for (let i = 0; i < grpcCount; i++) {
    const ns = namespaces[i % namespaces.length];
    out.push({
      apiVersion: GW,
      kind: 'GRPCRoute',
      metadata: { name: `grpc-${String(i).padStart(5, '0')}`, namespace: ns },
      spec: {
        parentRefs: parentRefs('http'),
        rules: [{ matches: [{ method: { service: `bench.Svc${i % 7}`, method: 'Get' } }], backendRefs: [{ name: backendName(ns, servicesByNs.get(ns) ?? []), port: 8080 }] }],
      },
    });
  }
  for (let i = 0; i < tcpCount; i++) {
    const ns = namespaces[i % namespaces.length];
    out.push({
      apiVersion: 'gateway.networking.k8s.io/v1alpha2',
      kind: 'TCPRoute',
      metadata: { name: `tcp-${String(i).padStart(5, '0')}`, namespace: ns },
      spec: { parentRefs: parentRefs('tcp'), rules: [{ backendRefs: [{ name: backendName(ns, servicesByNs.get(ns) ?? []), port: 8080 }] }] },
    });
  }
  return out;
}

export function countByKind(objects: readonly KObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}
