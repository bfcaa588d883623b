/** Shelf packing of laid-out components: rows of components, the widest target first, no overlap. */
export interface Box {
  width: number;
  height: number;
}

export const COMPONENT_GAP = 70;

/** Returns the top-left offset of each box, in input order; rows aim at width/height ≈ `aspect`. */
export function packBoxes(boxes: readonly Box[], aspect = 1.6, gap = COMPONENT_GAP): { x: number; y: number }[] {
  if (boxes.length === 0) return [];
  const area = boxes.reduce((s, b) => s + (b.width + gap) * (b.height + gap), 0);
  const widest = Math.max(...boxes.map((b) => b.width));
  const rowWidth = Math.max(widest, Math.sqrt(area * aspect));
  const out: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += shelf + gap;
      shelf = 0;
    }
    out.push({ x, y });
    x += b.width + gap;
    shelf = Math.max(shelf, b.height);
  }
  return out;
}
