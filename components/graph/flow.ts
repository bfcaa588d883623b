/** Visible graph + positions → React Flow nodes and edges (pure; the components only draw what this says). */
import type { Edge, Node } from '@xyflow/react';
import { IN_HANDLE, OUT_HANDLE, type Positions } from '@/lib/layout/input';
import { nodeSize, rowHandles } from '@/lib/layout/sizes';
import type { TelemetryReport, WireEdge, WireNode } from '@/lib/wire/types';
import type { PendingShares } from '@/components/split/types';
import { edgeLook, isIdle, type EdgeLook } from './edge-label';
import type { VisibleGraph } from './filter';
import { placeLabels } from './label-layout';
import type { EdgeLabelMode } from './types';

export type GwNodeType = 'gateway' | 'route' | 'service' | 'workload' | 'class' | 'ingress' | 'namespace' | 'summary';

export interface GwNodeData extends Record<string, unknown> {
  node: WireNode;
  /** Search is active and this node does not match. */
  dimmed: boolean;
  /** Search matches this node. */
  match: boolean;
  /** Outside the selected namespaces (drawn as context). */
  outsider: boolean;
  /** Changes with every flash of this node, so the CSS animation restarts. */
  flash: number;
  /** Collapsed namespace nodes expand through this. */
  onToggleCollapse?: (namespace: string) => void;
  /** Zoomed out: draw the name only (see TopologyGraph's COMPACT_ZOOM). */
  compact: boolean;
}

export interface GwEdgeData extends Record<string, unknown> {
  edge: WireEdge;
  look: EdgeLook;
  dimmed: boolean;
  flash: number;
  /** Labels live outside the edge's SVG group: clicking one selects the edge through this. */
  onSelect?: (edgeId: string) => void;
  /** Theme, for the stroke palette. */
  dark?: boolean;
  /** Label centre in flow coordinates, placed so labels do not overlap (absent: the edge's middle). */
  labelAt?: { x: number; y: number };
  /** Zoomed out: no label, no traffic dots, no wide click target. */
  compact?: boolean;
}

export type GwNode = Node<GwNodeData, GwNodeType>;
export type GwEdge = Edge<GwEdgeData, 'gw'>;

export function nodeType(n: WireNode): GwNodeType {
  switch (n.kind) {
    case 'Gateway':
      return 'gateway';
    case 'GatewayClass':
      return 'class';
    case 'Service':
      return 'service';
    case 'Workload':
      return 'workload';
    case 'Ingress':
      return 'ingress';
    case 'Namespace':
      return 'namespace';
    case 'Summary':
      return 'summary';
    default:
      return 'route';
  }
}

export interface FlowContext {
  selectedId: string | null;
  flash: ReadonlyMap<string, number>;
  pending: PendingShares | null;
  telemetry: TelemetryReport | null;
  edgeLabelMode: EdgeLabelMode;
  hideIdleEdges: boolean;
  onToggleCollapse?: (namespace: string) => void;
  onSelectEdge?: (edgeId: string) => void;
  dark?: boolean;
  /** Zoomed out below the readable level. */
  compact?: boolean;
}

export function toFlowNodes(g: VisibleGraph, positions: Positions, ctx: FlowContext): GwNode[] {
  const searching = g.matches.size > 0;
  return g.nodes.map((n) => {
    const size = nodeSize(n);
    return {
      id: n.id,
      type: nodeType(n),
      position: positions[n.id] ?? { x: 0, y: 0 },
      width: size.width,
      height: size.height,
      selected: ctx.selectedId === n.id,
      draggable: false,
      connectable: false,
      ariaLabel: n.kind === 'Summary' ? `Routes attached to ${n.gateway ? `Gateway ${n.name}` : 'no Gateway'} (click to show them)` : `${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name}`,
      data: {
        node: n,
        dimmed: searching && !g.matches.has(n.id),
        match: g.matches.has(n.id),
        outsider: g.outsiders.has(n.id),
        flash: ctx.flash.get(n.id) ?? 0,
        onToggleCollapse: ctx.onToggleCollapse,
        compact: !!ctx.compact,
      },
    };
  });
}

export function toFlowEdges(g: VisibleGraph, ctx: FlowContext, positions?: Positions): GwEdge[] {
  const searching = g.matches.size > 0;
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const out: GwEdge[] = [];
  for (const e of g.edges) {
    const source = byId.get(e.source);
    if (!source || !byId.has(e.target)) continue;
    const traffic = ctx.telemetry?.edges[e.id];
    if (ctx.hideIdleEdges && isIdle(traffic, !!ctx.telemetry && ctx.telemetry.source !== 'none')) continue;
    const tcp = source.kind === 'TCPRoute' || source.kind === 'UDPRoute' || (source.kind === 'Gateway' && source.listeners.find((l) => l.handle === e.sourceHandle)?.protocol === 'TCP');
    const look = edgeLook(e, { traffic, pending: ctx.pending?.[e.id], mode: ctx.edgeLabelMode, tcp });
    const handle = e.sourceHandle && rowHandles(source).includes(e.sourceHandle) ? e.sourceHandle : OUT_HANDLE;
    out.push({
      id: e.id,
      type: 'gw',
      source: e.source,
      target: e.target,
      sourceHandle: handle,
      targetHandle: IN_HANDLE,
      selected: ctx.selectedId === e.id,
      focusable: true,
      ariaLabel: `${e.kind} edge ${look.label}`.trim(),
      zIndex: look.stroke === 'rejected' ? 2 : 1,
      data: {
        edge: e,
        look,
        dimmed: searching && !(g.matches.has(e.source) || g.matches.has(e.target)),
        flash: ctx.flash.get(e.id) ?? 0,
        onSelect: ctx.onSelectEdge,
        dark: ctx.dark,
        compact: !!ctx.compact,
      },
    });
  }
  // Zoomed out the labels are not drawn, so they need no place.
  if (positions && !ctx.compact) {
    const at = placeLabels(
      out.filter((e) => e.data!.look.label).map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? undefined, target: e.target, text: e.data!.look.label, late: e.data!.edge.kind === 'backend' })),
      byId,
      positions,
    );
    for (const e of out) e.data!.labelAt = at.get(e.id);
  }
  return out;
}
