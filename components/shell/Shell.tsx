'use client';
/** The dashboard: header, toolbar, graph, details panel and Problems view, with the view in the URL. */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Legend } from '@/components/graph/Legend';
import { TopologyGraph } from '@/components/graph/TopologyGraph';
import { exportGraph } from '@/components/graph/export';
import { namespacesOf } from '@/components/graph/filter';
import type { DetailLevel, GraphFilters, ViewPatch } from '@/components/graph/types';
import type { PendingShares } from '@/components/split/types';
import { useCluster, useFindings, useTelemetry, useTopology } from '@/components/data/hooks';
import { useLiveEvents } from '@/components/data/live';
import type { TopologyEvent } from '@/lib/wire/types';
import { DetailsPanel } from './DetailsPanel';
import { LiveIndicator } from './LiveIndicator';
import { ProblemsView } from './ProblemsView';
import { StatusBanner, statusMessage } from './StatusBanner';
import { Toolbar, ViewActions } from './Toolbar';
import { findingNodeId } from './object-ref';
import { useDarkMode } from './theme';
import { parseView, serializeView, type ViewState } from './url-state';

const FLASH_MS = 1200;
const NO_IDS: ReadonlySet<string> = new Set();

export function Shell() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.toString();
  const view = useMemo(() => parseView(new URLSearchParams(query)), [query]);
  const viewRef = useRef(view);
  viewRef.current = view;
  const setView = useCallback(
    (patch: Partial<ViewState>) => {
      const next = serializeView({ ...viewRef.current, ...patch });
      router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  const topo = useTopology();
  const finds = useFindings();
  const cluster = useCluster();
  const telemetry = useTelemetry(view.window, view.refresh);
  const [dark, toggleDark] = useDarkMode();

  // Live updates: refetch the model and findings, flash what changed.
  const [flashIds, setFlashIds] = useState<ReadonlySet<string>>(NO_IDS);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onTopology = useCallback(
    (ev: TopologyEvent) => {
      void topo.mutate();
      void finds.mutate();
      if (ev.changed.length === 0) return;
      setFlashIds(new Set(ev.changed));
      clearTimeout(flashTimer.current);
      flashTimer.current = setTimeout(() => setFlashIds(NO_IDS), FLASH_MS);
    },
    [topo, finds],
  );
  const onReset = useCallback(() => {
    void topo.mutate();
    void finds.mutate();
    void cluster.mutate();
  }, [topo, finds, cluster]);
  const live = useLiveEvents({ onTopology, onReset });

  // Selection, split editor and its preview.
  const [editRule, setEditRule] = useState<number | null>(null);
  const [pending, setPending] = useState<PendingShares | null>(null);
  const [focusEdge, setFocusEdge] = useState<string | null>(null);
  const [centerSignal, setCenterSignal] = useState(0);
  // The URL (and so the selection) updates a moment after the click; centre once it has.
  const [centerOn, setCenterOn] = useState<string | null>(null);
  useEffect(() => {
    if (!centerOn || view.selected !== centerOn) return;
    setCenterOn(null);
    setCenterSignal((n) => n + 1);
  }, [centerOn, view.selected]);
  const select = useCallback(
    (id: string | null, kind: 'node' | 'edge' = 'node', centre = false) => {
      setPending(null);
      setFocusEdge(null);
      setEditRule(null);
      const edge = kind === 'edge' && id ? topo.data?.edges.find((e) => e.id === id) : undefined;
      if (edge?.kind === 'backend' && edge.ruleIndex !== undefined) {
        // A backend edge opens its route's split editor on that rule.
        setView({ selected: edge.source, selectedKind: 'node' });
        setEditRule(edge.ruleIndex);
        setFocusEdge(edge.id);
        return;
      }
      setView({ selected: id, selectedKind: kind });
      if (centre && id) setCenterOn(id);
    },
    [setView, topo.data],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && viewRef.current.selected && !(e.target instanceof HTMLInputElement)) select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);

  const [fitSignal, setFit] = useState(0);
  const [relayoutSignal, setRelayout] = useState(0);
  const [legend, setLegend] = useState(false);
  const [layoutProgress, setLayoutProgress] = useState<number | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const findings = useMemo(() => finds.data ?? [], [finds.data]);
  const problemNodeIds = useMemo(() => new Set(findings.filter((f) => f.severity !== 'info').map(findingNodeId)), [findings]);
  const filters: GraphFilters = useMemo(
    () => ({
      namespaces: view.namespaces,
      kinds: view.kinds,
      layers: view.layers,
      problemsOnly: view.problemsOnly,
      search: view.search,
      collapsed: view.collapsed,
      detail: view.detail ?? undefined,
    }),
    [view],
  );
  // The level the graph draws (the toolbar shows it even when the graph chose it by size).
  const [shownDetail, setShownDetail] = useState<DetailLevel | null>(null);
  const onViewChange = useCallback(
    (patch: ViewPatch) =>
      setView({
        ...(patch.namespaces ? { namespaces: patch.namespaces } : {}),
        ...(patch.collapsed ? { collapsed: patch.collapsed } : {}),
        ...(patch.detail !== undefined ? { detail: patch.detail } : {}),
        selected: null,
      }),
    [setView],
  );
  const onDetailShown = useCallback((d: DetailLevel) => setShownDetail(d), []);
  const t = topo.data;
  const namespaces = useMemo(() => (t ? namespacesOf(t.nodes) : []), [t]);
  const visibleRoutes = useMemo(
    () => (t ? t.nodes.filter((n) => 'rules' in n && (view.namespaces.length === 0 || view.namespaces.includes(n.namespace ?? ''))).length : 0),
    [t, view.namespaces],
  );
  const banner = t ? statusMessage(t, visibleRoutes, view.namespaces) : null;
  const installed = t?.kinds.filter((k) => k.installed) ?? [];
  const synced = installed.filter((k) => k.synced).length;
  const syncing = t && installed.length > 0 && synced < installed.length;
  const tel = telemetry.data ?? null;
  const telError = telemetry.error ? String((telemetry.error as Error).message) : tel?.error;
  const info = t?.cluster ?? cluster.data?.cluster;

  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-sm font-bold tracking-tight">Gatewatch</h1>
        <span className="truncate text-xs text-slate-600 dark:text-slate-300" data-testid="cluster-label" title={info?.server}>
          {info ? (info.mode === 'demo' ? info.label : `${info.context ?? info.label}${info.server ? ` · ${info.server}` : ''}`) : 'connecting…'}
        </span>
        {cluster.data?.readOnly && <span className="rounded bg-slate-200 px-1.5 text-[11px] dark:bg-slate-800">read-only</span>}
        {t && <span className="text-[11px] text-slate-500 dark:text-slate-400">{t.nodes.length} objects · rev {t.revision}</span>}
        <span className="ml-auto flex items-center gap-3">
          {telError && (
            <span className="rounded border border-amber-300 bg-amber-50 px-1.5 text-[11px] text-amber-800 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="telemetry-badge">
              telemetry unavailable: {telError}
            </span>
          )}
          {!telError && tel && <span className="text-[11px] text-slate-500 dark:text-slate-400">telemetry: {tel.source}</span>}
          <ViewActions
            dark={dark}
            onDark={toggleDark}
            onFit={() => setFit((n) => n + 1)}
            onRelayout={() => setRelayout((n) => n + 1)}
            legend={legend}
            onLegend={() => setLegend((l) => !l)}
            onExport={(f) => {
              setExportError(null);
              exportGraph(f, dark).catch((e: unknown) => setExportError(`export failed: ${e instanceof Error ? e.message : String(e)}`));
            }}
          />
          <LiveIndicator live={live} />
        </span>
      </header>
      <Toolbar view={view} namespaces={namespaces} onView={setView} shownDetail={shownDetail} />
      <div className="relative h-0.5 shrink-0 bg-transparent" aria-hidden={!(syncing || layoutProgress !== null)}>
        {(syncing || layoutProgress !== null) && (
          <div
            className="absolute inset-y-0 left-0 bg-sky-500 transition-[width]"
            style={{ width: `${Math.round(100 * (syncing ? synced / installed.length : (layoutProgress ?? 0)))}%` }}
            role="progressbar"
            aria-label={syncing ? `initial sync: ${synced} of ${installed.length} kinds` : 'layout'}
            aria-valuenow={syncing ? synced : Math.round(100 * (layoutProgress ?? 0))}
            aria-valuemax={syncing ? installed.length : 100}
            data-testid="progress"
          />
        )}
      </div>
      <div className="flex min-h-0 flex-1">
        <main className="relative min-w-0 flex-1">
          {t ? (
            <TopologyGraph
              topology={t}
              filters={filters}
              problemNodeIds={problemNodeIds}
              selectedId={focusEdge ?? view.selected}
              onSelect={(id, kind) => select(id, kind)}
              flashIds={flashIds}
              pending={pending}
              telemetry={tel}
              edgeLabelMode={view.labelMode}
              hideIdleEdges={view.hideIdle}
              dark={dark}
              fitSignal={fitSignal}
              relayoutSignal={relayoutSignal}
              centerSignal={centerSignal}
              onToggleCollapse={(ns) => setView({ collapsed: view.collapsed.includes(ns) ? view.collapsed.filter((x) => x !== ns) : [...view.collapsed, ns] })}
              onViewChange={onViewChange}
              onDetailShown={onDetailShown}
              onLayoutProgress={setLayoutProgress}
            />
          ) : (
            <div className="flex h-full items-center justify-center text-sm text-slate-500 dark:text-slate-400">
              {topo.error ? `cannot reach the Gatewatch server: ${String((topo.error as Error).message)}` : 'Loading the topology…'}
            </div>
          )}
          <div className="pointer-events-none absolute left-3 top-3 z-10 flex max-w-[70%] flex-col gap-2">
            {banner && <StatusBanner {...banner} />}
            {syncing && <StatusBanner tone="info" text={`initial sync: ${synced} of ${installed.length} kinds listed`} />}
            {exportError && <StatusBanner tone="error" text={exportError} />}
          </div>
          {legend && <Legend className="absolute bottom-3 left-3 z-10" />}
        </main>
        {t && view.selected && (
          <DetailsPanel
            selected={view.selected}
            kind={view.selectedKind}
            topology={t}
            findings={findings}
            telemetry={tel}
            window={view.window}
            refresh={view.refresh}
            readOnly={cluster.data?.readOnly ?? false}
            editRule={editRule}
            onEditRule={(r) => {
              setEditRule(r);
              setPending(null);
            }}
            focusEdge={focusEdge}
            onPreview={setPending}
            onSelect={(id) => select(id, 'node', true)}
            onClose={() => select(null)}
          />
        )}
      </div>
      <ProblemsView
        findings={findings}
        error={finds.error ? String((finds.error as Error).message) : undefined}
        open={view.problems}
        onToggle={() => setView({ problems: !view.problems })}
        onPick={(id) => select(id, 'node', true)}
      />
    </div>
  );
}
