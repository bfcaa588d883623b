'use client';
/**
 * Development page for the graph: the reference environment or a synthetic cluster, with the toolbar's
 * knobs as URL parameters (?set=ref|model|live|synthetic&n=1000&dark=1&search=app1&classes=1&problems=1&telemetry=1).
 */
import { useEffect, useMemo, useState } from 'react';
import { TopologyGraph } from '@/components/graph/TopologyGraph';
import { Legend } from '@/components/graph/Legend';
import { exportGraph } from '@/components/graph/export';
import { referenceTopology, syntheticTopology } from '@/components/graph/dev-fixture';
import type { EdgeLabelMode, GraphFilters } from '@/components/graph/types';
import type { PendingShares } from '@/components/split/types';
import type { TelemetryReport, Topology } from '@/lib/wire/types';

function params(): URLSearchParams {
  return typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
}

function demoTelemetry(t: Topology): TelemetryReport {
  const edges: TelemetryReport['edges'] = {};
  for (const e of t.edges) {
    if (e.kind === 'backend' && e.id.includes('b-split')) edges[e.id] = { rps: 12 * (e.share ?? 0), errorRatio: 0, p95Ms: 21, observedShare: e.backendIndex === 0 ? 0.537 : 0.463 };
    else if (e.kind === 'attachment' && e.accepted === true) edges[e.id] = { rps: e.id.includes('mongodb') ? 0 : 8.4, errorRatio: e.id.includes('app2') ? 0.04 : 0, p95Ms: 23, tcpBytesPerSec: 2300 };
    else if (e.kind === 'backend' && e.resolved) edges[e.id] = { rps: 8.4, errorRatio: e.id.includes('mongodb') ? 0 : 0.15, p95Ms: 41, tcpBytesPerSec: 5200 };
  }
  return { source: 'demo', window: '1m', generatedAt: new Date().toISOString(), edges };
}

export default function DevGraph({ model }: { model: Topology }) {
  const [ready, setReady] = useState(false);
  const [q, setQ] = useState(new URLSearchParams());
  useEffect(() => {
    setQ(params());
    setReady(true);
  }, []);
  const [topology, setTopology] = useState<Topology | null>(null);
  useEffect(() => {
    if (!ready) return;
    const set = q.get('set');
    if (set === 'live') {
      // The running server's topology, when it has a cluster.
      void fetch('/api/topology')
        .then((r) => r.json() as Promise<Topology>)
        .then(setTopology);
      return;
    }
    setTopology(set === 'synthetic' ? syntheticTopology(Number(q.get('n') ?? 1000)) : set === 'model' ? model : referenceTopology());
  }, [ready, q, model]);
  const [selected, setSelected] = useState<string | null>(q.get('select'));
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const [flashIds, setFlashIds] = useState<ReadonlySet<string>>(new Set());
  const [fit, setFit] = useState(0);
  const [relayout, setRelayout] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [legend, setLegend] = useState(false);
  const dark = q.get('dark') === '1';
  const filters: GraphFilters = useMemo(
    () => ({
      namespaces: q.get('ns') ? q.get('ns')!.split(',') : [],
      kinds: [],
      layers: { classes: q.get('classes') === '1', workloads: q.get('workloads') !== '0', ingress: q.get('ingress') !== '0' },
      problemsOnly: q.get('problems') === '1',
      search: q.get('search') ?? '',
      collapsed,
    }),
    [q, collapsed],
  );
  const problemNodeIds = useMemo(() => new Set((topology?.nodes ?? []).filter((n) => n.problems && (n.problems.errors || n.problems.warnings)).map((n) => n.id)), [topology]);
  const telemetry = useMemo(() => (topology && q.get('telemetry') === '1' ? demoTelemetry(topology) : null), [topology, q]);
  const pending: PendingShares | null = q.get('pending') === '1' ? { 'backend|HTTPRoute:app2/b-split|r0|b0': { share: 0, weight: 0 }, 'backend|HTTPRoute:app2/b-split|r0|b1': { share: 1, weight: 1 } } : null;
  useEffect(() => {
    if (selected) return;
    setSelected(q.get('select'));
  }, [q, selected]);

  /** Simulates a live update: flip b-split's weights (no structural change) and flash the edges. */
  function flipWeights() {
    if (!topology) return;
    const next: Topology = structuredClone(topology);
    next.revision++;
    const changed: string[] = [];
    for (const e of next.edges) {
      if (e.kind === 'backend' && e.id.includes('b-split')) {
        e.weight = e.backendIndex === 0 ? (e.weight === 2 ? 1 : 2) : e.weight === 3 ? 0 : 3;
        changed.push(e.id);
      }
    }
    for (const e of next.edges) {
      if (!changed.includes(e.id)) continue;
      const total = next.edges.filter((x) => changed.includes(x.id)).reduce((s, x) => s + (x.weight ?? 0), 0);
      e.totalWeight = total;
      e.share = total ? (e.weight ?? 0) / total : 0;
    }
    setTopology(next);
    setFlashIds(new Set([...changed, 'HTTPRoute:app2/b-split']));
  }

  if (!topology) return <main className="p-6 text-sm">Loading…</main>;
  return (
    <main className={`flex h-screen flex-col ${dark ? 'dark bg-slate-950 text-slate-100' : 'bg-slate-50'}`}>
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-800">
        <strong>Graph (development)</strong>
        <span data-testid="dev-selected">selected: {selected ?? '–'}</span>
        <span>layout: {progress === null ? 'idle' : `${Math.round(progress * 100)}%`}</span>
        <button className="rounded border px-1.5" onClick={() => setFit((f) => f + 1)}>fit</button>
        <button className="rounded border px-1.5" onClick={() => setRelayout((r) => r + 1)}>re-layout</button>
        <button className="rounded border px-1.5" onClick={flipWeights} data-testid="dev-flip">flip b weights</button>
        <button className="rounded border px-1.5" onClick={() => setLegend((l) => !l)}>legend</button>
        <button className="rounded border px-1.5" onClick={() => void exportGraph('png', dark)}>PNG</button>
        <button className="rounded border px-1.5" onClick={() => void exportGraph('svg', dark)}>SVG</button>
        <span className="ml-auto">collapsed: {collapsed.join(', ') || '–'}</span>
      </div>
      <div className="relative min-h-0 flex-1">
        <TopologyGraph
          topology={topology}
          filters={filters}
          problemNodeIds={problemNodeIds}
          selectedId={selected}
          onSelect={(id) => setSelected(id)}
          flashIds={flashIds}
          pending={pending}
          telemetry={telemetry}
          edgeLabelMode={(q.get('mode') as EdgeLabelMode) ?? 'share'}
          hideIdleEdges={q.get('hideIdle') === '1'}
          dark={dark}
          fitSignal={fit}
          relayoutSignal={relayout}
          onToggleCollapse={(ns) => setCollapsed((c) => (c.includes(ns) ? c.filter((x) => x !== ns) : [...c, ns]))}
          onLayoutProgress={setProgress}
          onAutoCollapse={q.get('nocollapse') === '1' ? () => undefined : undefined}
        />
        {(legend || q.get('legend') === '1') && <Legend className="absolute right-3 top-3 z-10" />}
      </div>
    </main>
  );
}
