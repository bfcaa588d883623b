/**
 * The shape of a whole layout, shared by ELK's layout and the quick one so both draw the same picture
 * at the large scale: small graphs in one piece (unconnected nodes in a grid below), large ones per
 * connected component (GatewayClasses aside, since they tie everything together), packed in shelves,
 * with the classes in a column on the left. Only how each part is laid out differs.
 */
import { connectedComponents } from './components';
import type { LayoutInput, LayoutNode, Positions } from './input';
import { COMPONENT_GAP, packBoxes } from './pack';

/** Above this many nodes the graph is laid out component by component. */
export const SINGLE_RUN_MAX = 150;

export interface LaidPart {
  positions: Positions;
  width: number;
  height: number;
}

export type LayoutPlan =
  | { kind: 'single'; main: LayoutInput; loose: LayoutNode[] }
  | { kind: 'parts'; classes: LayoutNode[]; parts: LayoutInput[] };

export function planLayout(input: LayoutInput): LayoutPlan {
  if (input.nodes.length <= SINGLE_RUN_MAX) {
    // Unconnected nodes right of the entry columns (e.g. collapsed namespaces) would all stack in one
    // column: they go in a grid below the connected picture instead.
    const linked = new Set(input.edges.flatMap((e) => [e.source, e.target]));
    const loose = input.nodes.filter((n) => !linked.has(n.id) && n.column > 1);
    const looseIds = new Set(loose.map((n) => n.id));
    return { kind: 'single', main: { nodes: input.nodes.filter((n) => !looseIds.has(n.id)), edges: input.edges }, loose };
  }
  const classes = input.nodes.filter((n) => n.column === 0);
  const classIds = new Set(classes.map((n) => n.id));
  const rest: LayoutInput = {
    nodes: input.nodes.filter((n) => !classIds.has(n.id)),
    edges: input.edges.filter((e) => !classIds.has(e.source) && !classIds.has(e.target)),
  };
  return { kind: 'parts', classes, parts: connectedComponents(rest) };
}

/** The pieces to lay out, in order; `assemble` expects one result per piece in the same order. */
export function piecesOf(plan: LayoutPlan): LayoutInput[] {
  if (plan.kind === 'parts') return plan.parts;
  return plan.main.nodes.length ? [plan.main] : [];
}

/** A one-node piece needs no layout engine. */
export function trivialPart(part: LayoutInput): LaidPart | null {
  if (part.nodes.length !== 1) return null;
  const n = part.nodes[0];
  return { positions: { [n.id]: { x: 0, y: 0 } }, width: n.width, height: n.height };
}

const round = (p: Positions): Positions =>
  Object.fromEntries(Object.entries(p).map(([id, q]) => [id, { x: Math.round(q.x), y: Math.round(q.y) }]));

export function assemble(plan: LayoutPlan, laid: readonly LaidPart[]): Positions {
  if (plan.kind === 'single') {
    const main = laid[0] ?? { positions: {}, width: 0, height: -COMPONENT_GAP };
    const grid = packBoxes(plan.loose, Math.max(2.4, main.width / Math.max(1, main.height)), 24);
    const top = main.height + COMPONENT_GAP;
    const positions: Positions = { ...main.positions };
    plan.loose.forEach((n, i) => (positions[n.id] = { x: grid[i].x, y: top + grid[i].y }));
    return round(positions);
  }
  const offsets = packBoxes(laid);
  const left = plan.classes.length ? Math.max(...plan.classes.map((c) => c.width)) + COMPONENT_GAP * 2 : 0;
  const out: Positions = {};
  laid.forEach((l, i) => {
    for (const [id, p] of Object.entries(l.positions)) out[id] = { x: p.x + offsets[i].x + left, y: p.y + offsets[i].y };
  });
  let y = 0;
  for (const c of plan.classes) {
    out[c.id] = { x: 0, y };
    y += c.height + 22;
  }
  return round(out);
}
