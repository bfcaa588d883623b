import { describe, expect, it } from 'vitest';
import { buildTopology, snapshotFromObjects, type ModelContext } from '@/lib/model';
import { loadYamlDir, REFERENCE_ENV_DIR } from '@/lib/model/testing/load-yaml';
import { nodeSize, rowHandles } from '@/lib/layout/sizes';
import type { RouteNode, Topology, WireCondition, WireEdge } from '@/lib/wire/types';
import { referenceTopology, syntheticTopology } from './dev-fixture';
import { edgeLook, isIdle, pct } from './edge-label';
import { exportFileName } from './export';
import { graphAtDetail, visibleGraph, AUTO_COLLAPSE_THRESHOLD, NAMESPACE_VIEW_MAX_NODES } from './filter';
import { toFlowEdges, toFlowNodes, type FlowContext } from './flow';
import { nextFocus } from './keyboard';
import { conditionTone, routeConditionBadges } from './status';
import type { GraphFilters } from './types';

const ctxModel: ModelContext = { cluster: { mode: 'demo', label: 'Demo cluster (emulated)' }, health: { state: 'ok' }, kinds: [], generatedAt: '2026-01-01T00:00:00Z' };
const model: Topology = buildTopology(snapshotFromObjects(loadYamlDir(REFERENCE_ENV_DIR)), ctxModel, 1);

const all: GraphFilters = {
  namespaces: [],
  kinds: [],
  layers: { classes: true, workloads: true, ingress: true },
  problemsOnly: false,
  search: '',
  collapsed: [],
};
const flowCtx: FlowContext = { selectedId: null, flash: new Map(), pending: null, telemetry: null, edgeLabelMode: 'share', hideIdleEdges: false };
const positionsOf = (t: { nodes: { id: string }[] }) => Object.fromEntries(t.nodes.map((n, i) => [n.id, { x: i * 10, y: 0 }]));

describe('model → React Flow (reference environment, built by lib/model)', () => {
  const g = visibleGraph(model.nodes, model.edges, all, new Set());
  const nodes = toFlowNodes(g, positionsOf(g), flowCtx);
  const edges = toFlowEdges(g, flowCtx);

  it('draws every Gateway, route, the TCPRoute and the Ingress with its node type and fixed size', () => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const [id, type] of [
      ['Gateway:gateways/envoy-http-ports', 'gateway'],
      ['Gateway:gateways/envoy-tcp-mongodb-typo', 'gateway'],
      ['HTTPRoute:app1/app1-typo', 'route'],
      ['HTTPRoute:app2/b-split', 'route'],
      ['TCPRoute:app1/mongodb', 'route'],
      ['Ingress:app1/cadec2024-ingress', 'ingress'],
      ['Service:app1/httpbin', 'service'],
    ] as const) {
      expect(byId.get(id)?.type, id).toBe(type);
    }
    for (const n of nodes) expect({ w: n.width, h: n.height }).toEqual({ w: nodeSize(n.data.node).width, h: nodeSize(n.data.node).height });
  });

  it('leaves every edge from a row handle the source node draws (listener or rule) or its default handle', () => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(edges.length).toBe(g.edges.length);
    for (const e of edges) {
      const handles = rowHandles(byId.get(e.source)!);
      if (e.data!.edge.sourceHandle) expect(handles, e.id).toContain(e.sourceHandle);
      else expect(e.sourceHandle).toBe('out');
      expect(e.targetHandle).toBe('in');
    }
    const attach = edges.filter((e) => e.data!.edge.kind === 'attachment' && e.source === 'Gateway:gateways/istio-http-ports');
    expect(new Set(attach.map((e) => e.sourceHandle))).toEqual(new Set(['listener:https', 'listener:http']));
  });

  it("labels b's split 40% and 60% with the raw weight on hover", () => {
    const split = edges.filter((e) => e.id.startsWith('backend|HTTPRoute:app2/b-split|r0|'));
    expect(split.map((e) => e.data!.look.label)).toEqual(['40%', '60%']);
    expect(split.map((e) => e.data!.look.title)).toEqual(['weight 2 of 5', 'weight 3 of 5']);
    expect(split.every((e) => e.sourceHandle === 'rule:0')).toBe(true);
  });

  it('draws the mesh parent edge differently and the misspelled backend red dashed with its reason', () => {
    const mesh = edges.find((e) => e.data!.edge.kind === 'mesh-parent')!;
    expect(mesh.source).toBe('Service:app2/b');
    expect(mesh.data!.look.stroke).toBe('mesh');
    const typo = edges.find((e) => e.id === 'backend|HTTPRoute:app1/app1-typo|r0|b0')!;
    expect(typo.data!.look).toMatchObject({ stroke: 'rejected', dashed: true });
    expect(typo.data!.look.label).toMatch(/BackendNotFound|not found|unresolved/i);
  });
});

