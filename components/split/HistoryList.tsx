'use client';
/** The route's WeightsChanged history (from Kubernetes Events), newest first, each with a one-click revert. */
import type { HistoryEntry } from './api';

export interface HistoryListProps {
  entries: HistoryEntry[] | null;
  error?: string;
  /** Names of the rule's backendRefs now: an entry for other backends cannot be reverted here. */
  names: string[];
  canRevert: boolean;
  busy: boolean;
  onRevert: (entry: HistoryEntry) => void;
}

function when(iso: string): string {
  if (!iso) return 'unknown time';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function HistoryList({ entries, error, names, canRevert, busy, onRevert }: HistoryListProps) {
  return (
    <section className="mt-3" aria-label="Weight history" data-testid="split-history">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">History</h4>
      {error && <p className="text-xs text-amber-800 dark:text-amber-300">{error}</p>}
      {entries === null && !error && <p className="text-xs text-slate-500">Loading…</p>}
      {entries?.length === 0 && <p className="text-xs text-slate-500">No weight changes recorded for this rule.</p>}
      <ol className="mt-1 space-y-1">
        {entries?.slice(0, 20).map((e, k) => {
          const same = e.backends.length === names.length && e.backends.every((b, i) => b === names[i]);
          return (
            <li key={e.id || k} className="flex flex-wrap items-baseline gap-x-2 text-xs" data-testid="split-history-item">
              <span className="text-slate-600 dark:text-slate-300">{when(e.time)}</span>
              <span className="font-medium">{e.user}</span>
              <span className="flex-1">{e.backends.map((b, i) => `${b} ${e.from[i]}→${e.to[i]}`).join(', ')}</span>
              <button
                type="button"
                className="rounded border border-slate-300 px-1 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-700"
                disabled={!canRevert || busy || !same}
                title={same ? `Apply ${e.from.join(' / ')} again` : 'The rule has other backends now'}
                onClick={() => onRevert(e)}
                data-testid={`split-history-revert-${k}`}
              >
                revert to {e.from.join('/')}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
