import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { generateCluster, SIZES } from '../bench/generate';
import { buildTopology, MutableSnapshot } from '../model';
import { layoutInputFrom, type LayoutInput, type Positions } from './input';
import { partitions } from './layering';
import { PositionsCache } from './cache';
import { StoredPositions, type KeyValueStore } from './persist';
import { quickLayout } from './quick';
import { finalPositions, quickPositions } from './refine';
import { runLayout, SINGLE_RUN_MAX } from './run';

/** The benchmark generator's cluster, as the page's default view (GatewayClasses hidden). */
function benchView(routes: number, seed = 1): LayoutInput {
  const objects = generateCluster({ ...SIZES.small, httpRoutes: routes, services: routes, namespaces: Math.max(4, Math.round(routes / 20)) }, seed);
  const t = buildTopology(new MutableSnapshot(objects), { cluster: { mode: 'demo', label: 'test' }, health: { state: 'ok' }, kinds: [] }, 0);
  return layoutInputFrom(t.nodes.filter((n) => n.kind !== 'GatewayClass'), t.edges);
}

function expectNoOverlap(input: LayoutInput, pos: Positions): void {
  const rects = input.nodes.map((n) => ({ id: n.id, ...pos[n.id], w: n.width, h: n.height })).sort((a, b) => a.x - b.x);
  // Sweep by x: only rectangles whose x ranges meet are compared.
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length && rects[j].x < rects[i].x + rects[i].w; j++) {
      const a = rects[i];
      const b = rects[j];
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      if (!apart) throw new Error(`${a.id} overlaps ${b.id}`);
    }
}

