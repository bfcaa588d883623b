/** Building blocks shared by every node: the card, its header, rows with handles, dots and badges. */
import { Handle, Position } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { HEADER_H, ROW_H, DEFAULT_HANDLE_Y, rowCenterY, rowHandles } from '@/lib/layout/sizes';
import { IN_HANDLE, OUT_HANDLE } from '@/lib/layout/input';
import { nodeHealth } from '@/lib/model/collapse';
import type { ProblemSummary, WireCondition } from '@/lib/wire/types';
import { conditionTitle, conditionToneTrueIsBad, problemTone, toneDot, worstTone, type Tone } from '../status';
import type { GwNodeData } from '../flow';

export function StatusDot({ tone, title, testId }: { tone: Tone; title: string; testId?: string }) {
  return (
    <span
      className={`inline-block h-2 w-2 shrink-0 rounded-full ${toneDot[tone]}`}
      title={title}
      role="img"
      aria-label={title}
      data-testid={testId}
      data-tone={tone}
    />
  );
}

export function ConditionDots({ conditions, types }: { conditions: WireCondition[]; types?: string[] }) {
  const shown = types
    ? types.map((t) => conditions.find((c) => c.type === t) ?? ({ type: t, status: 'Unknown', reason: 'NoStatus', message: 'No controller has written this condition', stale: false } as WireCondition))
    : conditions;
  return (
    <span className="flex items-center gap-1">
      {shown.map((c) => (
        <StatusDot key={c.type} tone={conditionToneTrueIsBad(c)} title={conditionTitle(c)} testId={`cond-${c.type}`} />
      ))}
    </span>
  );
}

const BADGE = 'absolute -top-2 z-10 rounded-full px-1.5 text-[10px] font-semibold leading-4 shadow';

/** Error and warning counts at the card's top-right corner: one element per count, no wrapper. */
export function ProblemBadge({ problems }: { problems?: ProblemSummary }) {
  if (!problems || (problems.errors === 0 && problems.warnings === 0)) return null;
  const both = problems.errors > 0 && problems.warnings > 0;
  return (
    <>
      {problems.errors > 0 && (
        <span className={`${BADGE} ${both ? 'right-5' : '-right-2'} bg-red-600 text-white`} title={`${problems.errors} error(s)`} data-testid="problem-badge">
          {problems.errors}
        </span>
      )}
      {problems.warnings > 0 && (
        <span className={`${BADGE} -right-2 bg-amber-500 text-slate-950`} title={`${problems.warnings} warning(s)`} data-testid={both ? undefined : 'problem-badge'}>
          {problems.warnings}
        </span>
      )}
    </>
  );
}

export const KIND_CHIP: Record<string, string> = {
  GatewayClass: 'bg-purple-100 text-purple-800 dark:bg-purple-950 dark:text-purple-300',
  Gateway: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300',
  HTTPRoute: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  GRPCRoute: 'bg-teal-100 text-teal-800 dark:bg-teal-950 dark:text-teal-300',
  TCPRoute: 'bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300',
  TLSRoute: 'bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-300',
  UDPRoute: 'bg-lime-100 text-lime-800 dark:bg-lime-950 dark:text-lime-300',
  Service: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  Workload: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  Ingress: 'bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300',
  Namespace: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  Summary: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300',
};

export function KindChip({ label, kind }: { label: string; kind: string }) {
  return (
    <span className={`shrink-0 rounded px-1 text-[9.5px] font-bold uppercase leading-[15px] tracking-wide ${KIND_CHIP[kind] ?? KIND_CHIP.Workload}`}>
      {label}
    </span>
  );
}

/** Compact boxes take the kind's colour so that a zoomed-out graph still reads by kind. */
const COMPACT_FILL: Record<string, string> = {
  GatewayClass: 'bg-purple-50 dark:bg-purple-950/60',
  Gateway: 'bg-indigo-50 dark:bg-indigo-950/60',
  HTTPRoute: 'bg-sky-50 dark:bg-sky-950/60',
  GRPCRoute: 'bg-teal-50 dark:bg-teal-950/60',
  TCPRoute: 'bg-orange-50 dark:bg-orange-950/60',
  TLSRoute: 'bg-fuchsia-50 dark:bg-fuchsia-950/60',
  UDPRoute: 'bg-lime-50 dark:bg-lime-950/60',
  Service: 'bg-emerald-50 dark:bg-emerald-950/60',
};

