/**
 * Keeps the picture still across live updates: nodes that were already on screen keep their position;
 * new nodes are placed where the fresh layout put them relative to an existing neighbour, then nudged
 * down until they overlap nothing.
 */
import type { LayoutInput, Point, Positions } from './input';

const GAP = 16;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;

export function stabilize(previous: Positions, fresh: Positions, input: LayoutInput): Positions {
  const kept = input.nodes.filter((n) => previous[n.id]);
  if (kept.length === 0) return fresh;
  const size = new Map(input.nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, string[]>();
  for (const e of input.edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  const out: Positions = {};
  const placed: Rect[] = [];
  let bottom = -Infinity;
  let left = Infinity;
  for (const n of kept) {
    const p = previous[n.id];
    out[n.id] = p;
    placed.push({ x: p.x, y: p.y, w: n.width, h: n.height });
    bottom = Math.max(bottom, p.y + n.height);
    left = Math.min(left, p.x);
  }
  const fresh_ = input.nodes.filter((n) => !previous[n.id]);
  // Nodes without a placed neighbour go below everything, keeping their relative arrangement.
  const orphanTop = Math.min(...fresh_.map((n) => fresh[n.id]?.y ?? 0));
  const orphanLeft = Math.min(...fresh_.map((n) => fresh[n.id]?.x ?? 0));
  // Process nodes next to kept ones first, so chains of new nodes anchor on each other.
  const queue = [...fresh_];
  let guard = queue.length * queue.length + 10;
  while (queue.length && guard-- > 0) {
    const n = queue.shift()!;
    const f: Point = fresh[n.id] ?? { x: 0, y: 0 };
    const anchor = (neighbours.get(n.id) ?? []).find((m) => out[m] && fresh[m]);
    let p: Point;
    if (anchor) {
      p = { x: f.x + out[anchor].x - fresh[anchor].x, y: f.y + out[anchor].y - fresh[anchor].y };
    } else if (queue.some((m) => (neighbours.get(n.id) ?? []).includes(m.id)) && guard > queue.length) {
      queue.push(n); // wait for a neighbour to be placed
      continue;
    } else {
      p = { x: left + f.x - orphanLeft, y: bottom + 80 + f.y - orphanTop };
    }
    const me: Rect = { x: p.x, y: p.y, w: n.width, h: n.height };
    for (let moved = true; moved; ) {
      moved = false;
      for (const r of placed) {
        if (overlaps(me, r)) {
          me.y = r.y + r.h + GAP;
          moved = true;
        }
      }
    }
    out[n.id] = { x: me.x, y: me.y };
    placed.push(me);
    size.delete(n.id);
  }
  return out;
}
