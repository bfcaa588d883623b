import { Pre } from '@/components/ui/Pre';
import type { Finding, Severity } from '@/lib/wire/types';

export const severityStyle: Record<Severity, { icon: string; text: string; bg: string }> = {
  error: { icon: '●', text: 'text-red-700 dark:text-red-400', bg: 'border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/40' },
  warning: { icon: '▲', text: 'text-amber-700 dark:text-amber-400', bg: 'border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/40' },
  info: { icon: 'ℹ', text: 'text-sky-700 dark:text-sky-400', bg: 'border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/40' },
};

function agreement(f: Finding): string {
  if (f.controllerAgrees === true) return 'controller agrees';
  if (f.controllerAgrees === false) return 'controller says otherwise';
  return 'controller says nothing';
}

/** Splits a suggestion into prose and a YAML block (the part from the first line that looks like YAML). */
function splitSuggestion(s: string): { text: string; yaml?: string } {
  const lines = s.split('\n');
  const at = lines.findIndex((l, i) => i > 0 && /^\s*[\w.-]+:\s|^\s*- /.test(l));
  if (at < 0) return { text: s };
  return { text: lines.slice(0, at).join('\n'), yaml: lines.slice(at).join('\n') };
}

/** What the analyzer finds about one object, next to whether the controller's status agrees. */
export function FindingsBlock({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">The analyzer finds nothing wrong here.</p>;
  return (
    <ul className="space-y-2" data-testid="findings">
      {findings.map((f, i) => {
        const st = severityStyle[f.severity];
        const sug = f.suggestion ? splitSuggestion(f.suggestion) : null;
        return (
          <li key={f.id ?? i} className={`rounded border p-2 text-xs ${st.bg}`}>
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className={`font-semibold ${st.text}`}>
                {st.icon} {f.severity}
              </span>
              <span className="font-mono">{f.condition ? `${f.condition} · ` : ''}{f.reason}</span>
              <span
                className={`ml-auto rounded px-1 text-[10px] ${f.controllerAgrees === false ? 'bg-amber-200 text-amber-900 dark:bg-amber-900 dark:text-amber-100' : 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}
                data-testid="controller-agrees"
              >
                {agreement(f)}
              </span>
            </div>
            <p className="mt-1 text-slate-800 dark:text-slate-200">{f.message}</p>
            {sug && (
              <div className="mt-1 space-y-1">
                <p className="whitespace-pre-wrap text-slate-700 dark:text-slate-300">
                  <span className="font-medium">Suggestion:</span> {sug.text}
                </p>
                {sug.yaml && <Pre text={sug.yaml} maxHeight="max-h-48" />}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
