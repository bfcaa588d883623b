/** A small line chart in plain SVG: one series, its last value and range as text. */
export function Sparkline({ label, values, format, tone = 'blue' }: { label: string; values: (number | undefined)[]; format: (v: number) => string; tone?: 'blue' | 'red' | 'violet' }) {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const w = 180;
  const h = 36;
  const max = Math.max(...nums, 0);
  const stroke = { blue: '#2563eb', red: '#dc2626', violet: '#7c3aed' }[tone];
  const pts = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `${((i / Math.max(values.length - 1, 1)) * w).toFixed(1)},${(h - 2 - (max > 0 ? (v / max) * (h - 4) : 0)).toFixed(1)}` : null))
    .filter(Boolean)
    .join(' ');
  const last = nums.at(-1);
  return (
    <figure className="flex items-center gap-3" data-testid={`spark-${label}`}>
      <figcaption className="w-24 shrink-0 text-xs">
        <div className="text-slate-500 dark:text-slate-400">{label}</div>
        <div className="font-mono text-slate-900 dark:text-slate-100">{last === undefined ? '–' : format(last)}</div>
      </figcaption>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label} over the window, max ${format(max)}`} className="overflow-visible">
        <line x1="0" y1={h - 1} x2={w} y2={h - 1} stroke="currentColor" className="text-slate-200 dark:text-slate-700" />
        {nums.length > 1 && <polyline points={pts} fill="none" stroke={stroke} strokeWidth="1.5" strokeLinejoin="round" />}
        {nums.length <= 1 && (
          <text x={w / 2} y={h / 2 + 4} textAnchor="middle" className="fill-slate-400 text-[10px]">
            no data
          </text>
        )}
      </svg>
    </figure>
  );
}
