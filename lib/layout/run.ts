/**
 * Runs ELK and returns top-left positions, piece by piece as `arrange.ts` plans them (per-component
 * runs on large graphs also give real progress), each piece's rows in the quick layout's order.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import { assemble, piecesOf, planLayout, trivialPart, type LaidPart } from './arrange';
import { toElkGraph } from './elk-graph';
import type { LayoutInput, Positions } from './input';
import { quickLayout } from './quick';

export { SINGLE_RUN_MAX } from './arrange';

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

async function layoutPart(elk: ElkLike, part: LayoutInput, rows: Positions): Promise<LaidPart> {
  const trivial = trivialPart(part);
  if (trivial) return trivial;
  const result = await elk.layout(toElkGraph(part, rows));
  const positions: Positions = {};
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

/** `rows`: the quick layout of the same input, when the caller has it (its row order seeds ELK's). */
export async function runLayout(
  elk: ElkLike,
  input: LayoutInput,
  onProgress?: (done: number, total: number) => void,
  rows?: Positions,
): Promise<Positions> {
  const plan = planLayout(input);
  const order = rows ?? quickLayout(input);
  const total = input.nodes.length;
  onProgress?.(0, total);
  const laid: LaidPart[] = [];
  let done = 0;
  for (const piece of piecesOf(plan)) {
    laid.push(await layoutPart(elk, piece, order));
    done += piece.nodes.length;
    if (plan.kind === 'parts') onProgress?.(done, total);
  }
  onProgress?.(total, total);
  return assemble(plan, laid);
}
