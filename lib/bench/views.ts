/**
 * The "1,000-node view" of the frame-rate figure: the smallest set of namespaces (in name order) whose
 * nodes add up to at least the wanted count, so the page can be opened on exactly that view with the
 * namespace filter and full detail.
 */
import type { KObject } from '../gateway-api/types';
import { buildTopology, MutableSnapshot } from '../model';
import { BENCH_CONTEXT } from './model-bench';

export interface NamespaceView {
  namespaces: string[];
  /** Model nodes in those namespaces (the page also draws what they point at outside them). */
  nodes: number;
}

/** The first namespaces by name, Gateway namespaces aside, that hold at least `wanted` model nodes. */
export function namespacesForNodes(objects: readonly KObject[], wanted: number): NamespaceView {
  const topology = buildTopology(new MutableSnapshot(objects), BENCH_CONTEXT, 0);
  // Namespaces holding Gateways are left out: every route attached to those Gateways is a direct
  // neighbour and would be drawn too (thousands of nodes on the large cluster), so it is no 1,000-node view.
  const gatewayNamespaces = new Set(topology.nodes.filter((n) => n.kind === 'Gateway').map((n) => n.namespace));
  const perNamespace = new Map<string, number>();
  for (const n of topology.nodes) if (n.namespace && !gatewayNamespaces.has(n.namespace)) perNamespace.set(n.namespace, (perNamespace.get(n.namespace) ?? 0) + 1);
  const namespaces: string[] = [];
  let nodes = 0;
  for (const [ns, count] of [...perNamespace].sort(([a], [b]) => a.localeCompare(b))) {
    if (nodes >= wanted) break;
    namespaces.push(ns);
    nodes += count;
  }
  return { namespaces, nodes };
}
