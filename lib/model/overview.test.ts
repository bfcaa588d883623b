import { describe, expect, it } from 'vitest';
import { generateCluster } from '../bench/generate';
import type { SummaryNode, Topology, WireNode } from '../wire/types';
import { buildTopology, collapseNamespaces, snapshotFromObjects, type ModelContext } from './index';
import { gatewayOverview, summaryId, summaryRoutes } from './overview';
import { loadYamlDir, REFERENCE_ENV_DIR } from './testing/load-yaml';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'x' }, health: { state: 'ok' }, kinds: [], generatedAt: 't' };
const reference = buildTopology(snapshotFromObjects(loadYamlDir(REFERENCE_ENV_DIR)), ctx, 3);
const summaries = (nodes: WireNode[]) => nodes.filter((n): n is SummaryNode => n.kind === 'Summary');
const byId = (nodes: WireNode[], id: string) => nodes.find((n) => n.id === id) as SummaryNode;

/** The reference environment with analyzer-like problem counts on a few nodes. */
function withProblems(t: Topology): Topology {
  const problems: Record<string, { errors: number; warnings: number; infos: number }> = {
    'HTTPRoute:app1/app1-typo': { errors: 1, warnings: 0, infos: 0 },
    'HTTPRoute:app1/app1': { errors: 0, warnings: 2, infos: 1 },
    'Service:app1/httbin': { errors: 1, warnings: 0, infos: 0 },
    'Gateway:gateways/envoy-tcp-mongodb-typo': { errors: 1, warnings: 0, infos: 0 },
  };
  return { ...t, nodes: t.nodes.map((n) => (problems[n.id] ? { ...n, problems: problems[n.id] } : n)) };
}