interface CardProps {
  data: GwNodeData;
  selected: boolean;
  /** Extra border classes (ghost, dashed). */
  frame?: string;
  children: ReactNode;
  /** Default in/out handles at the header's middle (out: by default only when the node has no rows). */
  inHandle?: boolean;
  outHandle?: boolean;
  /** Name shown in the compact form (default: the node's name). */
  label?: string;
}

/**
 * The node's card: testid, selection ring, search dimming, flash on change, problem badge, and every
 * handle (in on the left, out and one per listener/rule row on the right), drawn here once at the rows'
 * heights so that the compact form keeps exactly the handles the full form has and edges never re-attach.
 * Zoomed out (data.compact) the card is a coloured box with the name and one status dot.
 */
export function Card({ data, selected, frame, children, inHandle = true, outHandle, label }: CardProps) {
  const n = data.node;
  const compact = data.compact;
  const classes = [
    'gw-card relative h-full w-full rounded-md border text-slate-800 shadow-sm dark:text-slate-100',
    compact ? `gw-compact ${COMPACT_FILL[n.kind] ?? 'bg-white dark:bg-slate-900'}` : 'bg-white dark:bg-slate-900',
    frame ?? 'border-slate-300 dark:border-slate-600',
    selected ? 'ring-2 ring-blue-500 ring-offset-1 ring-offset-white dark:ring-offset-slate-950' : '',
    data.match ? 'gw-match' : '',
    data.dimmed ? 'opacity-30' : data.outsider ? 'opacity-75' : '',
    data.flash ? (data.flash % 2 ? 'gw-flash-a' : 'gw-flash-b') : '',
  ].join(' ');
  const rows = rowHandles(n);
  const handles = (
    <>
      {inHandle && <Handle type="target" position={Position.Left} id={IN_HANDLE} className="gw-handle" style={{ top: DEFAULT_HANDLE_Y }} isConnectable={false} />}
      {(outHandle ?? rows.length === 0) && (
        <Handle type="source" position={Position.Right} id={OUT_HANDLE} className="gw-handle" style={{ top: DEFAULT_HANDLE_Y }} isConnectable={false} />
      )}
      {rows.map((h, i) => (
        <Handle key={h} type="source" position={Position.Right} id={h} className="gw-handle" style={{ top: rowCenterY(n, i) }} isConnectable={false} />
      ))}
    </>
  );
  if (compact) {
    const tone: Tone = worstTone([nodeHealth(n), problemTone(n.problems) ?? 'ok']);
    const name = label ?? n.name;
    return (
      <div className={classes} data-testid={`node-${n.id}`} data-kind={n.kind} data-selected={selected || undefined} data-compact title={`${n.kind} ${name}`}>
        {handles}
        <span className={`gw-compact-dot ${toneDot[tone]}`} data-tone={tone} />
        {name}
      </div>
    );
  }
  return (
    <div className={classes} data-testid={`node-${n.id}`} data-kind={n.kind} data-selected={selected || undefined}>
      {handles}
      <ProblemBadge problems={n.problems} />
      {children}
    </div>
  );
}

/** Header: kind chip + name + status on the first line, a muted second line (one grid, no wrappers). */
export function Header({ chip, kind, name, sub, right }: { chip: string; kind: string; name: string; sub?: ReactNode; right?: ReactNode }) {
  return (
    <div className="gw-head px-2" style={{ height: HEADER_H }}>
      <KindChip label={chip} kind={kind} />
      <span className="truncate text-[12.5px] font-semibold leading-4" title={name}>
        {name}
      </span>
      {right}
      <div className="gw-head-sub truncate text-[11px] leading-4 text-slate-500 dark:text-slate-400">{sub}</div>
    </div>
  );
}

/**
 * A listener or rule row; its handle is drawn by the Card at the row's height. A rule's index and a
 * listener's status dot are drawn by CSS from data attributes (fewer elements per row).
 */
export const Row = memo(function Row({ testId, children, title, index, tone }: { testId?: string; children: ReactNode; title?: string; index?: number; tone?: Tone }) {
  return (
    <div
      className={`gw-row flex items-center gap-1.5 border-t border-slate-100 px-2 text-[11px] dark:border-slate-800 ${tone ? `gw-row-dot gw-tone-${tone}` : ''}`}
      style={{ height: ROW_H }}
      data-testid={testId}
      data-index={index}
      data-tone={tone}
      title={title}
    >
      {children}
    </div>
  );
});
