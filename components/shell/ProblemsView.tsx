'use client';
import type { Finding } from '@/lib/wire/types';
import { severityStyle } from './FindingsBlock';
import { bySeverity, findingNodeId } from './object-ref';

/** Bottom bar with the finding counts; opens the list of every finding by severity. */
export function ProblemsView({ findings, error, open, onToggle, onPick }: { findings: Finding[]; error?: string; open: boolean; onToggle: () => void; onPick: (nodeId: string) => void }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.filter((f) => f.severity === 'info').length;
  const sorted = [...findings].sort(bySeverity);
  return (
    <div className="shrink-0 border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" data-testid="problems-view">
      <button type="button" className="flex w-full items-center gap-3 px-3 py-1 text-left text-xs hover:bg-slate-50 dark:hover:bg-slate-800" aria-expanded={open} onClick={onToggle} data-testid="problems-bar">
        <span className="font-semibold">Problems</span>
        <span className={severityStyle.error.text}>● {errors} {errors === 1 ? 'error' : 'errors'}</span>
        <span className={severityStyle.warning.text}>▲ {warnings} {warnings === 1 ? 'warning' : 'warnings'}</span>
        {infos > 0 && <span className={severityStyle.info.text}>ℹ {infos} info</span>}
        {error && <span className="text-red-700 dark:text-red-400">analyzer unavailable: {error}</span>}
        <span className="ml-auto text-slate-500 dark:text-slate-400">{open ? '▾ hide' : '▴ show'}</span>
      </button>
      {open && (
        <div className="max-h-72 overflow-auto border-t border-slate-200 dark:border-slate-800">
          {sorted.length === 0 ? (
            <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">No problems found.</p>
          ) : (
            <table className="w-full text-left text-xs" data-testid="problems-list">
              <thead className="sticky top-0 bg-slate-50 text-[11px] text-slate-500 dark:bg-slate-900 dark:text-slate-400">
                <tr><th className="px-3 py-1 font-medium">Severity</th><th className="font-medium">Object</th><th className="font-medium">Reason</th><th className="font-medium">Message · suggestion</th></tr>
              </thead>
              <tbody>
                {sorted.map((f, i) => {
                  const st = severityStyle[f.severity];
                  const id = findingNodeId(f);
                  return (
                    <tr key={f.id ?? i} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="problem-row">
                      <td className={`whitespace-nowrap px-3 py-1 font-semibold ${st.text}`}>{st.icon} {f.severity}</td>
                      <td className="whitespace-nowrap pr-3">
                        <button type="button" className="gw-link" onClick={() => onPick(id)} data-testid="problem-link">
                          {f.kind} {f.namespace ? `${f.namespace}/` : ''}{f.name}
                        </button>
                      </td>
                      <td className="whitespace-nowrap pr-3 font-mono">{f.reason}</td>
                      <td className="py-1 pr-3">
                        <div>{f.message}</div>
                        {f.suggestion && <div className="whitespace-pre-wrap text-slate-600 dark:text-slate-300">{f.suggestion}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
