import { CopyButton } from './CopyButton';

/** Preformatted text (YAML, commands) with a copy button. Text only, never markup. */
export function Pre({ text, testId, maxHeight = 'max-h-80' }: { text: string; testId?: string; maxHeight?: string }) {
  return (
    <div className="relative">
      <pre className={`${maxHeight} overflow-auto rounded border border-slate-200 bg-slate-100 p-2 pr-16 font-mono text-[11px] leading-snug text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200`} data-testid={testId}>
        {text}
      </pre>
      <span className="absolute right-1.5 top-1.5">
        <CopyButton text={text} />
      </span>
    </div>
  );
}
