/**
 * histogram_quantile as Prometheus computes it (linear interpolation inside the bucket that holds the
 * rank), so the p95 of an edge can be taken after summing the buckets of all series on that edge.
 */
export function histogramQuantile(q: number, buckets: ReadonlyMap<number, number>): number | undefined {
  const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  if (sorted.length < 2 || sorted[sorted.length - 1]![0] !== Infinity) return undefined;
  // Counts are cumulative but rates of separately scraped buckets can be slightly non-monotonic.
  for (let i = 1; i < sorted.length; i++) if (sorted[i]![1] < sorted[i - 1]![1]) sorted[i]![1] = sorted[i - 1]![1];
  const total = sorted[sorted.length - 1]![1];
  if (!(total > 0)) return undefined;
  const rank = q * total;
  let i = sorted.findIndex(([, c]) => c >= rank);
  if (i < 0) i = sorted.length - 1;
  if (i === sorted.length - 1) return sorted[sorted.length - 2]![0];
  const [upper, count] = sorted[i]!;
  const [lower, prevCount] = i === 0 ? [upper > 0 ? 0 : upper, 0] : sorted[i - 1]!;
  if (count === prevCount) return upper;
  return lower + ((upper - lower) * (rank - prevCount)) / (count - prevCount);
}
