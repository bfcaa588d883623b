/** The structure layout works on: sizes, right-side row ports and edge endpoints; nothing else. */
import type { WireEdge, WireNode } from '../wire/types';
import { DEFAULT_HANDLE_Y, nodeSize, rowCenterY, rowHandles } from './sizes';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Right-side row handles and their vertical centres. */
  ports: { handle: string; y: number }[];
  /** Column hint: 0 GatewayClass, 1 Gateway/Ingress, 2 route, 3 Service, 4 Workload. */
  column: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface Point {
  x: number;
  y: number;
}

export type Positions = Record<string, Point>;

/** Default handle ids of every node: edges without a row handle leave from `out` and all enter at `in`. */
export const IN_HANDLE = 'in';
export const OUT_HANDLE = 'out';
export { DEFAULT_HANDLE_Y };

const COLUMN: Record<WireNode['kind'], number> = {
  GatewayClass: 0,
  Gateway: 1,
  Ingress: 1,
  Namespace: 2,
  Summary: 2,
  HTTPRoute: 2,
  GRPCRoute: 2,
  TCPRoute: 2,
  TLSRoute: 2,
  UDPRoute: 2,
  Service: 3,
  Workload: 4,
};

export function layoutInputFrom(nodes: readonly WireNode[], edges: readonly WireEdge[]): LayoutInput {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    nodes: nodes.map((n) => {
      const size = nodeSize(n);
      return {
        id: n.id,
        width: size.width,
        height: size.height,
        ports: rowHandles(n).map((handle, i) => ({ handle, y: rowCenterY(n, i) })),
        column: COLUMN[n.kind],
      };
    }),
    // Edges whose ends are filtered out do not take part in layout.
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target })),
  };
}