describe('filters', () => {
  const t = referenceTopology();

  it('hides layers', () => {
    const g = visibleGraph(t.nodes, t.edges, { ...all, layers: { classes: false, workloads: false, ingress: false } }, new Set());
    expect(g.nodes.some((n) => n.kind === 'GatewayClass' || n.kind === 'Workload' || n.kind === 'Ingress')).toBe(false);
    expect(g.edges.every((e) => e.kind !== 'class' && e.kind !== 'workload' && e.kind !== 'ingress')).toBe(true);
  });

  it('keeps the selected namespaces plus their direct neighbours, marked as outsiders', () => {
    const g = visibleGraph(t.nodes, t.edges, { ...all, namespaces: ['app2'] }, new Set());
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.has('HTTPRoute:app2/b-split')).toBe(true);
    expect(ids.has('Gateway:gateways/istio-http-ports')).toBe(true);
    expect(g.outsiders.has('Gateway:gateways/istio-http-ports')).toBe(true);
    expect(ids.has('HTTPRoute:app1/app1')).toBe(false);
    expect(ids.has('Gateway:gateways/envoy-tcp-mongodb')).toBe(false);
  });

  it('filters route kinds', () => {
    const g = visibleGraph(t.nodes, t.edges, { ...all, kinds: ['TCPRoute'] }, new Set());
    expect(g.nodes.filter((n) => n.kind.endsWith('Route')).map((n) => n.id)).toEqual(['TCPRoute:app1/mongodb']);
  });

  it('problems only keeps flagged nodes and their direct neighbours', () => {
    const g = visibleGraph(t.nodes, t.edges, { ...all, problemsOnly: true }, new Set(['HTTPRoute:app1/app1-typo']));
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['Gateway:gateways/envoy-http-ports', 'HTTPRoute:app1/app1-typo', 'Service:app1/httbin']);
  });

  it('search matches names, hostnames and paths without hiding anything', () => {
    const g = visibleGraph(t.nodes, t.edges, { ...all, search: '/app1-typo' }, new Set());
    expect([...g.matches]).toEqual(['HTTPRoute:app1/app1-typo']);
    expect(g.nodes.length).toBe(t.nodes.length);
    const host = visibleGraph(t.nodes, t.edges, { ...all, search: 'CADEC2024' }, new Set());
    expect(host.matches.has('Gateway:gateways/istio-http-ports')).toBe(true);
    const nodes = toFlowNodes(g, positionsOf(g), flowCtx);
    expect(nodes.find((n) => n.id === 'HTTPRoute:app2/app2')!.data.dimmed).toBe(true);
    expect(nodes.find((n) => n.id === 'HTTPRoute:app1/app1-typo')!.data).toMatchObject({ dimmed: false, match: true });
  });

  it('collapses namespaces into Namespace nodes (lib/model) and keeps listener handles on the edges', () => {
    const g = visibleGraph(t.nodes, t.edges, { ...all, collapsed: ['app1', 'app2'] }, new Set());
    expect(g.nodes.filter((n) => n.kind === 'Namespace').map((n) => n.id).sort()).toEqual(['Namespace:app1', 'Namespace:app2']);
    const edges = toFlowEdges(g, flowCtx);
    expect(edges.some((e) => e.source === 'Gateway:gateways/istio-http-ports' && e.sourceHandle === 'listener:http' && e.target === 'Namespace:app2')).toBe(true);
  });

  it('the synthetic 1,000-node graph is above the auto-collapse threshold', () => {
    const s = syntheticTopology(1000);
    expect(visibleGraph(s.nodes, s.edges, all, new Set()).nodes.length).toBeGreaterThan(AUTO_COLLAPSE_THRESHOLD);
  });
});

