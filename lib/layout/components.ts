/** Weakly connected components, each laid out on its own (faster, and lets the worker report progress). */
import type { LayoutInput } from './input';

export function connectedComponents(input: LayoutInput): LayoutInput[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    // Path compression keeps large graphs linear.
    let c = x;
    while (c !== r) {
      const next = parent.get(c) as string;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const n of input.nodes) parent.set(n.id, n.id);
  for (const e of input.edges) {
    if (!parent.has(e.source) || !parent.has(e.target)) continue;
    const a = find(e.source);
    const b = find(e.target);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, LayoutInput>();
  for (const n of input.nodes) {
    const root = find(n.id);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { nodes: [], edges: [] }));
    g.nodes.push(n);
  }
  for (const e of input.edges) {
    if (!parent.has(e.source) || !parent.has(e.target)) continue;
    groups.get(find(e.source))?.edges.push(e);
  }
  // Largest first, then by first node id: a deterministic order.
  return [...groups.values()].sort(
    (a, b) => b.nodes.length - a.nodes.length || (a.nodes[0].id < b.nodes[0].id ? -1 : 1),
  );
}
