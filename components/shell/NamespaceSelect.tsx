'use client';
import { useEffect, useRef, useState } from 'react';

/** Multi-select of namespaces as a checkbox popover; none ticked = all namespaces. */
export function NamespaceSelect({ all, value, onChange }: { all: string[]; value: string[]; onChange: (v: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const label = value.length === 0 ? 'All namespaces' : value.length <= 2 ? value.join(', ') : `${value.length} namespaces`;
  return (
    <div className="relative" ref={ref}>
      <button type="button" className="gw-btn min-w-32 text-left" aria-haspopup="listbox" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="namespace-select">
        ns: {label} ▾
      </button>
      {open && (
        <div className="absolute left-0 top-full z-30 mt-1 max-h-80 w-56 overflow-auto rounded border border-slate-200 bg-white p-1 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900" role="listbox" aria-multiselectable="true" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <button type="button" className="w-full rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => onChange([])}>
            All namespaces
          </button>
          {all.map((ns) => (
            <label key={ns} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
              <input type="checkbox" checked={value.includes(ns)} onChange={(e) => onChange(e.target.checked ? [...value, ns].sort() : value.filter((x) => x !== ns))} data-testid={`ns-${ns}`} />
              {ns}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
