/**
 * Node geometry, computed from row counts so that layout never waits for the DOM to be measured.
 * The node components render with exactly these numbers, so ELK's ports sit on the rows' handles.
 */
import type { WireNode } from '../wire/types';

export const ROW_H = 22;
export const HEADER_H = 46;
/** The hostnames line under a route's header. */
export const SUBLINE_H = 18;
export const PAD_B = 6;

export const WIDTH: Record<WireNode['kind'], number> = {
  GatewayClass: 210,
  Gateway: 320,
  HTTPRoute: 310,
  GRPCRoute: 310,
  TCPRoute: 310,
  TLSRoute: 310,
  UDPRoute: 310,
  Service: 230,
  Workload: 200,
  Ingress: 300,
  Namespace: 240,
  Summary: 280,
};

export interface NodeSize {
  width: number;
  height: number;
}

/** Rows (listener or rule handles) a node exposes on its right side, in display order. */
export function rowHandles(node: WireNode): string[] {
  switch (node.kind) {
    case 'Gateway':
      return node.listeners.map((l) => l.handle);
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TCPRoute':
    case 'TLSRoute':
    case 'UDPRoute':
      return node.rules.map((r) => r.handle);
    default:
      return [];
  }
}

/** Height of the part above the first row. */
export function headerHeight(node: WireNode): number {
  switch (node.kind) {
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
      return HEADER_H + (node.hostnames.length ? SUBLINE_H : 0);
    case 'Service':
      return HEADER_H + SUBLINE_H;
    case 'Workload':
      return HEADER_H;
    case 'Namespace':
    case 'Summary':
      return HEADER_H + SUBLINE_H + 8;
    default:
      return HEADER_H;
  }
}

/** Rows that are drawn but carry no handle (Ingress rules). */
function plainRows(node: WireNode): number {
  return node.kind === 'Ingress' ? Math.max(1, node.rules.length) : 0;
}

export function nodeSize(node: WireNode): NodeSize {
  const rows = rowHandles(node).length + plainRows(node);
  return { width: WIDTH[node.kind], height: headerHeight(node) + rows * ROW_H + PAD_B };
}

/** Vertical centre of row `i` (0-based), relative to the node's top: where its handle sits. */
export function rowCenterY(node: WireNode, i: number): number {
  return headerHeight(node) + i * ROW_H + ROW_H / 2;
}

/** Where the node's default in/out handles sit: the middle of the header. */
export const DEFAULT_HANDLE_Y = HEADER_H / 2;
