import type { LiveState } from '@/components/data/live';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour12: false });

/** Whether the view follows the cluster right now. */
export function LiveIndicator({ live }: { live: LiveState }) {
  const [text, cls] =
    live.state === 'live'
      ? ['● live', 'text-emerald-700 dark:text-emerald-400']
      : live.state === 'connecting'
        ? ['○ connecting…', 'text-slate-500 dark:text-slate-400']
        : live.state === 'reconnecting'
          ? ['◌ reconnecting…', 'text-amber-700 dark:text-amber-400']
          : [`■ stale since ${time(live.since)}`, 'text-red-700 dark:text-red-400'];
  return (
    <span className={`whitespace-nowrap text-xs font-medium ${cls}`} role="status" aria-live="polite" data-testid="live-indicator" data-state={live.state}>
      {text}
    </span>
  );
}
