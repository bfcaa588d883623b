/**
 * One component of the layout input → an ELK layered graph with one fixed port per listener/rule row, its
 * columns and row order given (see LAYERED_OPTIONS), so ELK's work is placing rows and spacing columns.
 */
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { partitions } from './layering';
import { DEFAULT_HANDLE_Y, IN_HANDLE, OUT_HANDLE, type LayoutInput, type Positions } from './input';

export const portId = (nodeId: string, handle: string): string => `${nodeId}::${handle}`;

export const LAYERED_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': '22',
  'elk.layered.spacing.nodeNodeBetweenLayers': '140',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.separateConnectedComponents': 'false',
  // Columns come from layering.ts, handed to ELK as x positions: the interactive layerer turns them into
  // layers in O(n log n). (ELK's partitioning does the same but first joins every node of a partition to
  // every node of the next one by a constraint edge, then runs network-simplex layering on that: about
  // 20 s of CPU for 380 nodes.)
  'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
  'elk.layered.layering.strategy': 'INTERACTIVE',
  // Rows come in the quick layout's order (barycentre sweeps, kept only where they cross fewer edges) and
  // ELK keeps it. The page draws each edge straight from handle to handle, not along ELK's routes through
  // the columns in between; for those lines ELK's own layer sweep crossed two to three times more edges
  // than this order on the benchmark clusters, and took most of the time. ELK places the rows.
  'elk.layered.crossingMinimization.strategy': 'NONE',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

/** x given to ELK per column: far wider than any node, so no two columns' nodes overlap horizontally. */
export const COLUMN_STRIDE = 4000;

/** `rows`: positions whose vertical order ELK keeps within each column (the quick layout's); else by id. */
export function toElkGraph(input: LayoutInput, rows?: Positions): ElkNode {
  const column = partitions(input);
  const col = (id: string, fallback: number): number => column.get(id) ?? fallback;
  const rowOf = (id: string): number => rows?.[id]?.y ?? 0;
  const sorted = [...input.nodes].sort(
    (a, b) => col(a.id, a.column) - col(b.id, b.column) || rowOf(a.id) - rowOf(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const children: ElkNode[] = sorted.map((n) => {
    const ports: ElkPort[] = [
      { id: portId(n.id, IN_HANDLE), x: 0, y: DEFAULT_HANDLE_Y, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } },
      { id: portId(n.id, OUT_HANDLE), x: n.width, y: DEFAULT_HANDLE_Y, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'EAST' } },
      ...n.ports.map((p) => ({
        id: portId(n.id, p.handle),
        x: n.width,
        y: p.y,
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': 'EAST' },
      })),
    ];
    return {
      id: n.id,
      // The column as a position, read by the interactive layerer: keeps Gateways and Ingresses in the
      // first columns even when they point straight at a Service.
      x: (column.get(n.id) ?? n.column) * COLUMN_STRIDE,
      y: 0,
      width: n.width,
      height: n.height,
      ports,
      layoutOptions: {
        // Ports sit exactly on the rows' handles, so crossing minimisation sees the real row order.
        'elk.portConstraints': 'FIXED_POS',
      },
    };
  });
  const known = new Set(input.nodes.map((n) => n.id));
  const ports = new Set(children.flatMap((c) => (c.ports ?? []).map((p) => p.id)));
  const edges: ElkExtendedEdge[] = input.edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => {
      const wanted = portId(e.source, e.sourceHandle ?? OUT_HANDLE);
      // A handle the node does not draw (stale or foreign data) falls back to the node's default port.
      return { id: e.id, sources: [ports.has(wanted) ? wanted : portId(e.source, OUT_HANDLE)], targets: [portId(e.target, IN_HANDLE)] };
    });
  return { id: 'root', layoutOptions: LAYERED_OPTIONS, children, edges };
}
