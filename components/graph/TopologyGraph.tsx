'use client';
/**
 * The topology canvas: filters → level of detail (full, namespaces collapsed, Gateway overview; see
 * filter.ts) → layout in a worker → React Flow nodes and edges. Clicking an overview summary drills down
 * through `onViewChange`; zoomed out, nodes draw compact and edge labels hide.
 */
import '@xyflow/react/dist/style.css';
import './graph.css';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
  type ReactFlowState,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { structuralHash } from '@/lib/layout/hash';
import { layoutInputFrom } from '@/lib/layout/input';
import { edgeTypes } from './edges/GraphEdge';
import { CompactEdges, type Box } from './edges/CompactEdges';
import { graphAtDetail } from './filter';
import { toFlowEdges, toFlowNodes, type FlowContext, type GwEdge, type GwNode } from './flow';
import { registerExportTarget } from './export';
import { nextFocus, type ArrowKey } from './keyboard';
import { prewarmLayout, useLayout } from './layout-client';
import { nodeTypes } from './nodes';
import type { TopologyGraphProps } from './types';

const FLASH_MS = 1200;
/** Below this zoom nodes draw compact (name only) and edge labels are hidden; above FULL_ZOOM in full. */
export const COMPACT_ZOOM = 0.45;
const NO_EDGES: GwEdge[] = [];
const FULL_ZOOM = 0.5;
const COMPACT_DELAY_MS = 250;
const zoomBandOf = (s: ReactFlowState): 'out' | 'between' | 'in' =>
  s.transform[2] < COMPACT_ZOOM ? 'out' : s.transform[2] > FULL_ZOOM ? 'in' : 'between';

/** Counters per id that tick on every flash (restarting the animation) and drop after FLASH_MS. */
function useFlash(flashIds: ReadonlySet<string>): ReadonlyMap<string, number> {
  const [flash, setFlash] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    if (flashIds.size === 0) return;
    setFlash((prev) => {
      const next = new Map(prev);
      for (const id of flashIds) next.set(id, (prev.get(id) ?? 0) + 1);
      return next;
    });
    const ids = [...flashIds];
    const t = setTimeout(() => {
      setFlash((prev) => {
        const next = new Map(prev);
        for (const id of ids) next.delete(id);
        return next;
      });
    }, FLASH_MS);
    return () => clearTimeout(t);
  }, [flashIds]);
  return flash;
}

function reuseEqual<T extends { id: string }>(fresh: T[], prev: ReadonlyMap<string, T>, same: (a: T, b: T) => boolean): T[] {
  return fresh.map((x) => {
    const p = prev.get(x.id);
    return p && same(p, x) ? p : x;
  });
}

function sameNode(a: GwNode, b: GwNode): boolean {
  const x = a.data;
  const y = b.data;
  return (
    a.position.x === b.position.x && a.position.y === b.position.y && a.selected === b.selected && a.width === b.width && a.height === b.height &&
    x.node === y.node && x.dimmed === y.dimmed && x.match === y.match && x.outsider === y.outsider && x.flash === y.flash && x.compact === y.compact &&
    x.onToggleCollapse === y.onToggleCollapse
  );
}

function sameEdge(a: GwEdge, b: GwEdge): boolean {
  const x = a.data!;
  const y = b.data!;
  return (
    a.selected === b.selected && a.sourceHandle === b.sourceHandle && a.zIndex === b.zIndex && a.ariaLabel === b.ariaLabel &&
    x.edge === y.edge && x.dimmed === y.dimmed && x.flash === y.flash && x.dark === y.dark && x.compact === y.compact && x.onSelect === y.onSelect &&
    x.labelAt?.x === y.labelAt?.x && x.labelAt?.y === y.labelAt?.y && JSON.stringify(x.look) === JSON.stringify(y.look)
  );
}

