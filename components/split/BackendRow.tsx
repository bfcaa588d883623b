'use client';
/** One backendRef in the split editor: slider + percent field (linked) or raw weight field (free), and a lock. */
import { formatShare } from '@/lib/split/weights';
import { rawError } from '@/lib/split/editor';

export interface BackendRowProps {
  index: number;
  name: string;
  mode: 'linked' | 'free';
  share: number;
  /** Weight Apply would write (undefined while a raw field is invalid). */
  weight: number | undefined;
  raw: string;
  locked: boolean;
  editable: boolean;
  onMove: (share: number) => void;
  onRaw: (text: string) => void;
  onLock: () => void;
}

export function BackendRow(p: BackendRowProps) {
  const id = `split-backend-${p.index}`;
  const err = p.mode === 'free' ? rawError(p.raw) : undefined;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1" data-testid={`split-row-${p.index}`}>
      <label htmlFor={id} className="w-full truncate text-sm font-medium sm:w-24" title={p.name}>
        {p.name}
      </label>
      {p.mode === 'linked' ? (
        <>
          <input
            id={id}
            type="range"
            min={0}
            max={100}
            step={1}
            value={Math.round(p.share)}
            disabled={!p.editable || p.locked}
            onChange={(e) => p.onMove(Number(e.target.value))}
            aria-valuetext={`${formatShare(p.share)} percent`}
            className="min-w-24 flex-1 accent-sky-600"
            data-testid={`split-slider-${p.index}`}
          />
          <input
            type="number"
            min={0}
            max={100}
            step="any"
            aria-label={`${p.name} share in percent`}
            value={formatShare(p.share)}
            disabled={!p.editable || p.locked}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(v)) p.onMove(v);
            }}
            className="w-16 rounded border border-slate-300 bg-white px-1 text-right text-sm dark:border-slate-600 dark:bg-slate-800"
            data-testid={`split-share-input-${p.index}`}
          />
          <span className="text-sm">%</span>
        </>
      ) : (
        <>
          <input
            id={id}
            type="number"
            min={0}
            max={1_000_000}
            step={1}
            inputMode="numeric"
            aria-label={`${p.name} raw weight`}
            aria-invalid={err ? true : undefined}
            value={p.raw}
            disabled={!p.editable}
            onChange={(e) => p.onRaw(e.target.value)}
            className={`w-24 rounded border bg-white px-1 text-right text-sm dark:bg-slate-800 ${err ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'}`}
            data-testid={`split-weight-input-${p.index}`}
          />
          <span className="flex-1 text-sm" data-testid={`split-share-${p.index}`}>
            {err ? <span className="text-red-700 dark:text-red-400">{err}</span> : `${formatShare(p.share)} %`}
          </span>
        </>
      )}
      <span className="text-xs text-slate-600 dark:text-slate-300" data-testid={`split-weight-${p.index}`}>
        weight {p.weight ?? '–'}
      </span>
      {p.mode === 'linked' && (
        <button
          type="button"
          onClick={p.onLock}
          disabled={!p.editable}
          aria-pressed={p.locked}
          aria-label={`${p.locked ? 'Unlock' : 'Lock'} ${p.name}`}
          title={p.locked ? 'Locked: other sliders do not move this one' : 'Lock this share'}
          className={`rounded px-1 text-sm ${p.locked ? 'bg-amber-200 dark:bg-amber-700' : 'opacity-60 hover:opacity-100'}`}
          data-testid={`split-lock-${p.index}`}
        >
          {p.locked ? '🔒' : '🔓'}
        </button>
      )}
    </div>
  );
}
