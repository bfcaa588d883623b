'use client';
import { useEffect, useRef } from 'react';
import type { PendingShares } from '@/components/split/types';
import { Section } from '@/components/ui/Section';
import type { Finding, TelemetryReport, TelemetryWindow, Topology } from '@/lib/wire/types';
import { EdgeDetails, EdgeTraffic } from './EdgeDetails';
import { NodeDetails } from './NodeDetails';
import { findingNodeId } from './object-ref';

export interface DetailsPanelProps {
  selected: string;
  kind: 'node' | 'edge';
  topology: Topology;
  findings: Finding[];
  telemetry: TelemetryReport | null;
  window: TelemetryWindow;
  refresh: number;
  readOnly: boolean;
  editRule: number | null;
  onEditRule: (r: number | null) => void;
  /** Backend edge the route was opened from (its traffic is shown). */
  focusEdge: string | null;
  onPreview: (p: PendingShares | null) => void;
  onSelect: (id: string) => void;
  onClose: () => void;
}

/** Right-hand panel for the selected node or edge; Esc or × closes it. */
export function DetailsPanel(p: DetailsPanelProps) {
  const node = p.kind === 'node' ? p.topology.nodes.find((n) => n.id === p.selected) : undefined;
  const edge = p.kind === 'edge' ? p.topology.edges.find((e) => e.id === p.selected) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus into the panel when the selection changes, so keyboard users land on it.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [p.selected]);
  const title = node ? `${node.kind} ${node.namespace ? `${node.namespace}/` : ''}${node.name}` : edge ? `${edge.kind} edge` : p.selected;
  return (
    <aside className="flex w-[440px] shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" aria-label="Details" data-testid="details-panel">
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 ref={heading} tabIndex={-1} className="min-w-0 flex-1 truncate text-sm font-semibold outline-none" title={title} data-testid="panel-title">
          {title}
        </h2>
        <button type="button" className="gw-btn" onClick={p.onClose} aria-label="Close details (Esc)" title="Close (Esc)">
          ×
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {node ? (
          <>
            {p.focusEdge && (
              <Section title={`Backend edge traffic · ${p.window}`}>
                <EdgeTraffic edgeId={p.focusEdge} telemetry={p.telemetry} window={p.window} refresh={p.refresh} />
              </Section>
            )}
            <NodeDetails
              node={node}
              topology={p.topology}
              findings={p.findings.filter((f) => findingNodeId(f) === node.id)}
              readOnly={p.readOnly}
              editRule={p.editRule}
              onEditRule={p.onEditRule}
              onPreview={p.onPreview}
              onSelect={p.onSelect}
            />
          </>
        ) : edge ? (
          <EdgeDetails edge={edge} topology={p.topology} telemetry={p.telemetry} window={p.window} refresh={p.refresh} onSelect={p.onSelect} />
        ) : (
          <p className="px-4 py-3 text-xs text-slate-500 dark:text-slate-400">{p.selected} is not in the current topology (deleted, or filtered out on the server).</p>
        )}
      </div>
    </aside>
  );
}
