import { conditionTone, toneText } from '@/components/graph/status';
import { Dot } from '@/components/ui/Dot';
import type { WireCondition } from '@/lib/wire/types';

/** Today's times as hh:mm:ss, older ones as a date: the full timestamp is in the tooltip. */
function shortTime(iso?: string): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString([], { hour12: false }) : d.toLocaleDateString();
}

/** Conditions as the controller wrote them; stale ones (observedGeneration behind) in amber. */
export function ConditionsTable({ conditions, generation, controller }: { conditions: WireCondition[]; generation?: number; controller?: string }) {
  if (conditions.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No conditions: no controller has written status.</p>;
  return (
    <table className="w-full table-fixed text-left text-xs" data-testid="conditions">
      <thead className="text-[11px] text-slate-500 dark:text-slate-400">
        <tr>
          <th className="w-[25%] py-1 font-medium">Type</th>
          <th className="w-[11%] font-medium">Status</th>
          <th className="w-[33%] font-medium">Reason</th>
          <th className="font-medium">Transition · gen</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((c) => {
          const tone = conditionTone(c);
          return (
            <tr key={c.type} className={`align-top ${c.stale ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`} data-testid={`condition-${c.type}`}>
              <td className="py-1 pr-1">
                <span className="flex items-center gap-1.5 break-all">
                  <Dot tone={tone} label={tone} />
                  {c.type}
                </span>
              </td>
              <td className={`pr-1 font-medium ${toneText[tone]}`}>{c.status}</td>
              <td className="break-words pr-1">{c.reason}</td>
              <td className="text-slate-600 dark:text-slate-300">
                <span title={c.lastTransitionTime}>{shortTime(c.lastTransitionTime)}</span>
                {' · '}
                <span className={c.stale ? 'font-semibold text-amber-700 dark:text-amber-400' : ''} title="observedGeneration / metadata.generation">
                  {c.observedGeneration ?? '–'}/{generation ?? '–'}
                  {c.stale && ' stale'}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
      <tbody>
        {conditions.some((c) => c.message) && (
          <tr>
            <td colSpan={4} className="pt-1">
              <ul className="space-y-0.5 text-[11px] text-slate-600 dark:text-slate-300">
                {conditions
                  .filter((c) => c.message)
                  .map((c) => (
                    <li key={c.type}>
                      <span className="font-medium">{c.type}:</span> {c.message}
                    </li>
                  ))}
              </ul>
            </td>
          </tr>
        )}
        {(controller ?? conditions.find((c) => c.controllerName)?.controllerName) && (
          <tr>
            <td colSpan={4} className="pt-1 text-[11px] text-slate-500 dark:text-slate-400">
              controller: {controller ?? conditions.find((c) => c.controllerName)?.controllerName}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
