import type { EdgeTraffic, NodeKind, TelemetryReport, Topology } from '@/lib/wire/types';
import type { PendingShares } from '@/components/split/types';

/** What the shell (toolbar, URL state) asks the graph to show. */
export interface GraphFilters {
  /** Empty = all namespaces. */
  namespaces: string[];
  /** Route kinds to show (HTTPRoute, GRPCRoute, …); empty = all. */
  kinds: NodeKind[];
  layers: { classes: boolean; workloads: boolean; ingress: boolean };
  problemsOnly: boolean;
  search: string;
  /** Namespaces drawn collapsed as one node each. */
  collapsed: string[];
}

/** Which figure edges show when telemetry is on. */
export type EdgeLabelMode = 'share' | 'rps' | 'errors' | 'latency' | 'none';

export interface TopologyGraphProps {
  topology: Topology;
  filters: GraphFilters;
  /** Node ids the analyzer flags (for "problems only" and node badges come from node.problems). */
  problemNodeIds: ReadonlySet<string>;
  selectedId: string | null;
  /** Node or edge id; edges of kind backend open the split editor. */
  onSelect: (id: string | null, kind: 'node' | 'edge') => void;
  /** Ids changed by the last live update: flash them. */
  flashIds: ReadonlySet<string>;
  pending: PendingShares | null;
  telemetry: TelemetryReport | null;
  edgeLabelMode: EdgeLabelMode;
  hideIdleEdges: boolean;
  dark: boolean;
  /** Increment to ask for fit view / re-layout from the toolbar. */
  fitSignal: number;
  relayoutSignal: number;
  /** Increment to centre the selected node (links in the Problems view and details panel). */
  centerSignal?: number;
  /** Toggle a namespace's collapsed state (collapsed namespace nodes call this on expand). */
  onToggleCollapse: (namespace: string) => void;
  /** Layout progress for the progress bar (0..1, or null when idle). */
  onLayoutProgress?: (p: number | null) => void;
  /**
   * Above ~500 visible nodes the graph opens collapsed by namespace. With this callback the graph asks
   * the shell (once, with every namespace) to put them in filters.collapsed; without it the graph
   * collapses them itself and its namespace nodes' "Expand" undoes that.
   */
  onAutoCollapse?: (namespaces: string[]) => void;
}

/** Kept for the edge label helpers shared by graph and panel. */
export type { EdgeTraffic };
