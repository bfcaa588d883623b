'use client';
import { useEffect, useState } from 'react';
import type { DetailLevel, EdgeLabelMode } from '@/components/graph/types';
import type { NodeKind, TelemetryWindow } from '@/lib/wire/types';
import { NamespaceSelect } from './NamespaceSelect';
import { DETAIL_LEVELS, LABEL_MODES, REFRESHES, ROUTE_KINDS, WINDOWS, type ViewState } from './url-state';

export interface ToolbarProps {
  view: ViewState;
  namespaces: string[];
  onView: (patch: Partial<ViewState>) => void;
  /** The level of detail the graph draws (chosen by size when the URL names none). */
  shownDetail?: DetailLevel | null;
}

export interface ViewActionsProps {
  dark: boolean;
  onDark: () => void;
  onFit: () => void;
  onRelayout: () => void;
  legend: boolean;
  onLegend: () => void;
  onExport: (format: 'png' | 'svg') => void;
}

const KIND_LABEL: Record<string, string> = { HTTPRoute: 'HTTP', GRPCRoute: 'GRPC', TCPRoute: 'TCP', TLSRoute: 'TLS', UDPRoute: 'UDP' };

function Toggle({ on, onClick, children, title, testId }: { on: boolean; onClick: () => void; children: React.ReactNode; title?: string; testId?: string }) {
  return (
    <button type="button" className={`gw-btn ${on ? 'gw-btn-on' : ''}`} aria-pressed={on} onClick={onClick} title={title} data-testid={testId}>
      {children}
    </button>
  );
}

const Group = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex items-center gap-1" role="group" aria-label={label}>
    {children}
  </div>
);

/** Filters, layers, view actions and telemetry controls; everything writes to the URL state. */
const DETAIL_TITLE: Record<DetailLevel, string> = {
  overview: 'One node per Gateway for what is attached to it; click one to show its namespaces',
  namespaces: 'One node per namespace',
  full: 'Every object',
};

export function Toolbar({ view, namespaces, onView, shownDetail }: ToolbarProps) {
  // Typing updates the URL after a short pause, not on every key.
  const [search, setSearch] = useState(view.search);
  useEffect(() => setSearch(view.search), [view.search]);
  useEffect(() => {
    if (search === view.search) return;
    const t = setTimeout(() => onView({ search }), 250);
    return () => clearTimeout(t);
  }, [search, view.search, onView]);
  const toggleKind = (k: NodeKind) => onView({ kinds: view.kinds.includes(k) ? view.kinds.filter((x) => x !== k) : [...view.kinds, k] });
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-1.5 text-xs dark:border-slate-800 dark:bg-slate-900" data-testid="toolbar">
      <NamespaceSelect all={namespaces} value={view.namespaces} onChange={(namespaces) => onView({ namespaces })} />
      <Group label="Level of detail">
        {DETAIL_LEVELS.map((d) => {
          const on = (view.detail ?? shownDetail) === d;
          return (
            <Toggle
              key={d}
              on={on}
              // Clicking the level shown automatically pins it; clicking the pinned one goes back to automatic.
              onClick={() => onView({ detail: view.detail === d ? null : d, ...(d === 'full' ? {} : { collapsed: [] }) })}
              title={`${DETAIL_TITLE[d]}${on && !view.detail ? ' (chosen by size)' : ''}`}
              testId={`detail-${d}`}
            >
              {d}
              {on && !view.detail ? ' ·auto' : ''}
            </Toggle>
          );
        })}
      </Group>
      <input
        type="search"
        className="gw-input w-52"
        placeholder="Search name, hostname, path"
        aria-label="Search name, hostname, path"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="search"
      />
      <Group label="Route kinds">
        {ROUTE_KINDS.map((k) => (
          <Toggle key={k} on={view.kinds.includes(k)} onClick={() => toggleKind(k)} title={`Only ${k}s (none ticked = all)`}>
            {KIND_LABEL[k]}
          </Toggle>
        ))}
      </Group>
      <Group label="Layers">
        <Toggle on={view.layers.classes} onClick={() => onView({ layers: { ...view.layers, classes: !view.layers.classes } })}>GatewayClass</Toggle>
        <Toggle on={view.layers.workloads} onClick={() => onView({ layers: { ...view.layers, workloads: !view.layers.workloads } })}>Workloads</Toggle>
        <Toggle on={view.layers.ingress} onClick={() => onView({ layers: { ...view.layers, ingress: !view.layers.ingress } })}>Ingress</Toggle>
      </Group>
      <Toggle on={view.problemsOnly} onClick={() => onView({ problemsOnly: !view.problemsOnly })} testId="problems-only">Problems only</Toggle>
      <Group label="Telemetry">
        <label className="flex items-center gap-1">
          window
          <select className="gw-input" value={view.window} onChange={(e) => onView({ window: e.target.value as TelemetryWindow })} data-testid="window">
            {WINDOWS.map((w) => <option key={w}>{w}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1">
          refresh
          <select className="gw-input" value={view.refresh} onChange={(e) => onView({ refresh: Number(e.target.value) })}>
            {REFRESHES.map((r) => <option key={r} value={r}>{r === 0 ? 'off' : r === 60 ? '1m' : `${r}s`}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1">
          labels
          <select className="gw-input" value={view.labelMode} onChange={(e) => onView({ labelMode: e.target.value as EdgeLabelMode })} data-testid="label-mode">
            {LABEL_MODES.map((m) => <option key={m}>{m}</option>)}
          </select>
        </label>
        <Toggle on={view.hideIdle} onClick={() => onView({ hideIdle: !view.hideIdle })}>Hide idle</Toggle>
      </Group>
    </div>
  );
}

/** Canvas actions and the theme, shown in the header. */
export function ViewActions({ dark, onDark, onFit, onRelayout, legend, onLegend, onExport }: ViewActionsProps) {
  return (
    <Group label="View">
      <button type="button" className="gw-btn" onClick={onFit} title="Fit the graph to the window">Fit</button>
      <button type="button" className="gw-btn" onClick={onRelayout}>Re-layout</button>
      <Toggle on={legend} onClick={onLegend}>Legend</Toggle>
      <button type="button" className="gw-btn" onClick={() => onExport('png')}>PNG</button>
      <button type="button" className="gw-btn" onClick={() => onExport('svg')}>SVG</button>
      <Toggle on={dark} onClick={onDark} title="Dark mode" testId="dark-toggle">{dark ? '☾ Dark' : '☀ Light'}</Toggle>
    </Group>
  );
}
