/** The one legend: colours, line styles and badges, as the graph uses them. */
import { toneDot, type Tone } from './status';

const DOTS: [Tone, string][] = [
  ['ok', 'condition True / healthy'],
  ['error', 'False / failing'],
  ['warning', 'stale (observedGeneration behind) / degraded'],
  ['unknown', 'Unknown, pending, no controller'],
];

function Line({ colour, dash, double, width = 2, label }: { colour: string; dash?: string; double?: boolean; width?: number; label: string }) {
  return (
    <li className="flex items-center gap-2">
      <svg width="44" height="10" aria-hidden="true" className="shrink-0">
        {double && <line x1="2" y1="5" x2="42" y2="5" stroke={colour} strokeWidth={width + 2.5} />}
        <line x1="2" y1="5" x2="42" y2="5" stroke={double ? 'var(--gw-legend-bg, #fff)' : colour} strokeWidth={double ? 1.2 : width} strokeDasharray={dash} />
      </svg>
      <span>{label}</span>
    </li>
  );
}

export function Legend({ className = '' }: { className?: string }) {
  return (
    <div
      className={`w-72 rounded-md border border-slate-200 bg-white p-3 text-xs text-slate-700 shadow-lg [--gw-legend-bg:#fff] dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:[--gw-legend-bg:#0f172a] ${className}`}
      data-testid="graph-legend"
    >
      <h3 className="mb-1.5 font-semibold">Status</h3>
      <ul className="space-y-1">
        {DOTS.map(([tone, label]) => (
          <li key={tone} className="flex items-center gap-2">
            <span className={`inline-block h-2 w-2 rounded-full ${toneDot[tone]}`} />
            {label}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span className="rounded-full bg-red-600 px-1.5 text-[10px] font-semibold leading-4 text-white">2</span>
          <span className="rounded-full bg-amber-500 px-1.5 text-[10px] font-semibold leading-4 text-slate-950">1</span>
          analyzer errors / warnings on the object
        </li>
      </ul>
      <h3 className="mb-1.5 mt-3 font-semibold">Edges</h3>
      <ul className="space-y-1">
        <Line colour="#64748b" label="north–south: listener → route → backend" />
        <Line colour="#7c3aed" double label="mesh (GAMMA): parent Service → route" />
        <Line colour="#dc2626" dash="6 4" label="rejected attachment / unresolved backend (reason on the edge)" />
        <Line colour="#94a3b8" dash="6 4" label="no status from any controller" />
        <Line colour="#b6c0cd" width={1} label="idle: weight 0, or no traffic" />
        <Line colour="#059669" width={3} label="traffic, moving dots (thicker = more rps)" />
        <Line colour="#d97706" width={3} label="errors > 0 % (degraded)" />
        <Line colour="#dc2626" width={3} label="errors > 10 % (failing)" />
        <Line colour="#a8a29e" dash="6 4" label="Ingress → Service" />
      </ul>
      <h3 className="mb-1.5 mt-3 font-semibold">Labels</h3>
      <ul className="space-y-1">
        <li><span className="rounded border border-slate-200 px-1 dark:border-slate-700">40%</span> configured share of the rule (hover: raw weight)</li>
        <li><span className="rounded border border-amber-400 bg-amber-50 px-1 dark:bg-amber-950">40% · obs 53.7%</span> observed share, drift &gt; 10 points</li>
        <li><span className="rounded border border-amber-400 px-1 italic text-amber-800 dark:text-amber-300">→ 0% pending</span> split editor preview, not applied</li>
        <li><span className="rounded border-2 border-dashed border-red-500 px-1">Service</span> backend not found (ghost)</li>
        <li><span className="rounded border-2 border-dashed border-stone-400 px-1">Ingress</span> Ingress, drawn beside the Gateways</li>
      </ul>
    </div>
  );
}

export default Legend;
