/**
 * Runs ELK and returns top-left positions. Small graphs are laid out in one run (best picture); large
 * ones per connected component (GatewayClasses aside, since they tie everything together), packed in
 * shelves, with the classes in a column on the left. Per-component runs also give real progress.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { connectedComponents } from './components';
import { toElkGraph } from './elk-graph';
import type { LayoutInput, Positions } from './input';
import { COMPONENT_GAP, packBoxes } from './pack';

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Above this many nodes the graph is laid out component by component. */
export const SINGLE_RUN_MAX = 150;

async function layoutPart(elk: ElkLike, part: LayoutInput): Promise<{ positions: Positions; width: number; height: number }> {
  const positions: Positions = {};
  if (part.nodes.length === 1) {
    const n = part.nodes[0];
    return { positions: { [n.id]: { x: 0, y: 0 } }, width: n.width, height: n.height };
  }
  const result = await elk.layout(toElkGraph(part));
  let width = 0;
  let height = 0;
  for (const c of result.children ?? []) {
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    positions[c.id] = { x, y };
    width = Math.max(width, x + (c.width ?? 0));
    height = Math.max(height, y + (c.height ?? 0));
  }
  return { positions, width, height };
}

export async function runLayout(
  elk: ElkLike,
  input: LayoutInput,
  onProgress?: (done: number, total: number) => void,
): Promise<Positions> {
  const round = (p: Positions): Positions =>
    Object.fromEntries(Object.entries(p).map(([id, q]) => [id, { x: Math.round(q.x), y: Math.round(q.y) }]));
  if (input.nodes.length <= SINGLE_RUN_MAX) {
    onProgress?.(0, input.nodes.length);
    // Unconnected nodes right of the entry columns (e.g. collapsed namespaces) would all stack in one ELK
    // layer: they go in a grid below the connected picture instead.
    const linked = new Set(input.edges.flatMap((e) => [e.source, e.target]));
    const loose = input.nodes.filter((n) => !linked.has(n.id) && n.column > 1);
    const looseIds = new Set(loose.map((n) => n.id));
    const main: LayoutInput = { nodes: input.nodes.filter((n) => !looseIds.has(n.id)), edges: input.edges };
    const laid = main.nodes.length ? await layoutPart(elk, main) : { positions: {}, width: 0, height: -COMPONENT_GAP };
    const grid = packBoxes(loose, Math.max(2.4, laid.width / Math.max(1, laid.height)), 24);
    const top = laid.height + COMPONENT_GAP;
    const positions: Positions = { ...laid.positions };
    loose.forEach((n, i) => (positions[n.id] = { x: grid[i].x, y: top + grid[i].y }));
    onProgress?.(input.nodes.length, input.nodes.length);
    return round(positions);
  }
  const classes = input.nodes.filter((n) => n.column === 0);
  const classIds = new Set(classes.map((n) => n.id));
  const rest: LayoutInput = {
    nodes: input.nodes.filter((n) => !classIds.has(n.id)),
    edges: input.edges.filter((e) => !classIds.has(e.source) && !classIds.has(e.target)),
  };
  const parts = connectedComponents(rest);
  const laid: { positions: Positions; width: number; height: number }[] = [];
  let done = 0;
  for (const part of parts) {
    laid.push(await layoutPart(elk, part));
    done += part.nodes.length;
    onProgress?.(done, input.nodes.length);
  }
  const offsets = packBoxes(laid);
  const left = classes.length ? Math.max(...classes.map((c) => c.width)) + COMPONENT_GAP * 2 : 0;
  const out: Positions = {};
  laid.forEach((l, i) => {
    for (const [id, p] of Object.entries(l.positions)) out[id] = { x: p.x + offsets[i].x + left, y: p.y + offsets[i].y };
  });
  let y = 0;
  for (const c of classes) {
    out[c.id] = { x: 0, y };
    y += c.height + 22;
  }
  onProgress?.(input.nodes.length, input.nodes.length);
  return round(out);
}
