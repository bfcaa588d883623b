import { describe, expect, it } from 'vitest';
import type { Topology, WireEdge, WireNode } from '../wire/types';
import { edgeIds, nodeId } from '../wire/ids';
import { buildQueries, MAX_QUERIES_PER_REFRESH } from './queries';

/** A synthetic graph: `routes` TCP and HTTP routes, each with one backend edge. */
function graph(routes: number): Pick<Topology, 'nodes' | 'edges'> {
  const nodes: WireNode[] = [];
  const edges: WireEdge[] = [];
  for (let i = 0; i < routes; i++) {
    const kind = i % 2 ? 'TCPRoute' : 'HTTPRoute';
    const id = nodeId(kind, `r${i}`, `ns${i % 97}`);
    nodes.push({ id, kind, name: `r${i}`, namespace: `ns${i % 97}`, group: 'gateway.networking.k8s.io', version: 'v1', conditions: [], hostnames: [], parents: [], rules: [], mesh: false });
    edges.push({ id: edgeIds.backend(id, 0, 0), kind: 'backend', source: id, target: nodeId('Service', `s${i}`, `ns${i % 97}`) });
  }
  return { nodes, edges };
}

describe('bounded query builder', () => {
  it('asks the same number of queries for 1 edge and for 5,000 edges', () => {
    const one = graph(2);
    one.edges.length = 1;
    const many = graph(5000);
    expect(many.edges).toHaveLength(5000);
    const a = buildQueries(one, '1m');
    const b = buildQueries(many, '1m');
    expect(b.length).toBe(a.length);
    expect(b.length).toBeLessThanOrEqual(MAX_QUERIES_PER_REFRESH);
    // Aggregated, never filtered per edge or namespace.
    for (const q of b) {
      expect(q.promql).toMatch(/^sum by \(/);
      expect(q.promql).not.toMatch(/ns\d|r\d+|s\d+/);
    }
    expect(b.map((q) => q.promql)).toEqual(a.map((q) => q.promql));
  });

  it('skips the TCP queries when the graph has no TCP or TLS routes', () => {
    const http = graph(1);
    expect(buildQueries(http, '5m').map((q) => q.id)).toEqual(['requests', 'duration', 'egRequests', 'egDuration']);
    expect(buildQueries(graph(2), '5m').map((q) => q.id)).toEqual(['requests', 'duration', 'egRequests', 'egDuration', 'tcpSent', 'tcpReceived', 'tcpOpened']);
  });

  it('renders PromQL with the window as the rate range', () => {
    const [requests] = buildQueries(graph(1), '15m');
    expect(requests!.promql).toContain('rate(istio_requests_total[15m])');
    expect(requests!.promql).toContain('response_code');
  });
});