describe('edge look', () => {
  const backend = (over: Partial<WireEdge> = {}): WireEdge => ({
    id: 'backend|HTTPRoute:a/r|r0|b0',
    kind: 'backend',
    source: 'HTTPRoute:a/r',
    target: 'Service:a/s',
    sourceHandle: 'rule:0',
    weight: 2,
    totalWeight: 5,
    share: 0.4,
    resolved: true,
    ...over,
  });

  it('shows a 0-weight edge idle, not hidden', () => {
    const look = edgeLook(backend({ weight: 0, share: 0 }), { mode: 'share' });
    expect(look).toMatchObject({ label: '0%', stroke: 'idle', title: 'weight 0 of 5' });
  });

  it('shows the rejected attachment red dashed with the reason, in every label mode', () => {
    const e: WireEdge = { id: 'attach|x|p0|*', kind: 'attachment', source: 'g', target: 'r', accepted: false, reason: 'NotAllowedByListeners' };
    for (const mode of ['share', 'none'] as const) expect(edgeLook(e, { mode })).toMatchObject({ stroke: 'rejected', dashed: true, label: '✕ NotAllowedByListeners' });
  });

  it('marks the pending preview', () => {
    const look = edgeLook(backend(), { mode: 'share', pending: { share: 0, weight: 0 } });
    expect(look.pending).toBe(true);
    expect(look.label).toBe('40% · → 0% pending');
  });

  it('shows observed share, flags drift over 10 points, and colours by error ratio', () => {
    const calm = edgeLook(backend(), { mode: 'share', traffic: { rps: 5, errorRatio: 0, observedShare: 0.45 } });
    expect(calm).toMatchObject({ label: '40% · obs 45%', drift: false, stroke: 'healthy', flowing: true });
    const drift = edgeLook(backend(), { mode: 'share', traffic: { rps: 5, errorRatio: 0.02, observedShare: 0.537 } });
    expect(drift).toMatchObject({ label: '40% · obs 53.7%', drift: true, stroke: 'degraded' });
    expect(edgeLook(backend(), { mode: 'share', traffic: { rps: 5, errorRatio: 0.2 } }).stroke).toBe('failing');
  });

  it('uses the label mode for telemetry figures', () => {
    const e: WireEdge = { id: 'attach|x|p0|http', kind: 'attachment', source: 'g', target: 'r', accepted: true };
    const t = { rps: 12.34, errorRatio: 0.041, p95Ms: 23.2, tcpBytesPerSec: 2048 };
    expect(edgeLook(e, { mode: 'rps', traffic: t }).label).toBe('12.3 rps');
    expect(edgeLook(e, { mode: 'errors', traffic: t }).label).toBe('4.1%');
    expect(edgeLook(e, { mode: 'latency', traffic: t }).label).toBe('p95 23 ms');
    expect(edgeLook(e, { mode: 'rps', traffic: t, tcp: true }).label).toBe('2.0 kB/s');
  });

  it('hides idle edges only when telemetry is present', () => {
    expect(isIdle(undefined, false)).toBe(false);
    expect(isIdle({ rps: 0, errorRatio: 0 }, true)).toBe(true);
    const t = referenceTopology();
    const g = visibleGraph(t.nodes, t.edges, all, new Set());
    const telemetry = { source: 'demo' as const, window: '1m' as const, generatedAt: '', edges: { 'backend|HTTPRoute:app2/b-split|r0|b0': { rps: 3, errorRatio: 0 } } };
    const shown = toFlowEdges(g, { ...flowCtx, telemetry, hideIdleEdges: true });
    expect(shown.map((e) => e.id)).toEqual(['backend|HTTPRoute:app2/b-split|r0|b0']);
  });

  it('formats shares', () => {
    expect([pct(0.4), pct(1 / 3), pct(0.537), pct(0)]).toEqual(['40%', '33.3%', '53.7%', '0%']);
  });
});

