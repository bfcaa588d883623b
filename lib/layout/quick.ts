/**
 * The quick layout: drawn at once while ELK works. Columns come from `layering.ts`; rows within a column
 * are ordered by barycentre sweeps (kept only when they cross fewer edges than the order by id), then
 * placed as close to their neighbours' row handles as the column's order and spacing allow. About
 * O(E log E): tens of milliseconds for 2,000 nodes. Deterministic. Same overall shape as ELK's (see
 * arrange.ts), and ELK keeps its row order, so the switch to ELK's picture refines it.
 */
import { assemble, piecesOf, planLayout, trivialPart, type LaidPart } from './arrange';
import { DEFAULT_HANDLE_Y, type LayoutInput, type LayoutNode, type Positions } from './input';
import { partitions } from './layering';

/** Vertical gap between nodes in a column (ELK's elk.spacing.nodeNode). */
export const NODE_GAP = 22;
/** Horizontal gap between columns (ELK's between-layer spacing plus room for sloped edges). */
export const COLUMN_GAP = 200;
const ORDER_SWEEPS = 2;

interface Link {
  /** Index of the node at the other end. */
  other: number;
  /** Vertical offset of the source end's handle inside the source node. */
  sourceY: number;
}

/**
 * Weighted isotonic regression (pool adjacent violators) with minimum spacing: the positions closest
 * (least squares) to `wanted` that keep the given order with `gap[i]` between item i-1's and item i's top.
 */
