'use client';
/**
 * The topology canvas: filters → (collapse) → layout in a worker → React Flow nodes and edges.
 * Collapsing above AUTO_COLLAPSE_THRESHOLD visible nodes: when the shell passes `onAutoCollapse`, the
 * graph asks it to collapse (the shell owns filters.collapsed); otherwise the graph collapses internally
 * and the namespace node's "Expand" button undoes that internal collapse.
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
  type Edge,
  type Node,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { structuralHash } from '@/lib/layout/hash';
import { layoutInputFrom } from '@/lib/layout/input';
import { edgeTypes } from './edges/GraphEdge';
import { AUTO_COLLAPSE_THRESHOLD, namespacesOf, visibleGraph } from './filter';
import { toFlowEdges, toFlowNodes, type FlowContext } from './flow';
import { registerExportTarget } from './export';
import { nextFocus, type ArrowKey } from './keyboard';
import { prewarmLayout, useLayout } from './layout-client';
import { nodeTypes } from './nodes';
import type { TopologyGraphProps } from './types';

const FLASH_MS = 1200;
const VISIBLE_ONLY_ABOVE = 200;

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

function Canvas(props: TopologyGraphProps) {
  const { topology, filters, problemNodeIds, selectedId, onSelect, dark, onToggleCollapse, onAutoCollapse, onLayoutProgress } = props;
  const rf = useReactFlow();
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => prewarmLayout(), []);

  // --- collapse above the threshold --------------------------------------------------------------
  // null = not decided yet. The decision is made during render, so a huge graph is never laid out
  // (seconds of ELK) just to be collapsed a moment later.
  const [internalCollapsed, setInternalCollapsed] = useState<string[] | null>(null);
  const uncollapsed = useMemo(
    () => visibleGraph(topology.nodes, topology.edges, filters, problemNodeIds, []),
    [topology, filters, problemNodeIds],
  );
  const pendingDecision = useMemo(() => {
    if (internalCollapsed !== null || topology.nodes.length === 0) return [];
    if (uncollapsed.nodes.length <= AUTO_COLLAPSE_THRESHOLD || filters.collapsed.length > 0) return [];
    return namespacesOf(uncollapsed.nodes);
  }, [internalCollapsed, topology.nodes.length, uncollapsed, filters.collapsed.length]);
  useEffect(() => {
    if (internalCollapsed !== null || topology.nodes.length === 0) return;
    if (pendingDecision.length && onAutoCollapse) {
      onAutoCollapse(pendingDecision);
      setInternalCollapsed([]);
    } else {
      setInternalCollapsed(pendingDecision);
    }
  }, [internalCollapsed, pendingDecision, topology.nodes.length, onAutoCollapse]);
  const ownCollapsed = internalCollapsed ?? pendingDecision;
  const toggleCollapse = useCallback(
    (ns: string) => {
      if (ownCollapsed.includes(ns)) setInternalCollapsed(ownCollapsed.filter((x) => x !== ns));
      else onToggleCollapse(ns);
    },
    [ownCollapsed, onToggleCollapse],
  );
  const collapsed = useMemo(() => [...new Set([...filters.collapsed, ...ownCollapsed])].sort(), [filters.collapsed, ownCollapsed]);

  // --- visible graph and layout --------------------------------------------------------------------
  const visible = useMemo(
    () => (collapsed.length ? visibleGraph(topology.nodes, topology.edges, filters, problemNodeIds, collapsed) : uncollapsed),
    [topology, filters, problemNodeIds, collapsed, uncollapsed],
  );
  const input = useMemo(() => layoutInputFrom(visible.nodes, visible.edges), [visible]);
  const hash = useMemo(() => structuralHash(input), [input]);
  // A structural change under the same filters is a live update: existing nodes keep their place.
  const filterKey = JSON.stringify([filters.namespaces, filters.kinds, filters.layers, filters.problemsOnly, collapsed]);
  const layout = useLayout(input, hash, filterKey, props.relayoutSignal, onLayoutProgress);

  // --- React Flow elements ----------------------------------------------------------------------------
  const flash = useFlash(props.flashIds);
  const ctx: FlowContext = useMemo(
    () => ({
      selectedId,
      flash,
      pending: props.pending,
      telemetry: props.telemetry,
      edgeLabelMode: props.edgeLabelMode,
      hideIdleEdges: props.hideIdleEdges,
      onToggleCollapse: toggleCollapse,
      onSelectEdge: (id: string) => onSelect(id, 'edge'),
      dark,
    }),
    [selectedId, flash, props.pending, props.telemetry, props.edgeLabelMode, props.hideIdleEdges, toggleCollapse, onSelect, dark],
  );
  const nodes = useMemo(
    // Nodes wait for their position (a new node appears once the layout has placed it).
    () => toFlowNodes(visible, layout.positions, ctx).filter((n) => layout.positions[n.id]),
    [visible, layout.positions, ctx],
  );
  const edges = useMemo(() => {
    const placed = new Set(nodes.map((n) => n.id));
    return toFlowEdges(visible, ctx, layout.positions).filter((e) => placed.has(e.source) && placed.has(e.target));
  }, [visible, ctx, nodes, layout.positions]);

  // --- viewport: fit on first layout and on request; centre on the first search match ---------------
  const fitted = useRef(false);
  const firstMatch = visible.nodes.find((n) => visible.matches.has(n.id))?.id;
  const matchView = { maxZoom: 1.2, minZoom: 0.5, duration: 300, padding: 0.6 };
  useEffect(() => {
    if (layout.version === 0 || nodes.length === 0 || fitted.current) return;
    fitted.current = true;
    // A link that opens with a search shows the first match; otherwise the whole graph.
    requestAnimationFrame(
      () => void rf.fitView(firstMatch && layout.positions[firstMatch] ? { ...matchView, nodes: [{ id: firstMatch }] } : { padding: 0.08, maxZoom: 1.1 }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.version, nodes.length, rf]);
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
  const onNodeClick = useCallback((_: unknown, n: Node) => onSelect(n.id, 'node'), [onSelect]);
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
        onSelect(id, 'node');
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
    [layout.positions, visible.edges, onSelect, rf],
  );

  const empty = layout.version > 0 && visible.nodes.length === 0;
  return (
    <div ref={rootRef} className={`gw-graph relative h-full w-full ${dark ? 'dark' : ''}`} onKeyDown={onKeyDown} data-testid="topology-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={dark ? 'dark' : 'light'}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        disableKeyboardA11y
        onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
      >
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
