import { describe, expect, it } from 'vitest';
import type { Topology, WireEdge, WireNode } from '../wire/types';
import { filterTopology, topologyQuery } from './topology-filter';

const node = (kind: WireNode['kind'], name: string, namespace?: string) =>
  ({ id: namespace ? `${kind}:${namespace}/${name}` : `${kind}:${name}`, kind, name, namespace, group: '', version: 'v1', conditions: [] }) as unknown as WireNode;
const edge = (source: string, target: string): WireEdge => ({ id: `${source}>${target}`, kind: 'class', source, target });

const topo: Topology = {
  revision: 1,
  generatedAt: '',
  cluster: { mode: 'demo', label: 'Demo cluster (emulated)' },
  health: { state: 'ok' },
  kinds: [],
  nodes: [node('GatewayClass', 'istio'), node('GatewayClass', 'unused'), node('Gateway', 'gw', 'gateways'), node('HTTPRoute', 'r', 'app1'), node('Service', 's', 'app1'), node('Service', 't', 'app2')],
  edges: [edge('GatewayClass:istio', 'Gateway:gateways/gw'), edge('Gateway:gateways/gw', 'HTTPRoute:app1/r'), edge('HTTPRoute:app1/r', 'Service:app1/s'), edge('HTTPRoute:app1/r', 'Service:app2/t')],
};

const parse = (q: Record<string, string>) => topologyQuery.parse(q);

describe('topology filter', () => {
  it('without filters returns everything', () => {
    expect(filterTopology(topo, parse({}))).toBe(topo);
  });

  it('keeps nodes of the namespaces, cluster-scoped nodes connected to them, and edges between kept nodes', () => {
    const t = filterTopology(topo, parse({ namespace: 'gateways,app1' }));
    expect(t.nodes.map((n) => n.id)).toEqual(['GatewayClass:istio', 'Gateway:gateways/gw', 'HTTPRoute:app1/r', 'Service:app1/s']);
    expect(t.edges).toHaveLength(3);
  });

  it('filters by kind', () => {
    const t = filterTopology(topo, parse({ kind: 'HTTPRoute,Service' }));
    expect(t.nodes.map((n) => n.kind)).toEqual(['HTTPRoute', 'Service', 'Service']);
    expect(t.edges.map((e) => e.target)).toEqual(['Service:app1/s', 'Service:app2/t']);
  });

  it('rejects unknown kinds, bad namespace names and unknown parameters', () => {
    expect(topologyQuery.safeParse({ kind: 'HttpRoute' }).success).toBe(false);
    expect(topologyQuery.safeParse({ namespace: 'Bad_NS' }).success).toBe(false);
    expect(topologyQuery.safeParse({ nope: '1' }).success).toBe(false);
  });
});