function placeInOrder(wanted: readonly number[], weight: readonly number[], gap: readonly number[]): number[] {
  const offset: number[] = [];
  let acc = 0;
  for (let i = 0; i < wanted.length; i++) {
    acc += i ? gap[i] : 0;
    offset.push(acc);
  }
  const blocks: { w: number; wz: number; n: number }[] = [];
  for (let i = 0; i < wanted.length; i++) {
    blocks.push({ w: weight[i], wz: weight[i] * (wanted[i] - offset[i]), n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.wz / a.w <= b.wz / b.w) break;
      blocks.pop();
      a.w += b.w;
      a.wz += b.wz;
      a.n += b.n;
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.n; k++) out.push(b.wz / b.w + offset[out.length]);
  return out;
}

/**
 * Straight-line crossings between edges that join the same two columns (long edges included), with the
 * nodes stacked in their current order: edges sorted by source handle height, then inversions of their
 * target heights counted with a Fenwick tree. O(E log E).
 */
function crossings(nodes: readonly LayoutNode[], layers: readonly number[][], y: Float64Array, succs: readonly Link[][]): number {
  const layerOf = new Int32Array(nodes.length);
  layers.forEach((l, li) => l.forEach((i) => (layerOf[i] = li)));
  const groups = new Map<number, [number, number][]>();
  for (let s = 0; s < nodes.length; s++)
    for (const l of succs[s]) {
      const key = layerOf[s] * 4096 + layerOf[l.other];
      (groups.get(key) ?? groups.set(key, []).get(key)!).push([y[s] + l.sourceY, y[l.other]]);
    }
  let total = 0;
  for (const segs of groups.values()) {
    segs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const targets = [...new Set(segs.map((e) => e[1]))].sort((a, b) => a - b);
    const rankOf = new Map(targets.map((t, i) => [t, i + 1]));
    const tree = new Int32Array(targets.length + 1);
    for (let k = 0; k < segs.length; k++) {
      const r = rankOf.get(segs[k][1])!;
      // Edges already seen whose target is strictly below this one's cross it.
      let atOrAbove = 0;
      for (let j = r; j > 0; j -= j & -j) atOrAbove += tree[j];
      total += k - atOrAbove;
      for (let j = r; j < tree.length; j += j & -j) tree[j]++;
    }
  }
  return total;
}

export function quickPart(part: LayoutInput): LaidPart {
  const trivial = trivialPart(part);
  if (trivial) return trivial;
  const nodes: LayoutNode[] = part.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const rank = partitions(part);
  const ranks = [...new Set(nodes.map((n) => rank.get(n.id) ?? n.column))].sort((a, b) => a - b);
  const layerOf = nodes.map((n) => ranks.indexOf(rank.get(n.id) ?? n.column));

  // Links in both directions; an edge that does not point rightwards (a cycle) is ignored for ordering.
  const preds: Link[][] = nodes.map(() => []);
  const succs: Link[][] = nodes.map(() => []);
  for (const e of part.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || layerOf[s] >= layerOf[t]) continue;
    const port = e.sourceHandle ? nodes[s].ports.find((p) => p.handle === e.sourceHandle) : undefined;
    const sourceY = port ? port.y : DEFAULT_HANDLE_Y;
    preds[t].push({ other: s, sourceY });
    succs[s].push({ other: t, sourceY });
  }

  // Initial order: kind column, then id (namespaces together).
  const layers: number[][] = ranks.map(() => []);
  const initial = nodes.map((_, i) => i).sort((a, b) => nodes[a].column - nodes[b].column || (nodes[a].id < nodes[b].id ? -1 : 1));
  for (const i of initial) layers[layerOf[i]].push(i);

  const y = new Float64Array(nodes.length);
  const stack = (layer: number[]): void => {
    let acc = 0;
    for (const i of layer) {
      y[i] = acc;
      acc += nodes[i].height + NODE_GAP;
    }
  };
  layers.forEach(stack);

  // Where node i's in-handle would like to be, seen from its neighbours on one side (NaN: no neighbour).
  const wantedFrom = (i: number, links: Link[], forward: boolean): number => {
    if (links.length === 0) return NaN;
    let sum = 0;
    for (const l of links) sum += forward ? y[l.other] + l.sourceY - DEFAULT_HANDLE_Y : y[l.other] + DEFAULT_HANDLE_Y - l.sourceY;
    return sum / links.length;
  };

  // Barycentre sweeps on the stacked columns: reorder each column by its neighbours' handle heights.
  const reorder = (li: number, forward: boolean): void => {
    const layer = layers[li];
    const key = layer.map((i) => {
      const w = wantedFrom(i, forward ? preds[i] : succs[i], forward);
      return Number.isNaN(w) ? y[i] : w;
    });
    const order = layer.map((_, k) => k).sort((a, b) => key[a] - key[b] || a - b);
    layers[li] = order.map((k) => layer[k]);
    stack(layers[li]);
  };
  // Sweeps from the right first (a Service's routes say more about its place than a Gateway's hundreds of
  // routes do), keeping the best order seen: a sweep can make things worse, e.g. undo a good model order.
  let best = { crossings: crossings(nodes, layers, y, succs), layers: layers.map((l) => [...l]) };
  const keepBest = (): void => {
    const c = crossings(nodes, layers, y, succs);
    if (c < best.crossings) best = { crossings: c, layers: layers.map((l) => [...l]) };
  };
  for (let sweep = 0; sweep < ORDER_SWEEPS && best.crossings > 0; sweep++) {
    for (let li = layers.length - 2; li >= 0; li--) reorder(li, false);
    keepBest();
    for (let li = 1; li < layers.length; li++) reorder(li, true);
    keepBest();
  }
  best.layers.forEach((l, li) => {
    layers[li] = l;
    stack(l);
  });

  // Placement: each column as close to its neighbours as order and spacing allow; first from the left
  // (routes line up with their listeners), then from the right (Gateways centre on their routes).
  const place = (li: number, forward: boolean): void => {
    const layer = layers[li];
    const wanted: number[] = [];
    const weight: number[] = [];
    let last = NaN;
    for (const i of layer) {
      const links = forward ? preds[i] : succs[i];
      const w = wantedFrom(i, links, forward);
      if (!Number.isNaN(w)) {
        wanted.push(w);
        weight.push(links.length);
        last = w;
      } else if (!forward) {
        // Already placed by the first pass: stay there.
        wanted.push(y[i]);
        weight.push(1);
      } else {
        // Not placed yet: follow the node above (nearly weightless).
        wanted.push(Number.isNaN(last) ? 0 : last);
        weight.push(1e-6);
      }
    }
    const gaps = layer.map((i, k) => (k ? nodes[layer[k - 1]].height + NODE_GAP : 0));
    const placed = placeInOrder(wanted, weight, gaps);
    layer.forEach((i, k) => (y[i] = placed[k]));
  };
  for (let li = 1; li < layers.length; li++) place(li, true);
  for (let li = layers.length - 2; li >= 0; li--) place(li, false);

  let top = Infinity;
  for (let i = 0; i < nodes.length; i++) top = Math.min(top, y[i]);
  const positions: Positions = {};
  let x = 0;
  let width = 0;
  let height = 0;
  for (const layer of layers) {
    let columnWidth = 0;
    for (const i of layer) {
      positions[nodes[i].id] = { x, y: y[i] - top };
      columnWidth = Math.max(columnWidth, nodes[i].width);
      height = Math.max(height, y[i] - top + nodes[i].height);
    }
    width = x + columnWidth;
    x += columnWidth + COLUMN_GAP;
  }
  return { positions, width, height };
}

/** Top-left positions for every node of `input`, at once. */
export function quickLayout(input: LayoutInput): Positions {
  const plan = planLayout(input);
  return assemble(plan, piecesOf(plan).map(quickPart));
}
