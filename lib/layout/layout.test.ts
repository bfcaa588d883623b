import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { edgeIds, handles, nodeId } from '../wire/ids';
import type { GatewayNode, RouteNode, ServiceNode, WireEdge, WireNode } from '../wire/types';
import { PositionsCache } from './cache';
import { connectedComponents } from './components';
import { portId, toElkGraph } from './elk-graph';
import { structuralHash } from './hash';
import { layoutInputFrom, type LayoutInput } from './input';
import { partitions } from './layering';
import { packBoxes } from './pack';
import { runLayout, SINGLE_RUN_MAX } from './run';
import { HEADER_H, nodeSize, ROW_H, rowCenterY } from './sizes';
import { stabilize } from './stabilize';

const gw = (name: string, listeners: string[]): GatewayNode => ({
  id: nodeId('Gateway', name, 'gateways'),
  kind: 'Gateway',
  name,
  namespace: 'gateways',
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  conditions: [],
  gatewayClassName: 'c',
  addresses: [],
  listeners: listeners.map((l, i) => ({ handle: handles.listener(l), name: l, protocol: 'HTTP', port: 80 + i, conditions: [] })),
});

const route = (ns: string, name: string, backends: { name: string; weight: number }[][]): RouteNode => ({
  id: nodeId('HTTPRoute', name, ns),
  kind: 'HTTPRoute',
  name,
  namespace: ns,
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  conditions: [],
  hostnames: [],
  parents: [],
  mesh: false,
  rules: backends.map((bs, index) => {
    const total = bs.reduce((s, b) => s + b.weight, 0);
    return {
      handle: handles.rule(index),
      index,
      matches: [`PathPrefix /${index}`],
      filters: [],
      totalWeight: total,
      backendRefs: bs.map((b, i) => ({ index: i, group: '', kind: 'Service', name: b.name, namespace: ns, weight: b.weight, share: total ? b.weight / total : 0, target: nodeId('Service', b.name, ns), resolved: true })),
    };
  }),
});

const svc = (ns: string, name: string): ServiceNode => ({ id: nodeId('Service', name, ns), kind: 'Service', name, namespace: ns, group: '', version: 'v1', conditions: [], ports: [{ port: 80 }] });

function sample(weights: [number, number] = [2, 3]): { nodes: WireNode[]; edges: WireEdge[] } {
  const g = gw('edge', ['https', 'http']);
  const r = route('app', 'split', [[{ name: 'v1', weight: weights[0] }, { name: 'v2', weight: weights[1] }]]);
  const nodes: WireNode[] = [g, r, svc('app', 'v1'), svc('app', 'v2')];
  const edges: WireEdge[] = [
    { id: edgeIds.attachment(r.id, 0, 'http'), kind: 'attachment', source: g.id, sourceHandle: handles.listener('http'), target: r.id, accepted: true },
    ...r.rules[0].backendRefs.map((b) => ({
      id: edgeIds.backend(r.id, 0, b.index),
      kind: 'backend' as const,
      source: r.id,
      sourceHandle: handles.rule(0),
      target: b.target,
      weight: b.weight,
      share: b.share,
      totalWeight: r.rules[0].totalWeight,
    })),
  ];
  return { nodes, edges };
}

describe('sizes', () => {
  it('grows with listener rows and puts each row handle at the row centre', () => {
    const one = nodeSize(gw('a', ['x']));
    const three = nodeSize(gw('a', ['x', 'y', 'z']));
    expect(three.height - one.height).toBe(2 * ROW_H);
    expect(rowCenterY(gw('a', ['x', 'y']), 1)).toBe(HEADER_H + ROW_H + ROW_H / 2);
  });
});