describe('status colours', () => {
  const c = (over: Partial<WireCondition>): WireCondition => ({ type: 'Accepted', status: 'True', reason: 'Accepted', message: '', stale: false, ...over });
  it('green True, red False, grey Unknown/pending, amber stale', () => {
    expect(conditionTone(c({}))).toBe('ok');
    expect(conditionTone(c({ status: 'False' }))).toBe('error');
    expect(conditionTone(c({ status: 'Unknown' }))).toBe('unknown');
    expect(conditionTone(c({ status: 'Unknown', pending: true, reason: 'Pending' }))).toBe('unknown');
    expect(conditionTone(c({ stale: true }))).toBe('warning');
  });

  it('derives route badges from every parent, worst first', () => {
    const t = referenceTopology();
    const typo = t.nodes.find((n) => n.id === 'HTTPRoute:app1/app1-typo') as RouteNode;
    expect(routeConditionBadges(typo).map((b) => [b.type, b.tone])).toEqual([
      ['Accepted', 'ok'],
      ['ResolvedRefs', 'error'],
    ]);
    const none = { ...typo, parents: typo.parents.map((p) => ({ ...p, statuses: [] })) };
    expect(routeConditionBadges(none).every((b) => b.tone === 'unknown')).toBe(true);
  });
});

describe('keyboard', () => {
  const positions = { g: { x: 0, y: 0 }, r1: { x: 300, y: 0 }, r2: { x: 300, y: 100 }, s: { x: 600, y: 100 } };
  const edges = [
    { source: 'g', target: 'r1' },
    { source: 'g', target: 'r2' },
    { source: 'r2', target: 's' },
  ];
  it('moves right/left along edges and up/down within a column', () => {
    expect(nextFocus('g', 'ArrowRight', positions, edges)).toBe('r1');
    expect(nextFocus('r1', 'ArrowDown', positions, edges)).toBe('r2');
    expect(nextFocus('r2', 'ArrowRight', positions, edges)).toBe('s');
    expect(nextFocus('s', 'ArrowLeft', positions, edges)).toBe('r2');
    expect(nextFocus('r1', 'ArrowRight', positions, edges)).toBeNull();
    expect(nextFocus('r2', 'ArrowUp', positions, edges)).toBe('r1');
  });
});

describe('export', () => {
  it('names the download gatewatch-<date>.<ext>', () => {
    expect(exportFileName('png', new Date('2026-11-27T01:02:03Z'))).toBe('gatewatch-2026-11-27-01-02-03.png');
    expect(exportFileName('svg', new Date('2026-11-27T01:02:03Z'))).toMatch(/^gatewatch-.*\.svg$/);
  });
});

describe('edge label placement', () => {
  it('keeps the labels of converging backend edges apart', () => {
    const s = syntheticTopology(21);
    const g = visibleGraph(s.nodes, s.edges, all, new Set());
    // Rows of one route 22 px apart, both rules pointing at the same Service: the bezier points nearly coincide.
    const positions = Object.fromEntries(g.nodes.map((n, i) => [n.id, { x: n.kind === 'Service' ? 900 : n.kind === 'Gateway' ? 0 : n.kind === 'Workload' ? 1300 : 450, y: i * 120 }]));
    const edges = toFlowEdges(g, flowCtx, positions);
    const labelled = edges.filter((e) => e.data!.labelAt);
    expect(labelled.length).toBeGreaterThan(10);
    for (let i = 0; i < labelled.length; i++)
      for (let j = i + 1; j < labelled.length; j++) {
        const a = labelled[i].data!;
        const b = labelled[j].data!;
        const wa = a.look.label.length * 6.1 + 10;
        const wb = b.look.label.length * 6.1 + 10;
        const apart = Math.abs(a.labelAt!.x - b.labelAt!.x) >= (wa + wb) / 2 || Math.abs(a.labelAt!.y - b.labelAt!.y) >= 17;
        expect(apart, `${labelled[i].id} vs ${labelled[j].id}`).toBe(true);
      }
  });
});

