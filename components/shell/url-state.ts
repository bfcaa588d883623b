/**
 * The view as URL parameters, so a link opens the same view. Pure: parse and serialize only.
 * Defaults are left out of the URL to keep links short.
 */
import type { DetailLevel, EdgeLabelMode } from '@/components/graph/types';
import type { NodeKind, TelemetryWindow } from '@/lib/wire/types';

export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute'] as const satisfies readonly NodeKind[];
export const WINDOWS: readonly TelemetryWindow[] = ['1m', '5m', '15m', '1h'];
export const LABEL_MODES: readonly EdgeLabelMode[] = ['share', 'rps', 'errors', 'latency', 'none'];
export const DETAIL_LEVELS: readonly DetailLevel[] = ['overview', 'namespaces', 'full'];
/** Telemetry refresh in seconds; 0 = off. */
export const REFRESHES = [0, 10, 30, 60] as const;

export interface ViewState {
  namespaces: string[];
  kinds: NodeKind[];
  layers: { classes: boolean; workloads: boolean; ingress: boolean };
  problemsOnly: boolean;
  search: string;
  /** Node or edge id. */
  selected: string | null;
  selectedKind: 'node' | 'edge';
  window: TelemetryWindow;
  labelMode: EdgeLabelMode;
  hideIdle: boolean;
  refresh: number;
  collapsed: string[];
  /** Level of detail (`detail=overview|namespaces|full`); null = chosen by the graph's size. */
  detail: DetailLevel | null;
  /** Problems list open. */
  problems: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  namespaces: [],
  kinds: [],
  layers: { classes: false, workloads: true, ingress: true },
  problemsOnly: false,
  search: '',
  selected: null,
  selectedKind: 'node',
  window: '5m',
  labelMode: 'share',
  hideIdle: false,
  refresh: 30,
  collapsed: [],
  detail: null,
  problems: false,
};

interface Params {
  get(name: string): string | null;
}

const list = (v: string | null): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
const flag = (v: string | null, dflt: boolean): boolean => (v === null ? dflt : v === '1');

export function parseView(p: Params): ViewState {
  const kinds = list(p.get('kinds')).filter((k): k is NodeKind => (ROUTE_KINDS as readonly string[]).includes(k));
  const window = p.get('window');
  const mode = p.get('labels');
  const refresh = Number(p.get('refresh'));
  const edge = p.get('edge');
  const detail = p.get('detail');
  return {
    namespaces: list(p.get('ns')),
    kinds,
    layers: {
      classes: flag(p.get('classes'), DEFAULT_VIEW.layers.classes),
      workloads: flag(p.get('workloads'), DEFAULT_VIEW.layers.workloads),
      ingress: flag(p.get('ingress'), DEFAULT_VIEW.layers.ingress),
    },
    problemsOnly: flag(p.get('problemsOnly'), false),
    search: p.get('q') ?? '',
    selected: edge ?? p.get('select'),
    selectedKind: edge ? 'edge' : 'node',
    window: WINDOWS.includes(window as TelemetryWindow) ? (window as TelemetryWindow) : DEFAULT_VIEW.window,
    labelMode: LABEL_MODES.includes(mode as EdgeLabelMode) ? (mode as EdgeLabelMode) : DEFAULT_VIEW.labelMode,
    hideIdle: flag(p.get('hideIdle'), false),
    refresh: p.get('refresh') !== null && (REFRESHES as readonly number[]).includes(refresh) ? refresh : DEFAULT_VIEW.refresh,
    collapsed: list(p.get('collapsed')),
    detail: DETAIL_LEVELS.includes(detail as DetailLevel) ? (detail as DetailLevel) : null,
    problems: flag(p.get('problems'), false),
  };
}

/** The query string (without `?`) for a view; parameters at their default are left out. */
export function serializeView(v: ViewState): string {
  const q = new URLSearchParams();
  if (v.namespaces.length) q.set('ns', v.namespaces.join(','));
  if (v.kinds.length) q.set('kinds', v.kinds.join(','));
  if (v.layers.classes !== DEFAULT_VIEW.layers.classes) q.set('classes', v.layers.classes ? '1' : '0');
  if (v.layers.workloads !== DEFAULT_VIEW.layers.workloads) q.set('workloads', v.layers.workloads ? '1' : '0');
  if (v.layers.ingress !== DEFAULT_VIEW.layers.ingress) q.set('ingress', v.layers.ingress ? '1' : '0');
  if (v.problemsOnly) q.set('problemsOnly', '1');
  if (v.search) q.set('q', v.search);
  if (v.selected) q.set(v.selectedKind === 'edge' ? 'edge' : 'select', v.selected);
  if (v.window !== DEFAULT_VIEW.window) q.set('window', v.window);
  if (v.labelMode !== DEFAULT_VIEW.labelMode) q.set('labels', v.labelMode);
  if (v.hideIdle) q.set('hideIdle', '1');
  if (v.refresh !== DEFAULT_VIEW.refresh) q.set('refresh', String(v.refresh));
  if (v.collapsed.length) q.set('collapsed', v.collapsed.join(','));
  if (v.detail) q.set('detail', v.detail);
  if (v.problems) q.set('problems', '1');
  return q.toString();
}
