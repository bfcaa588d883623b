import { toneDot, type Tone } from '@/components/graph/status';

/** A status dot with the graph's colours; the meaning is also given as text for screen readers. */
export function Dot({ tone, label }: { tone: Tone; label?: string }) {
  return (
    <span className="inline-flex items-center">
      <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${toneDot[tone]}`} aria-hidden="true" />
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}
