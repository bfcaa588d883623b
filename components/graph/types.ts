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
  /** Namespaces drawn collapsed as one node each (at the full level of detail). */
  collapsed: string[];
  /** Level of detail; absent = chosen by the size of what is visible (see filter.ts, chooseDetail). */
  detail?: DetailLevel;
}

/**
 * overview: Gateways with one summary node each for what is attached to them (huge clusters);
 * namespaces: every namespace collapsed into one node; full: every object drawn.
 */
export type DetailLevel = 'overview' | 'namespaces' | 'full';

/** What the graph asks the shell to change in the view (drill-down, expanding a namespace). */
export interface ViewPatch {
  /** null = back to the automatic choice. */
  detail?: DetailLevel | null;
  namespaces?: string[];
  collapsed?: string[];
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
  /**
   * Drill-down from an overview summary (selects its namespaces) and "Expand" on a namespace of the
   * namespaces level (full detail with the other namespaces collapsed). Without it those clicks only select.
   */
  onViewChange?: (patch: ViewPatch) => void;
  /** Told which level of detail is drawn, and whether it was chosen automatically (for the toolbar). */
  onDetailShown?: (detail: DetailLevel, auto: boolean) => void;
}

/** Kept for the edge label helpers shared by graph and panel. */
export type { EdgeTraffic };
