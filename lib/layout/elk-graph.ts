/** One component of the layout input → an ELK layered graph with one fixed port per listener/rule row. */
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { partitions } from './layering';
import { DEFAULT_HANDLE_Y, IN_HANDLE, OUT_HANDLE, type LayoutInput } from './input';

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
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.separateConnectedComponents': 'false',
  'elk.partitioning.activate': 'true',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

export function toElkGraph(input: LayoutInput): ElkNode {
  const column = partitions(input);
  const sorted = [...input.nodes].sort((a, b) => a.column - b.column || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
      width: n.width,
      height: n.height,
      ports,
      layoutOptions: {
        // Ports sit exactly on the rows' handles, so crossing minimisation sees the real row order.
        'elk.portConstraints': 'FIXED_POS',
        // Keeps Gateways and Ingresses in the first columns even when they point straight at a Service.
        'elk.partitioning.partition': String(column.get(n.id) ?? n.column),
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