describe('toElkGraph', () => {
  it('makes one fixed EAST port per listener row and routes edges from the row port', () => {
    const { nodes, edges } = sample();
    const g = toElkGraph(layoutInputFrom(nodes, edges));
    const gateway = g.children!.find((c) => c.id === nodes[0].id)!;
    expect(gateway.layoutOptions!['elk.portConstraints']).toBe('FIXED_POS');
    const rowPorts = gateway.ports!.filter((p) => p.id.includes('listener:'));
    expect(rowPorts.map((p) => p.id)).toEqual([portId(nodes[0].id, 'listener:https'), portId(nodes[0].id, 'listener:http')]);
    expect(rowPorts.every((p) => p.layoutOptions!['elk.port.side'] === 'EAST' && p.x === gateway.width)).toBe(true);
    expect(rowPorts[1].y! - rowPorts[0].y!).toBe(ROW_H);
    const attach = g.edges!.find((e) => e.id.startsWith('attach|'))!;
    expect(attach.sources).toEqual([portId(nodes[0].id, 'listener:http')]);
  });

  it('falls back to the default port for a handle the node does not draw', () => {
    const { nodes, edges } = sample();
    edges[0] = { ...edges[0], sourceHandle: 'listener:gone' };
    const g = toElkGraph(layoutInputFrom(nodes, edges));
    expect(g.edges![0].sources).toEqual([portId(nodes[0].id, 'out')]);
  });
});

describe('partitions', () => {
  it('keeps an Ingress beside the Gateways and puts a mesh route right of its parent Service', () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'ing', width: 1, height: 1, ports: [], column: 1 },
        { id: 'svcB', width: 1, height: 1, ports: [], column: 3 },
        { id: 'mesh', width: 1, height: 1, ports: [], column: 2 },
        { id: 'v1', width: 1, height: 1, ports: [], column: 3 },
      ],
      edges: [
        { id: 'e1', source: 'ing', target: 'svcB' },
        { id: 'e2', source: 'svcB', target: 'mesh' },
        { id: 'e3', source: 'mesh', target: 'v1' },
      ],
    };
    const p = partitions(input);
    expect(p.get('ing')).toBe(1);
    expect(p.get('mesh')).toBeGreaterThan(p.get('svcB')!);
    expect(p.get('v1')).toBeGreaterThan(p.get('mesh')!);
  });
});

describe('structuralHash', () => {
  it('ignores weights and conditions but sees new nodes, handles and endpoints', () => {
    const a = sample([2, 3]);
    const b = sample([1, 0]);
    (b.nodes[0] as GatewayNode).conditions = [{ type: 'Accepted', status: 'False', reason: 'X', message: '', stale: true }];
    const ha = structuralHash(layoutInputFrom(a.nodes, a.edges));
    expect(structuralHash(layoutInputFrom(b.nodes, b.edges))).toBe(ha);
    const c = sample();
    c.edges[0] = { ...c.edges[0], sourceHandle: 'listener:https' };
    expect(structuralHash(layoutInputFrom(c.nodes, c.edges))).not.toBe(ha);
    const d = sample();
    d.nodes.push(svc('app', 'v3'));
    expect(structuralHash(layoutInputFrom(d.nodes, d.edges))).not.toBe(ha);
    const e = sample();
    e.nodes[0] = gw('edge', ['https', 'http', 'admin']);
    expect(structuralHash(layoutInputFrom(e.nodes, e.edges))).not.toBe(ha);
  });
});

describe('connectedComponents and packing', () => {
  it('splits unrelated parts, largest first', () => {
    const input: LayoutInput = {
      nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, width: 10, height: 10, ports: [], column: 1 })),
      edges: [
        { id: '1', source: 'a', target: 'b' },
        { id: '2', source: 'b', target: 'c' },
        { id: '3', source: 'd', target: 'e' },
      ],
    };
    const parts = connectedComponents(input);
    expect(parts.map((p) => p.nodes.map((n) => n.id))).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    expect(parts[1].edges.map((e) => e.id)).toEqual(['3']);
  });

  it('packs boxes without overlap', () => {
    const boxes = Array.from({ length: 30 }, (_, i) => ({ width: 100 + (i % 7) * 40, height: 50 + (i % 5) * 30 }));
    const at = packBoxes(boxes);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const sep =
          at[i].x + boxes[i].width <= at[j].x || at[j].x + boxes[j].width <= at[i].x || at[i].y + boxes[i].height <= at[j].y || at[j].y + boxes[j].height <= at[i].y;
        expect(sep).toBe(true);
      }
  });
});

