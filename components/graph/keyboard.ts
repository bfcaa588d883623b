/**
 * Arrow-key navigation: left/right follow edges (to the nearest connected node on that side),
 * up/down move within the same column. Pure: positions and edges in, the next node id out.
 */
import type { Point } from '@/lib/layout/input';

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function nextFocus(
  current: string,
  key: ArrowKey,
  positions: Readonly<Record<string, Point>>,
  edges: readonly { source: string; target: string }[],
): string | null {
  const here = positions[current];
  if (!here) return null;
  const dist = (id: string) => Math.abs(positions[id].y - here.y) + Math.abs(positions[id].x - here.x) / 4;
  const pick = (ids: string[]) => ids.filter((id) => positions[id]).sort((a, b) => dist(a) - dist(b) || (a < b ? -1 : 1))[0] ?? null;
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const forward = key === 'ArrowRight';
    const linked = new Set<string>();
    for (const e of edges) {
      if (e.source === current) linked.add(e.target);
      if (e.target === current) linked.add(e.source);
    }
    return pick([...linked].filter((id) => positions[id] && (forward ? positions[id].x > here.x : positions[id].x < here.x)));
  }
  // Same column: nodes whose x is within a few pixels, next one above or below.
  const column = Object.keys(positions).filter((id) => id !== current && Math.abs(positions[id].x - here.x) < 8);
  const down = key === 'ArrowDown';
  return pick(column.filter((id) => (down ? positions[id].y > here.y : positions[id].y < here.y)));
}
