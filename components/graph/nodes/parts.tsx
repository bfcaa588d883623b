/** Building blocks shared by every node: the card, its header, rows with handles, dots and badges. */
import { Handle, Position } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { HEADER_H, ROW_H, DEFAULT_HANDLE_Y } from '@/lib/layout/sizes';
import { IN_HANDLE, OUT_HANDLE } from '@/lib/layout/input';
import type { ProblemSummary, WireCondition } from '@/lib/wire/types';
import { conditionTitle, conditionToneTrueIsBad, toneDot, type Tone } from '../status';
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

export function ProblemBadge({ problems }: { problems?: ProblemSummary }) {
  if (!problems || (problems.errors === 0 && problems.warnings === 0)) return null;
  return (
    <span className="absolute -right-2 -top-2 z-10 flex gap-0.5" data-testid="problem-badge">
      {problems.errors > 0 && (
        <span className="rounded-full bg-red-600 px-1.5 text-[10px] font-semibold leading-4 text-white shadow" title={`${problems.errors} error(s)`}>
          {problems.errors}
        </span>
      )}
      {problems.warnings > 0 && (
        <span className="rounded-full bg-amber-500 px-1.5 text-[10px] font-semibold leading-4 text-slate-950 shadow" title={`${problems.warnings} warning(s)`}>
          {problems.warnings}
        </span>
      )}
    </span>
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
};

export function KindChip({ label, kind }: { label: string; kind: string }) {
  return (
    <span className={`shrink-0 rounded px-1 text-[9.5px] font-bold uppercase leading-[15px] tracking-wide ${KIND_CHIP[kind] ?? KIND_CHIP.Workload}`}>
      {label}
    </span>
  );
}

interface CardProps {
  data: GwNodeData;
  selected: boolean;
  /** Extra border classes (ghost, dashed). */
  frame?: string;
  children: ReactNode;
  /** Default in/out handles at the header's middle. */
  inHandle?: boolean;
  outHandle?: boolean;
}

/** The node's card: testid, selection ring, search dimming, flash on change, problem badge. */
export function Card({ data, selected, frame, children, inHandle = true, outHandle = true }: CardProps) {
  const n = data.node;
  const classes = [
    'gw-card relative h-full w-full rounded-md border bg-white text-slate-800 shadow-sm dark:bg-slate-900 dark:text-slate-100',
    frame ?? 'border-slate-300 dark:border-slate-600',
    selected ? 'ring-2 ring-blue-500 ring-offset-1 ring-offset-white dark:ring-offset-slate-950' : '',
    data.match ? 'gw-match' : '',
    data.dimmed ? 'opacity-30' : data.outsider ? 'opacity-75' : '',
    data.flash ? (data.flash % 2 ? 'gw-flash-a' : 'gw-flash-b') : '',
  ].join(' ');
  return (
    <div className={classes} data-testid={`node-${n.id}`} data-kind={n.kind} data-selected={selected || undefined}>
      {inHandle && <Handle type="target" position={Position.Left} id={IN_HANDLE} className="gw-handle" style={{ top: DEFAULT_HANDLE_Y }} isConnectable={false} />}
      {outHandle && <Handle type="source" position={Position.Right} id={OUT_HANDLE} className="gw-handle" style={{ top: DEFAULT_HANDLE_Y }} isConnectable={false} />}
      <ProblemBadge problems={n.problems} />
      {children}
    </div>
  );
}

/** Header: kind chip + name on the first line, a muted second line, status at the right. */
export function Header({ chip, kind, name, sub, right }: { chip: string; kind: string; name: string; sub?: ReactNode; right?: ReactNode }) {
  return (
    <div className="flex flex-col justify-center gap-0.5 px-2" style={{ height: HEADER_H }}>
      <div className="flex min-w-0 items-center gap-1.5">
        <KindChip label={chip} kind={kind} />
        <span className="truncate text-[12.5px] font-semibold leading-4" title={name}>
          {name}
        </span>
        <span className="ml-auto flex shrink-0 items-center">{right}</span>
      </div>
      <div className="truncate text-[11px] leading-4 text-slate-500 dark:text-slate-400">{sub}</div>
    </div>
  );
}

/** A row with an optional source handle on its right edge (the row's `handle`). */
export const Row = memo(function Row({ handle, testId, children, title }: { handle?: string; testId?: string; children: ReactNode; title?: string }) {
  return (
    <div
      className="relative flex items-center gap-1.5 border-t border-slate-100 px-2 text-[11px] dark:border-slate-800"
      style={{ height: ROW_H }}
      data-testid={testId}
      title={title}
    >
      {children}
      {handle && <Handle type="source" position={Position.Right} id={handle} className="gw-handle" isConnectable={false} />}
    </div>
  );
});
