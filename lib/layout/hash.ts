/**
 * Structural hash of a layout input: node ids, sizes, row handles and edge endpoints.
 * Weights, shares, conditions and telemetry are not part of it, so they never move a node.
 */
import type { LayoutInput } from './input';

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function structuralText(input: LayoutInput): string {
  const nodes = input.nodes
    .map((n) => `${n.id}#${n.width}x${n.height}#${n.ports.map((p) => p.handle).join(',')}`)
    .sort();
  const edges = input.edges.map((e) => `${e.source}|${e.sourceHandle ?? ''}>${e.target}`).sort();
  return `${nodes.join('\n')}\n--\n${edges.join('\n')}`;
}

export function structuralHash(input: LayoutInput): string {
  const text = structuralText(input);
  // Two independent 32-bit FNV-1a runs: collisions across a session's handful of layouts are negligible.
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
}