describe('gatewayOverview', () => {
  it('keeps classes and Gateways, and summarises what is attached to each Gateway in one node', () => {
    const o = gatewayOverview(reference.nodes, reference.edges);
    const kinds = new Set(o.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['Gateway', 'GatewayClass', 'Summary']);
    expect(o.nodes.filter((n) => n.kind === 'Gateway')).toEqual(reference.nodes.filter((n) => n.kind === 'Gateway'));
    const envoy = byId(o.nodes, 'Summary:gateways/envoy-http-ports');
    expect(envoy).toMatchObject({ gateway: 'Gateway:gateways/envoy-http-ports', namespaces: ['app1'], worst: 'error' });
    expect(envoy.counts).toEqual({ HTTPRoute: 2, Service: 2, Workload: 1 }); // app1, app1-typo → httpbin, the httbin ghost
    expect(summaryRoutes(envoy)).toBe(2);
    // app1 attaches to both HTTP Gateways: it counts in both summaries.
    const istio = byId(o.nodes, 'Summary:gateways/istio-http-ports');
    expect(istio.namespaces).toEqual(['app1', 'app2']);
    expect(istio.counts.HTTPRoute).toBe(2);
    // The route whose parent is missing, the Ingress and what only it reaches are "not attached".
    const rest = byId(o.nodes, summaryId());
    expect(rest.gateway).toBeUndefined();
    expect(rest.counts.Ingress).toBe(1);
    expect(rest.name).toBe('not attached to a Gateway');
    // The Gateway whose class is missing has no route attached: no summary of its own.
    expect(o.nodes.some((n) => n.id === 'Summary:gateways/envoy-tcp-mongodb-typo')).toBe(false);
  });

  it('draws one edge per Gateway to its summary, besides the class edges', () => {
    const o = gatewayOverview(reference.nodes, reference.edges);
    const ids = new Set(o.nodes.map((n) => n.id));
    for (const e of o.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    const toSummaries = o.edges.filter((e) => e.target.startsWith('Summary:'));
    expect(toSummaries.map((e) => e.id)).toEqual([
      'collapsed|attachment|Gateway:gateways/envoy-http-ports|Summary:gateways/envoy-http-ports',
      'collapsed|attachment|Gateway:gateways/envoy-tcp-mongodb|Summary:gateways/envoy-tcp-mongodb',
      'collapsed|attachment|Gateway:gateways/istio-http-ports|Summary:gateways/istio-http-ports',
      'collapsed|attachment|Gateway:gateways/istio-tcp-mongodb|Summary:gateways/istio-tcp-mongodb',
    ]);
    expect(toSummaries.every((e) => e.sourceHandle === undefined && e.kind === 'attachment')).toBe(true);
    expect(o.edges.filter((e) => e.kind === 'class')).toHaveLength(reference.edges.filter((e) => e.kind === 'class').length);
    expect(o.edges.length).toBe(reference.edges.filter((e) => e.kind === 'class').length + toSummaries.length);
  });

  it('counts every summarised node in a summary, with its problems, and takes the worst status', () => {
    const t = withProblems(reference);
    const o = gatewayOverview(t.nodes, t.edges);
    for (const n of t.nodes) {
      if (n.kind === 'Gateway' || n.kind === 'GatewayClass') continue;
      const homes = o.memberOf.get(n.id) ?? [];
      expect(homes.length, n.id).toBeGreaterThan(0);
      for (const s of homes) expect(byId(o.nodes, s).counts[n.kind]! > 0, `${n.id} in ${s}`).toBe(true);
    }
    const envoy = byId(o.nodes, 'Summary:gateways/envoy-http-ports');
    expect(envoy.problems).toEqual({ errors: 2, warnings: 2, infos: 1 }); // app1-typo + httbin, app1
    expect(byId(o.nodes, 'Summary:gateways/istio-http-ports').problems).toEqual({ errors: 0, warnings: 2, infos: 1 });
    // A Gateway's own problems stay on the Gateway, which is drawn.
    expect(o.nodes.find((n) => n.id === 'Gateway:gateways/envoy-tcp-mongodb-typo')?.problems?.errors).toBe(1);
    // Every node with a problem is counted somewhere: no error disappears in the overview.
    const flagged = t.nodes.filter((n) => n.problems && n.kind !== 'Gateway');
    for (const n of flagged) expect(o.memberOf.get(n.id)!.some((s) => (byId(o.nodes, s).problems?.errors ?? 0) + (byId(o.nodes, s).problems?.warnings ?? 0) > 0)).toBe(true);
  });

  it('is deterministic, sorted, and leaves its input alone', () => {
    const before = JSON.stringify(reference);
    const a = gatewayOverview(reference.nodes, reference.edges);
    const b = gatewayOverview([...reference.nodes].reverse(), [...reference.edges].reverse());
    expect(JSON.stringify(a.nodes)).toBe(JSON.stringify(b.nodes));
    expect(JSON.stringify(a.edges)).toBe(JSON.stringify(b.edges));
    expect(a.nodes.map((n) => n.id)).toEqual([...a.nodes.map((n) => n.id)].sort());
    expect(JSON.stringify(reference)).toBe(before);
  });

  it('turns a thousand-route cluster into one node per Gateway and class plus summaries', () => {
    const t = buildTopology(snapshotFromObjects(generateCluster('medium', 1)), ctx, 1);
    const o = gatewayOverview(t.nodes, t.edges);
    const gateways = t.nodes.filter((n) => n.kind === 'Gateway' && !n.missing).length;
    const classes = t.nodes.filter((n) => n.kind === 'GatewayClass').length;
    expect(summaries(o.nodes).length).toBeLessThanOrEqual(gateways + 1);
    expect(o.nodes.length).toBeLessThanOrEqual(classes + 2 * gateways + 1);
    expect(o.edges.length).toBeLessThanOrEqual(gateways + gateways); // class edges + one per summary
    // Far smaller than the namespace view it replaces.
    const ns = collapseNamespaces(t, [...new Set(t.nodes.flatMap((n) => (n.namespace ? [n.namespace] : [])))]);
    expect(o.edges.length).toBeLessThan(ns.edges.length);
    const routes = t.nodes.filter((n) => 'rules' in n).length;
    const counted = summaries(o.nodes).reduce((sum, s) => sum + summaryRoutes(s), 0);
    expect(counted).toBeGreaterThanOrEqual(routes);
  });
});
