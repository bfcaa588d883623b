import { describe, expect, it } from 'vitest';
import type { GatewayNode, RouteNode, ServiceNode, Topology, WireEdge, WorkloadNode } from '../wire/types';
import { buildTopology, snapshotFromObjects, type ModelContext } from './index';
import { loadYamlDir, REFERENCE_ENV_DIR } from './testing/load-yaml';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'Demo cluster (emulated)' }, health: { state: 'ok' }, kinds: [], generatedAt: '2026-01-01T00:00:00Z' };
const objects = loadYamlDir(REFERENCE_ENV_DIR);
const topo: Topology = buildTopology(snapshotFromObjects(objects), ctx, 7);
const node = <T>(id: string) => topo.nodes.find((n) => n.id === id) as T | undefined;
const edge = (id: string): WireEdge | undefined => topo.edges.find((e) => e.id === id);

describe('topology of the reference environment', () => {
  it('carries the revision and context', () => {
    expect(topo.revision).toBe(7);
    expect(topo.cluster.label).toBe('Demo cluster (emulated)');
  });

  it('has the four gateways plus the one whose class does not exist, with their listeners', () => {
    const gws = topo.nodes.filter((n) => n.kind === 'Gateway').map((n) => n.name);
    expect(gws).toEqual(['envoy-http-ports', 'envoy-tcp-mongodb', 'envoy-tcp-mongodb-typo', 'istio-http-ports', 'istio-tcp-mongodb']);
    const istio = node<GatewayNode>('Gateway:gateways/istio-http-ports')!;
    expect(istio.listeners.map((l) => [l.handle, l.protocol, l.port, l.hostname])).toEqual([
      ['listener:https', 'HTTPS', 30443, 'cadec2024.localhost'],
      ['listener:http', 'HTTP', 30080, 'cadec2024.localhost'],
    ]);
    expect(istio.controllerName).toBe('istio.io/gateway-controller');
    expect(istio.listeners[0].attachedRoutes).toBeUndefined(); // no controller wrote status
    const typo = node<GatewayNode>('Gateway:gateways/envoy-tcp-mongodb-typo')!;
    expect(typo.controllerName).toBeUndefined();
    expect(node('GatewayClass:envoy-gatew')).toMatchObject({ missing: true });
    expect(edge('class|Gateway:gateways/envoy-tcp-mongodb-typo')).toMatchObject({ source: 'GatewayClass:envoy-gatew' });
  });

  it('has the routes, the TCPRoute and the Ingress', () => {
    for (const id of ['HTTPRoute:app1/app1', 'HTTPRoute:app2/app2', 'HTTPRoute:app2/b-split', 'HTTPRoute:app1/app1-typo', 'TCPRoute:app1/mongodb', 'Ingress:app1/cadec2024-ingress'])
      expect(node(id), id).toBeDefined();
    expect(node('Ingress:app1/cadec2024-ingress')).toMatchObject({ rules: ['cadec2024.localhost /app1(/|$)(.*) → httpbin:http'], tlsHosts: ['cadec2024.localhost'], ingressClassName: 'nginx' });
    expect(edge('ingress|Ingress:app1/cadec2024-ingress|0.0')).toMatchObject({ kind: 'ingress', target: 'Service:app1/httpbin', resolved: true });
  });

  it('attaches app1 to the listeners of both HTTP gateways, with no controller verdict yet', () => {
    const attach = topo.edges.filter((e) => e.kind === 'attachment' && e.target === 'HTTPRoute:app1/app1');
    expect(attach.map((e) => [e.source, e.sourceHandle])).toEqual([
      ['Gateway:gateways/envoy-http-ports', 'listener:https'],
      ['Gateway:gateways/istio-http-ports', 'listener:http'],
      ['Gateway:gateways/istio-http-ports', 'listener:https'],
    ]);
    expect(attach.every((e) => e.accepted === 'unknown')).toBe(true);
    const app1 = node<RouteNode>('HTTPRoute:app1/app1')!;
    expect(app1.parents.map((p) => p.target)).toEqual(['Gateway:gateways/envoy-http-ports', 'Gateway:gateways/istio-http-ports']);
    expect(app1.rules[0]).toMatchObject({ handle: 'rule:0', matches: ['PathPrefix /app1'], filters: ['rewrite /'], totalWeight: 1 });
    // app2 names sectionName http: only that listener
    expect(topo.edges.filter((e) => e.target === 'HTTPRoute:app2/app2' && e.kind === 'attachment').map((e) => e.sourceHandle)).toEqual(['listener:http']);
  });

  it("splits b-split 2:3 into shares 0.4 and 0.6 as a mesh route from Service b", () => {
    const b1 = edge('backend|HTTPRoute:app2/b-split|r0|b0')!;
    const b2 = edge('backend|HTTPRoute:app2/b-split|r0|b1')!;
    expect([b1.target, b1.weight, b1.share, b1.totalWeight]).toEqual(['Service:app2/b-v1', 2, 0.4, 5]);
    expect([b2.target, b2.weight, b2.share, b2.totalWeight]).toEqual(['Service:app2/b-v2', 3, 0.6, 5]);
    expect(node<RouteNode>('HTTPRoute:app2/b-split')).toMatchObject({ mesh: true });
    expect(edge('mesh|HTTPRoute:app2/b-split|p0')).toMatchObject({ kind: 'mesh-parent', source: 'Service:app2/b', accepted: 'unknown' });
  });

  it('draws app1-typo to a ghost httbin Service, unresolved', () => {
    expect(node<ServiceNode>('Service:app1/httbin')).toMatchObject({ missing: true, kind: 'Service' });
    expect(edge('backend|HTTPRoute:app1/app1-typo|r0|b0')).toMatchObject({ target: 'Service:app1/httbin', resolved: false, reason: 'BackendNotFound' });
    expect(node<RouteNode>('HTTPRoute:app1/app1-typo')!.rules[0].backendRefs[0]).toMatchObject({ resolved: false, weight: 1, share: 1 });
  });

  it('groups workloads by app and version: b/v1 and b/v2 behind Service b', () => {
    expect(node<WorkloadNode>('Workload:app2/b/v1')).toMatchObject({ app: 'b', workloadVersion: 'v1', deployments: [{ name: 'b-v1', replicas: 1, readyReplicas: 0 }] });
    expect(node<WorkloadNode>('Workload:app2/b/v2')).toMatchObject({ app: 'b', workloadVersion: 'v2' });
    const fromB = topo.edges.filter((e) => e.kind === 'workload' && e.source === 'Service:app2/b').map((e) => e.target);
    expect(fromB).toEqual(['Workload:app2/b/v1', 'Workload:app2/b/v2']);
    expect(topo.edges.filter((e) => e.source === 'Service:app2/b-v1' && e.kind === 'workload').map((e) => e.target)).toEqual(['Workload:app2/b/v1']);
  });

  it('lists nodes and edges sorted by id, and is deterministic', () => {
    const ids = topo.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    const eids = topo.edges.map((e) => e.id);
    expect(eids).toEqual([...eids].sort());
    expect(new Set(eids).size).toBe(eids.length);
    const again = buildTopology(snapshotFromObjects([...objects].reverse()), ctx, 7);
    expect(again).toEqual(topo);
  });

  it('never emits an edge whose ends are not nodes', () => {
    const ids = new Set(topo.nodes.map((n) => n.id));
    for (const e of topo.edges) {
      expect(ids.has(e.source), e.id).toBe(true);
      expect(ids.has(e.target), e.id).toBe(true);
    }
  });
});
