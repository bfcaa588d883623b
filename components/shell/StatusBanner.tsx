export { statusMessage } from './status-message';

/** A notice over the graph: an error (alert) or plain information (status). */
export function StatusBanner({ tone, text }: { tone: 'error' | 'info'; text: string }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`pointer-events-auto rounded border px-3 py-2 text-sm shadow-sm ${tone === 'error' ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200' : 'border-slate-300 bg-white text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200'}`}
      data-testid="status-banner"
    >
      {text}
    </div>
  );
}
