/**
 * Column (ELK partition) per node: at least its kind's column, and right of everything that points at it.
 * So Ingresses stand beside Gateways, and a mesh route sits right of the Service it is attached to.
 */
import type { LayoutInput } from './input';

export function partitions(input: LayoutInput): Map<string, number> {
  const rank = new Map(input.nodes.map((n) => [n.id, n.column]));
  // Bellman-Ford style relaxation with a cap: cycles (which should not exist) cannot loop forever.
  for (let pass = 0; pass < 12; pass++) {
    let changed = false;
    for (const e of input.edges) {
      const s = rank.get(e.source);
      const t = rank.get(e.target);
      if (s === undefined || t === undefined || t > s) continue;
      rank.set(e.target, s + 1);
      changed = true;
    }
    if (!changed) break;
  }
  return rank;
}