describe('TCP activity', () => {
  it('counts bytes as activity on TCP edges', () => {
    const e: WireEdge = { id: 'attach|TCPRoute:a/m|p0|tcp', kind: 'attachment', source: 'g', target: 'r', accepted: true };
    const t = { rps: 0, errorRatio: 0, tcpBytesPerSec: 2300 };
    expect(edgeLook(e, { mode: 'rps', traffic: t, tcp: true })).toMatchObject({ label: '2.3 kB/s', flowing: true, stroke: 'healthy' });
    expect(isIdle(t, true)).toBe(false);
  });
});

describe('level of detail', () => {
  it('draws a small cluster in full unless the URL names a level', () => {
    const g = graphAtDetail(model.nodes, model.edges, all, new Set());
    expect(g).toMatchObject({ detail: 'full', auto: true });
    expect(g.nodes.length).toBe(model.nodes.length);
    const o = graphAtDetail(model.nodes, model.edges, { ...all, detail: 'overview' }, new Set());
    expect(o).toMatchObject({ detail: 'overview', auto: false });
    expect(o.nodes.filter((n) => n.kind === 'Summary').length).toBeGreaterThan(0);
    expect(o.nodes.some((n) => n.kind === 'HTTPRoute')).toBe(false);
    const ns = graphAtDetail(model.nodes, model.edges, { ...all, detail: 'namespaces' }, new Set());
    expect(ns.nodes.every((n) => n.kind === 'Namespace' || n.kind === 'GatewayClass')).toBe(true);
  });

  it('collapses by namespace above the threshold, and opens the overview when that is still too big', () => {
    const mid = syntheticTopology(1000);
    const a = graphAtDetail(mid.nodes, mid.edges, all, new Set());
    expect(a.nodes.length).toBeLessThanOrEqual(NAMESPACE_VIEW_MAX_NODES + 1);
    expect(a.detail).toBe('namespaces');
    const big = syntheticTopology(2000); // 100 namespaces
    const b = graphAtDetail(big.nodes, big.edges, all, new Set());
    expect(b.detail).toBe('overview');
    expect(b.auto).toBe(true);
    // A namespace filter (the drill-down) never falls back to the overview.
    const drilled = graphAtDetail(big.nodes, big.edges, { ...all, namespaces: ['team-001', 'team-002'] }, new Set());
    expect(drilled.detail).toBe('full');
  });

  it('a search on a huge cluster drills into the namespaces of its matches', () => {
    const big = syntheticTopology(2000);
    const g = graphAtDetail(big.nodes, big.edges, { ...all, search: 'team-007.example.com' }, new Set());
    expect(g.searchNamespaces).toEqual(['team-007']);
    expect(g.detail).toBe('full');
    expect(g.matches.size).toBeGreaterThan(0);
    // Too broad to drill into: the overview stays, with the summaries holding matches marked.
    const broad = graphAtDetail(big.nodes, big.edges, { ...all, search: 'example.com' }, new Set());
    expect(broad.detail).toBe('overview');
    expect([...broad.matches].some((id) => id.startsWith('Summary:'))).toBe(true);
  });

  it('"problems only" keeps working in the overview, and the summaries carry the problem counts', () => {
    const flagged = 'HTTPRoute:app1/app1-typo';
    const t = { ...model, nodes: model.nodes.map((n) => (n.id === flagged ? { ...n, problems: { errors: 1, warnings: 0, infos: 0 } } : n)) };
    const g = graphAtDetail(t.nodes, t.edges, { ...all, detail: 'overview', problemsOnly: true }, new Set([flagged]));
    const summaries = g.nodes.filter((n) => n.kind === 'Summary');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.reduce((sum, s) => sum + (s.problems?.errors ?? 0), 0)).toBeGreaterThan(0);
    const nodes = toFlowNodes(g, positionsOf(g), flowCtx);
    expect(nodes.filter((n) => n.type === 'summary').length).toBe(summaries.length);
  });

  it('zoomed out, edges carry no label to place and nodes say they are compact', () => {
    const g = visibleGraph(model.nodes, model.edges, all, new Set());
    const edges = toFlowEdges(g, { ...flowCtx, compact: true }, positionsOf(g));
    expect(edges.every((e) => e.data!.compact && e.data!.labelAt === undefined)).toBe(true);
    expect(toFlowNodes(g, positionsOf(g), { ...flowCtx, compact: true }).every((n) => n.data.compact)).toBe(true);
  });
});
