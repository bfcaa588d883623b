'use client';
import { pct } from '@/components/graph/edge-label';
import { useSeries } from '@/components/data/hooks';
import { Section } from '@/components/ui/Section';
import { Sparkline } from '@/components/telemetry/Sparkline';
import type { TelemetryReport, TelemetryWindow, Topology, WireEdge } from '@/lib/wire/types';

const KIND_TEXT: Record<WireEdge['kind'], string> = {
  class: 'GatewayClass → Gateway',
  attachment: 'Gateway listener → route (parentRef)',
  'mesh-parent': 'Service (mesh parent) → route',
  backend: 'route rule → backendRef',
  workload: 'Service → workload',
  ingress: 'Ingress → Service',
};

/** Traffic of one edge over the window: rate, errors, latency. */
export function EdgeTraffic({ edgeId, telemetry, window, refresh }: { edgeId: string; telemetry: TelemetryReport | null; window: TelemetryWindow; refresh: number }) {
  const { data, error } = useSeries(edgeId, window, refresh);
  const now = telemetry?.edges[edgeId];
  return (
    <div className="space-y-2 text-xs" data-testid="edge-traffic">
      {now ? (
        <p>
          {now.rps.toFixed(2)} req/s · errors {pct(now.errorRatio)}
          {now.p95Ms !== undefined && ` · p95 ${now.p95Ms.toFixed(0)} ms`}
          {now.observedShare !== undefined && ` · observed share ${pct(now.observedShare)}`}
          {now.tcpBytesPerSec !== undefined && ` · ${(now.tcpBytesPerSec / 1024).toFixed(1)} KiB/s`}
        </p>
      ) : (
        <p className="text-slate-500 dark:text-slate-400">{telemetry?.error ? `telemetry unavailable: ${telemetry.error}` : `idle over the last ${window}`}</p>
      )}
      {error ? (
        <p className="text-slate-500 dark:text-slate-400">No series: {error.message}</p>
      ) : data?.error ? (
        <p className="text-slate-500 dark:text-slate-400">No series: {data.error}</p>
      ) : (
        data && (
          <div className="space-y-1">
            <Sparkline label="rate" values={data.points.map((p) => p.rps)} format={(v) => `${v.toFixed(2)}/s`} />
            <Sparkline label="errors" values={data.points.map((p) => p.errorRatio)} format={pct} tone="red" />
            <Sparkline label="p95 latency" values={data.points.map((p) => p.p95Ms)} format={(v) => `${v.toFixed(0)} ms`} tone="violet" />
          </div>
        )
      )}
    </div>
  );
}

export function EdgeDetails({ edge, topology, telemetry, window, refresh, onSelect }: { edge: WireEdge; topology: Topology; telemetry: TelemetryReport | null; window: TelemetryWindow; refresh: number; onSelect: (id: string) => void }) {
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const end = (id: string) => {
    const n = byId.get(id);
    return (
      <button type="button" className="gw-link break-all text-left" onClick={() => onSelect(id)}>
        {n ? `${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name}` : id}
      </button>
    );
  };
  return (
    <>
      <Section title="Edge" testId="panel-edge">
        <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-0.5 text-xs">
          <dt className="text-slate-500 dark:text-slate-400">kind</dt>
          <dd>{KIND_TEXT[edge.kind]}</dd>
          <dt className="text-slate-500 dark:text-slate-400">from</dt>
          <dd>{end(edge.source)}{edge.sourceHandle ? ` (${edge.sourceHandle})` : ''}</dd>
          <dt className="text-slate-500 dark:text-slate-400">to</dt>
          <dd>{end(edge.target)}</dd>
          {edge.accepted !== undefined && (<><dt className="text-slate-500 dark:text-slate-400">accepted</dt><dd>{String(edge.accepted)}{edge.reason ? ` (${edge.reason})` : ''}</dd></>)}
          {edge.weight !== undefined && (<><dt className="text-slate-500 dark:text-slate-400">weight</dt><dd>{edge.weight} of {edge.totalWeight} · share {pct(edge.share ?? 0)}</dd></>)}
          {edge.resolved !== undefined && (<><dt className="text-slate-500 dark:text-slate-400">resolved</dt><dd>{String(edge.resolved)}{edge.reason ? ` (${edge.reason})` : ''}</dd></>)}
        </dl>
      </Section>
      <Section title={`Traffic · ${window}`}>
        <EdgeTraffic edgeId={edge.id} telemetry={telemetry} window={window} refresh={refresh} />
      </Section>
    </>
  );
}
