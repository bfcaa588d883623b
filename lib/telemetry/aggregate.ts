/**
 * `sum by (…)` over raw per-second rates: how the demo source answers the same query specs that
 * Prometheus answers, so both feed one mapping.
 */
import type { QuerySpec } from './queries';
import type { Sample } from './source';

export interface RawRate {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function sumBy(rates: readonly RawRate[], spec: Pick<QuerySpec, 'metric' | 'by'>): Sample[] {
  const groups = new Map<string, Sample>();
  for (const r of rates) {
    if (r.name !== spec.metric) continue;
    const labels: Record<string, string> = {};
    for (const l of spec.by) if (r.labels[l] !== undefined && r.labels[l] !== '') labels[l] = r.labels[l]!;
    const k = JSON.stringify(labels);
    const g = groups.get(k);
    if (g) g.value += r.value;
    else groups.set(k, { labels, value: r.value });
  }
  return [...groups.values()];
}