function Canvas(props: TopologyGraphProps) {
  const { topology, filters, problemNodeIds, selectedId, onSelect, dark, onToggleCollapse, onAutoCollapse, onLayoutProgress } = props;
  const rf = useReactFlow();
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => prewarmLayout(), []);

  // --- level of detail --------------------------------------------------------------------------------
  // Decided during render from the filters and the size of what is visible, so a huge graph is never laid
  // out (seconds of ELK) just to be summarised a moment later. A caller that passes onAutoCollapse keeps the
  // choice to itself: without a level in the filters it gets the full view.
  const detailFilters = useMemo(
    () => (props.onAutoCollapse && !filters.detail ? { ...filters, detail: 'full' as const } : filters),
    [filters, props.onAutoCollapse],
  );
  const visible = useMemo(
    () => graphAtDetail(topology.nodes, topology.edges, detailFilters, problemNodeIds),
    [topology, detailFilters, problemNodeIds],
  );
  const { detail, auto } = visible;
  const onDetailShown = props.onDetailShown;
  useEffect(() => onDetailShown?.(detail, auto), [detail, auto, onDetailShown]);
  const onViewChange = props.onViewChange;
  // The shell passes new callbacks on every render; reading them through a ref keeps the React Flow
  // elements (and so every node) unchanged when only a callback's identity changed.
  const latest = useRef({ onSelect, onToggleCollapse, onViewChange, detail, nodes: visible.nodes });
  latest.current = { onSelect, onToggleCollapse, onViewChange, detail, nodes: visible.nodes };
  const toggleCollapse = useCallback((ns: string) => {
    const l = latest.current;
    // "Expand" on the namespaces level: everything else stays collapsed, at full detail.
    if (l.detail === 'namespaces' && l.onViewChange) l.onViewChange({ detail: 'full', collapsed: l.nodes.filter((n) => n.kind === 'Namespace' && n.name !== ns).map((n) => n.name) });
    else l.onToggleCollapse(ns);
  }, []);
  const selectEdge = useCallback((id: string) => latest.current.onSelect(id, 'edge'), []);
  const drillDown = useCallback(
    (id: string) => {
      const s = visible.nodes.find((n) => n.id === id);
      if (s?.kind !== 'Summary' || !onViewChange) return false;
      // Back to the automatic choice: the Gateway's namespaces open collapsed or in full, by size.
      onViewChange({ namespaces: s.namespaces, detail: null, collapsed: [] });
      return true;
    },
    [visible.nodes, onViewChange],
  );

  // --- visible graph and layout --------------------------------------------------------------------
  const input = useMemo(() => layoutInputFrom(visible.nodes, visible.edges), [visible]);
  const hash = useMemo(() => structuralHash(input), [input]);
  // A structural change under the same filters is a live update: existing nodes keep their place.
  const filterKey = JSON.stringify([filters.namespaces, filters.kinds, filters.layers, filters.problemsOnly, filters.collapsed, detail, visible.searchNamespaces ?? null]);
  const layout = useLayout(input, hash, filterKey, props.relayoutSignal, onLayoutProgress);

  // --- React Flow elements ----------------------------------------------------------------------------
  const flash = useFlash(props.flashIds);
  // Zoomed out below COMPACT_ZOOM the rows are too small to read: nodes draw as a coloured box with the
  // name and edges without labels. Switching redraws every node, so it waits until the zoom has stayed on
  // one side for a moment (and back above FULL_ZOOM, a little higher): zooming back and forth across the
  // line does not redraw the graph on every wheel step.
  const zoomBand = useStore(zoomBandOf);
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    if (zoomBand === 'between' || (zoomBand === 'out') === compact) return;
    const t = setTimeout(() => setCompact(zoomBand === 'out'), COMPACT_DELAY_MS);
    return () => clearTimeout(t);
  }, [zoomBand, compact]);
  const ctx: FlowContext = useMemo(
    () => ({
      selectedId,
      flash,
      pending: props.pending,
      telemetry: props.telemetry,
      edgeLabelMode: props.edgeLabelMode,
      hideIdleEdges: props.hideIdleEdges,
      onToggleCollapse: toggleCollapse,
      onSelectEdge: selectEdge,
      dark,
      compact,
    }),
    [selectedId, flash, props.pending, props.telemetry, props.edgeLabelMode, props.hideIdleEdges, toggleCollapse, selectEdge, dark, compact],
  );
  // Elements equal to the previous render's are passed on as the same objects, so React Flow skips them
  // (a selection or a flash redraws the nodes it touches, not all of them).
  const prevNodes = useRef(new Map<string, GwNode>());
  const prevEdges = useRef(new Map<string, GwEdge>());
  const nodes = useMemo(() => {
    // Nodes wait for their position (a new node appears once the layout has placed it).
    const fresh = toFlowNodes(visible, layout.positions, ctx).filter((n) => layout.positions[n.id]);
    const out = reuseEqual(fresh, prevNodes.current, sameNode);
    prevNodes.current = new Map(out.map((n) => [n.id, n]));
    return out;
  }, [visible, layout.positions, ctx]);
  const edges = useMemo(() => {
    const placed = new Set(nodes.map((n) => n.id));
    const fresh = toFlowEdges(visible, ctx, layout.positions).filter((e) => placed.has(e.source) && placed.has(e.target));
    const out = reuseEqual(fresh, prevEdges.current, sameEdge);
    prevEdges.current = new Map(out.map((e) => [e.id, e]));
    return out;
  }, [visible, ctx, nodes, layout.positions]);

  const boxes = useMemo(() => {
    const m = new Map<string, Box>();
    for (const n of input.nodes) {
      const p = layout.positions[n.id];
      if (p) m.set(n.id, { x: p.x, y: p.y, w: n.width, h: n.height });
    }
    return m;
  }, [input, layout.positions]);

  // --- viewport: fit on first layout and on request; centre on the first search match ---------------
  // Fitted once per view: on the first layout, and again when the filters or the level of detail change
  // (a drill-down), not on live updates.
  const fitted = useRef(false);
  const fittedFor = useRef<string | null>(null);
  const firstMatch = visible.nodes.find((n) => visible.matches.has(n.id))?.id;
  const matchView = { maxZoom: 1.2, minZoom: 0.5, duration: 300, padding: 0.6 };
  useEffect(() => {
    // Only once the positions belong to the structure now drawn (not the previous view's).
    if (layout.version === 0 || layout.hash !== hash || nodes.length === 0 || fittedFor.current === filterKey) return;
    fitted.current = true;
    fittedFor.current = filterKey;
    userMoved.current = false;
    centredOn.current = firstMatch && layout.positions[firstMatch] ? firstMatch : null;
    // A link that opens with a search shows the first match; otherwise the whole graph.
    requestAnimationFrame(
      () => void rf.fitView(firstMatch && layout.positions[firstMatch] ? { ...matchView, nodes: [{ id: firstMatch }] } : { padding: 0.08, maxZoom: 1.1 }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.version, layout.hash, hash, nodes.length, rf]);
  // The quick layout is drawn (and fitted) first; when ELK's picture replaces it, fit once more unless the
  // user has panned or zoomed since.
  const userMoved = useRef(false);
  /** The node a search or a problem link centred; ELK's picture moves it, so it is centred again. */
  const centredOn = useRef<string | null>(null);
  const onMoveStart = useCallback((ev: MouseEvent | TouchEvent | null) => {
    if (ev) userMoved.current = true;
  }, []);
  useEffect(() => {
    if (fittedFor.current !== filterKey || !layout.refined || userMoved.current) return;
    const focus = centredOn.current && layout.positions[centredOn.current] ? centredOn.current : null;
    requestAnimationFrame(() => void rf.fitView(focus ? { ...matchView, nodes: [{ id: focus }] } : { padding: 0.08, maxZoom: 1.1 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.version]);
  const lastFit = useRef(props.fitSignal);
  useEffect(() => {
    if (lastFit.current === props.fitSignal) return;
    lastFit.current = props.fitSignal;
    void rf.fitView({ padding: 0.08, maxZoom: 1.1, duration: 300 });
  }, [props.fitSignal, rf]);
  useEffect(() => {
    // After a forced re-layout, show the whole new picture.
    if (layout.version > 1 && props.relayoutSignal > 0) void rf.fitView({ padding: 0.08, maxZoom: 1.1, duration: 300 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.relayoutSignal, layout.hash]);
  useEffect(() => {
    if (!fitted.current || !firstMatch || !layout.positions[firstMatch]) return;
    centredOn.current = firstMatch;
    void rf.fitView({ ...matchView, nodes: [{ id: firstMatch }] });
    // Centre once per search text, not on every live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters.search, firstMatch, layout.version > 0]);

  // Centre the selected node when the shell asks (Problems view and related-object links).
  const lastCenter = useRef(props.centerSignal ?? 0);
  useEffect(() => {
    if (props.centerSignal === undefined || lastCenter.current === props.centerSignal) return;
    if (!selectedId || !layout.positions[selectedId]) return;
    lastCenter.current = props.centerSignal;
    centredOn.current = selectedId;
    void rf.fitView({ ...matchView, nodes: [{ id: selectedId }] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.centerSignal, selectedId, layout.positions]);

  // --- export -----------------------------------------------------------------------------------------
  useEffect(() => {
    const element = rootRef.current;
    if (!element) return;
    registerExportTarget({
      element,
      getNodes: () => rf.getNodes(),
      prepare: async () => {
        await rf.fitView({ padding: 0.02 });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      },
    });
    return () => registerExportTarget(null);
  }, [rf]);

  // --- selection and keyboard -----------------------------------------------------------------------
  const onNodeClick = useCallback((_: unknown, n: Node) => drillDown(n.id) || onSelect(n.id, 'node'), [onSelect, drillDown]);
  const onEdgeClick = useCallback((_: unknown, e: Edge) => onSelect(e.id, 'edge'), [onSelect]);
  const onPaneClick = useCallback(() => onSelect(null, 'node'), [onSelect]);
  const onKeyDown = useCallback(
    (ev: KeyboardEvent<HTMLDivElement>) => {
      const el = (ev.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      if (ev.key === 'Escape') {
        onSelect(null, 'node');
        return;
      }
      const id = el?.dataset.id;
      if (!id) {
        // Enter on a focused edge opens it.
        const edgeEl = (ev.target as HTMLElement).closest<HTMLElement>('.react-flow__edge');
        if (ev.key === 'Enter' && edgeEl?.dataset.id) onSelect(edgeEl.dataset.id, 'edge');
        return;
      }
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        if (!drillDown(id)) onSelect(id, 'node');
        return;
      }
      if (!ev.key.startsWith('Arrow')) return;
      ev.preventDefault();
      const next = nextFocus(id, ev.key as ArrowKey, layout.positions, visible.edges);
      if (!next) return;
      const n = rf.getInternalNode(next);
      const w = n?.width ?? 0;
      const h = n?.height ?? 0;
      const p = layout.positions[next];
      void rf.setCenter(p.x + w / 2, p.y + h / 2, { zoom: Math.max(rf.getZoom(), 0.8), duration: 200 });
      // The node may only enter the DOM once it is on screen.
      const focus = (tries: number) => {
        const target = rootRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(next)}"]`);
        if (target) target.focus({ preventScroll: true });
        else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
      };
      focus(20);
    },
    [layout.positions, visible.edges, onSelect, rf, drillDown],
  );

  const empty = layout.version > 0 && visible.nodes.length === 0;
  return (
    <div
      ref={rootRef}
      className={`gw-graph relative h-full w-full ${dark ? 'dark' : ''}`}
      onKeyDown={onKeyDown}
      data-testid="topology-graph"
      data-detail={detail}
      data-detail-auto={auto || undefined}
      data-compact={compact || undefined}
      data-node-count={visible.nodes.length}
    >
      <ReactFlow
        nodes={nodes}
        // Zoomed out, edges are drawn by CompactEdges in one SVG (see there); React Flow draws none.
        edges={compact ? NO_EDGES : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={dark ? 'dark' : 'light'}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        disableKeyboardA11y
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
      >
        {compact && <CompactEdges edges={edges} boxes={boxes} dark={dark} />}
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {nodes.length > 40 && <MiniMap pannable zoomable position="bottom-right" nodeStrokeWidth={2} />}
      </ReactFlow>
      {empty && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-slate-500 dark:text-slate-400" data-testid="graph-empty">
          No objects match the current filters.
        </div>
      )}
      {layout.error && (
        <div className="absolute left-3 top-3 rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200" role="alert">
          Layout failed: {layout.error}
        </div>
      )}
    </div>
  );
}

export function TopologyGraph(props: TopologyGraphProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

export default TopologyGraph;