describe('quick layout', () => {
  const sizes = [
    ['a small graph (one piece)', 30],
    ['a large graph (per component)', 150],
  ] as const;
  for (const [name, routes] of sizes) {
    it(`places every node without overlap: ${name}`, () => {
      const input = benchView(routes);
      const pos = quickLayout(input);
      expect(Object.keys(pos).sort()).toEqual(input.nodes.map((n) => n.id).sort());
      for (const p of Object.values(pos)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expectNoOverlap(input, pos);
    });
  }

  it('puts columns in layering order, one x per column', () => {
    const input = benchView(30);
    expect(input.nodes.length).toBeLessThanOrEqual(SINGLE_RUN_MAX); // one piece
    const pos = quickLayout(input);
    const rank = partitions(input);
    // Every edge points right: the target's column starts after the source's ends.
    const byId = new Map(input.nodes.map((n) => [n.id, n]));
    for (const e of input.edges) {
      if (rank.get(e.source)! >= rank.get(e.target)!) continue;
      expect(pos[e.target].x).toBeGreaterThanOrEqual(pos[e.source].x + byId.get(e.source)!.width);
    }
    // Nodes of one column share an x.
    const xs = new Map<number, Set<number>>();
    const linked = new Set(input.edges.flatMap((e) => [e.source, e.target]));
    for (const n of input.nodes.filter((m) => linked.has(m.id))) {
      const r = rank.get(n.id) ?? -1;
      xs.set(r, (xs.get(r) ?? new Set<number>()).add(pos[n.id].x));
    }
    for (const set of xs.values()) expect(set.size).toBe(1);
  });

  it('is deterministic, whatever order the input lists nodes and edges in', () => {
    const input = benchView(60);
    const shuffled: LayoutInput = { nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse() };
    expect(quickLayout(shuffled)).toEqual(quickLayout(input));
    expect(quickLayout(input)).toEqual(quickLayout(benchView(60)));
  });

  it('copes with a cycle and with edges to unknown nodes (and so does ELK)', async () => {
    const n = (id: string, column: number) => ({ id, width: 200, height: 60, ports: [], column });
    const input: LayoutInput = {
      nodes: [n('a', 2), n('b', 3), n('c', 2)],
      edges: [
        { id: '1', source: 'a', target: 'b' },
        { id: '2', source: 'b', target: 'c' },
        { id: '3', source: 'c', target: 'a' },
        { id: '4', source: 'a', target: 'ghost' },
      ],
    };
    const pos = quickLayout(input);
    expect(Object.keys(pos).sort()).toEqual(['a', 'b', 'c']);
    expectNoOverlap(input, pos);
    const elk = await runLayout(new ELK(), input);
    expect(Object.keys(elk).sort()).toEqual(['a', 'b', 'c']);
    expectNoOverlap(input, elk);
  });

  it('seeds ELK: ELK keeps the quick layout row order in each column and adds no overlap', async () => {
    const input = benchView(30);
    const quick = quickLayout(input);
    const elk = await runLayout(new ELK(), input, undefined, quick);
    expectNoOverlap(input, elk);
    const byColumn = new Map<number, string[]>();
    for (const n of input.nodes) (byColumn.get(quick[n.id].x) ?? byColumn.set(quick[n.id].x, []).get(quick[n.id].x)!).push(n.id);
    for (const ids of byColumn.values()) {
      const quickOrder = [...ids].sort((a, b) => quick[a].y - quick[b].y);
      const elkOrder = [...ids].sort((a, b) => elk[a].y - elk[b].y);
      expect(elkOrder).toEqual(quickOrder);
    }
  });
});

describe('live updates with the quick layout', () => {
  it('keeps every node on screen where it is; new nodes are placed without overlap', () => {
    const before = benchView(30);
    const shown = quickLayout(before);
    // One more route and Service: a structural change under the same filters.
    const after = benchView(31);
    const added = after.nodes.filter((n) => !shown[n.id]);
    expect(added.length).toBeGreaterThan(0);
    const quick = quickPositions({ positions: shown, quick: false }, true, quickLayout(after), after);
    for (const n of before.nodes) if (quick[n.id]) expect(quick[n.id]).toEqual(shown[n.id]);
    for (const n of added) expect(quick[n.id]).toBeDefined();
    expectNoOverlap(after, quick);
    // ELK's answer moves only the new nodes, never the ones that were already on screen.
    const final = finalPositions({ positions: shown, quick: false }, true, quick, quickLayout(after), after);
    expect(final.refined).toBe(false);
    for (const n of before.nodes) if (final.positions[n.id]) expect(final.positions[n.id]).toEqual(shown[n.id]);
  });

  it('replaces a provisional (quick) picture and a new view as a whole, laid over the quick one, and says so', () => {
    const input = benchView(20);
    const quick = quickLayout(input);
    const ids = Object.keys(quick);
    // ELK's picture: the same shape, shifted, with one node moved within it.
    const fresh = Object.fromEntries(ids.map((id, i) => [id, { x: quick[id].x + 500, y: quick[id].y + 1000 + (i === 0 ? ids.length * 10 : 0) }]));
    for (const final of [
      finalPositions({ positions: quick, quick: true }, true, null, fresh, input),
      finalPositions({ positions: {}, quick: false }, false, quick, fresh, input),
    ]) {
      expect(final.refined).toBe(true);
      // Moved as a whole (relative positions are ELK's), landing where the quick picture was on average.
      const d = (id: string) => ({ x: final.positions[id].x - fresh[id].x, y: final.positions[id].y - fresh[id].y });
      for (const id of ids) expect(d(id)).toEqual(d(ids[0]));
      expect(d(ids[0])).toEqual({ x: -500, y: -1010 });
    }
    // Nothing drawn before: ELK's picture as it is.
    expect(finalPositions({ positions: {}, quick: false }, false, null, fresh, input)).toEqual({ positions: fresh, refined: false });
    // A filter change shows the new view's quick layout as it is.
    expect(quickPositions({ positions: fresh, quick: false }, false, quick, input)).toBe(quick);
  });
});

class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((s, [key, val]) => s + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('stored positions (sessionStorage)', () => {
  it('survives a new cache over the same store (a reload) and evicts the least recently used', () => {
    const store = new MapStore();
    const first = new PositionsCache(12, new StoredPositions(store, { maxEntries: 2 }));
    first.set('h1', { a: { x: 1.4, y: 2 } });
    first.set('h2', { b: { x: 3, y: 4 } });
    const reloaded = new PositionsCache(12, new StoredPositions(store, { maxEntries: 2 }));
    expect(reloaded.get('h1')).toEqual({ a: { x: 1, y: 2 } });
    reloaded.set('h3', { c: { x: 5, y: 6 } });
    // h2 was used least recently (h1 was just read).
    const again = new StoredPositions(store, { maxEntries: 2 });
    expect(again.get('h2')).toBeUndefined();
    expect(again.get('h1')).toBeDefined();
    expect(again.get('h3')).toBeDefined();
  });

  it('stays within its character cap and survives a full or missing store', () => {
    const big: Positions = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`HTTPRoute:team/route-${i}`, { x: i, y: i }]));
    const capped = new MapStore();
    const s = new StoredPositions(capped, { maxChars: 12_000 });
    s.set('a', big);
    s.set('b', big);
    const total = [...capped.map].filter(([k]) => !k.endsWith('index')).reduce((n, [, v]) => n + v.length, 0);
    expect(total).toBeLessThanOrEqual(12_000);
    expect(s.get('b')).toEqual(big);
    const full = new StoredPositions(new MapStore(100));
    expect(() => full.set('x', big)).not.toThrow();
    expect(full.get('x')).toBeUndefined();
    expect(new StoredPositions(null).get('x')).toBeUndefined();
    const corrupt = new MapStore();
    corrupt.setItem('gatewatch.layout.v1:x', '{"a":"nope"}');
    expect(new StoredPositions(corrupt).get('x')).toBeUndefined();
  });
});