describe('stabilize', () => {
  it('keeps existing nodes where they were and places a new node next to its neighbour without overlap', () => {
    const input: LayoutInput = {
      nodes: [
        { id: 'r', width: 100, height: 50, ports: [], column: 2 },
        { id: 's1', width: 100, height: 50, ports: [], column: 3 },
        { id: 's2', width: 100, height: 50, ports: [], column: 3 },
      ],
      edges: [
        { id: 'a', source: 'r', target: 's1' },
        { id: 'b', source: 'r', target: 's2' },
      ],
    };
    const previous = { r: { x: 500, y: 500 }, s1: { x: 700, y: 500 } };
    // The fresh layout moved everything and put s2 exactly where s1 used to be relative to r.
    const fresh = { r: { x: 0, y: 0 }, s1: { x: 200, y: 60 }, s2: { x: 200, y: 0 } };
    const out = stabilize(previous, fresh, input);
    expect(out.r).toEqual(previous.r);
    expect(out.s1).toEqual(previous.s1);
    expect(out.s2.x).toBe(700);
    // Pushed below s1 rather than on top of it.
    expect(out.s2.y).toBeGreaterThanOrEqual(550);
  });

  it('uses the fresh layout when nothing was on screen', () => {
    const input: LayoutInput = { nodes: [{ id: 'a', width: 1, height: 1, ports: [], column: 1 }], edges: [] };
    expect(stabilize({}, { a: { x: 3, y: 4 } }, input)).toEqual({ a: { x: 3, y: 4 } });
  });
});

describe('PositionsCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new PositionsCache(2);
    c.set('a', {});
    c.set('b', {});
    c.get('a');
    c.set('c', {});
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.size).toBe(2);
  });
});

describe('runLayout with ELK', () => {
  it('lays out left to right: Gateway, route, Services; rows keep their order', async () => {
    const { nodes, edges } = sample();
    const pos = await runLayout(new ELK(), layoutInputFrom(nodes, edges));
    const [g, r, v1, v2] = nodes.map((n) => pos[n.id]);
    expect(g.x).toBeLessThan(r.x);
    expect(r.x).toBeLessThan(v1.x);
    expect(v1.x).toBe(v2.x);
    expect(v1.y).not.toBe(v2.y);
  });

  it('puts unconnected nodes (collapsed namespaces) in a grid, not one tall column', async () => {
    const input: LayoutInput = {
      nodes: Array.from({ length: 24 }, (_, i) => ({ id: `Namespace:ns${i}`, width: 240, height: 78, ports: [], column: 2 })),
      edges: [],
    };
    const pos = await runLayout(new ELK(), input);
    const xs = new Set(Object.values(pos).map((p) => p.x));
    const ys = new Set(Object.values(pos).map((p) => p.y));
    expect(xs.size).toBeGreaterThan(3);
    expect(ys.size).toBeGreaterThan(2);
  });

  it('lays out large graphs per component and reports progress up to 1', async () => {
    const nodes: WireNode[] = [];
    const edges: WireEdge[] = [];
    for (let i = 0; i < Math.ceil(SINGLE_RUN_MAX / 4) + 2; i++) {
      const s = sample();
      for (const n of s.nodes) nodes.push({ ...n, id: `${n.id}#${i}` } as WireNode);
      for (const e of s.edges) edges.push({ ...e, id: `${e.id}#${i}`, source: `${e.source}#${i}`, target: `${e.target}#${i}` });
    }
    const seen: number[] = [];
    const pos = await runLayout(new ELK(), layoutInputFrom(nodes, edges), (d, t) => seen.push(d / t));
    expect(Object.keys(pos)).toHaveLength(nodes.length);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    // No two nodes overlap.
    const input = layoutInputFrom(nodes, edges);
    const rects = input.nodes.map((n) => ({ ...pos[n.id], w: n.width, h: n.height }));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i];
        const b = rects[j];
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
  });
});
