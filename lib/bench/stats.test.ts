import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('benchmark statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, median: 2, p95: 3, min: 1, max: 3 });
    expect(summarize([]).n).toBe(0);
  });
});
