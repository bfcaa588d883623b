/**
 * Where edge labels go: on the edge's bezier (past the middle for backend edges, where a rule's edges have
 * fanned out), then nudged apart so that no two labels overlap. Pure: positions and sizes in, points out.
 */
import { DEFAULT_HANDLE_Y, type Positions } from '@/lib/layout/input';
import { nodeSize, rowCenterY, rowHandles } from '@/lib/layout/sizes';
import type { WireNode } from '@/lib/wire/types';

export interface LabelRequest {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
  text: string;
  /** Backend edges put their label past the middle. */
  late: boolean;
}

const LABEL_H = 17;
const CHAR_W = 6.1;

/** Same control points as React Flow's getBezierPath for a right → left connection. */
export function bezierAt(sx: number, sy: number, tx: number, ty: number, t: number): { x: number; y: number } {
  const offset = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  const c1x = sx + offset(tx - sx);
  const c2x = tx - offset(tx - sx);
  const u = 1 - t;
  return {
    x: u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx,
    y: u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty,
  };
}

export function placeLabels(requests: readonly LabelRequest[], nodes: ReadonlyMap<string, WireNode>, positions: Positions): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const boxes: { x: number; y: number; w: number }[] = [];
  const anchors = requests.flatMap((r) => {
    const s = nodes.get(r.source);
    const t = nodes.get(r.target);
    const sp = positions[r.source];
    const tp = positions[r.target];
    if (!s || !t || !sp || !tp) return [];
    const row = r.sourceHandle ? rowHandles(s).indexOf(r.sourceHandle) : -1;
    const sx = sp.x + nodeSize(s).width;
    const sy = sp.y + (row >= 0 ? rowCenterY(s, row) : DEFAULT_HANDLE_Y);
    const tx = tp.x;
    const ty = tp.y + DEFAULT_HANDLE_Y;
    const p = bezierAt(sx, sy, tx, ty, r.late && tx - sx > 200 ? 0.66 : 0.5);
    return [{ id: r.id, ...p, w: r.text.length * CHAR_W + 10 }];
  });
  // Top to bottom, left to right: each label moves down until it is clear of those already placed.
  anchors.sort((a, b) => a.y - b.y || a.x - b.x);
  for (const a of anchors) {
    let y = a.y;
    for (let moved = true, guard = 0; moved && guard < 50; guard++) {
      moved = false;
      for (const b of boxes) {
        if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 + 2 && Math.abs(y - b.y) < LABEL_H + 1) {
          y = b.y + LABEL_H + 1;
          moved = true;
        }
      }
    }
    boxes.push({ x: a.x, y, w: a.w });
    out.set(a.id, { x: a.x, y });
  }
  return out;
}
