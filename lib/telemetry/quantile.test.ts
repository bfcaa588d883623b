import { describe, expect, it } from 'vitest';
import { histogramQuantile } from './quantile';

describe('histogramQuantile', () => {
  it('interpolates inside the bucket holding the rank, like Prometheus', () => {
    // 100 observations: 50 ≤ 10 ms, 90 ≤ 50 ms, 100 ≤ 100 ms.
    const b = new Map([[10, 50], [50, 90], [100, 100], [Infinity, 100]]);
    expect(histogramQuantile(0.5, b)).toBeCloseTo(10);
    expect(histogramQuantile(0.95, b)).toBeCloseTo(75);
    expect(histogramQuantile(0.7, b)).toBeCloseTo(30);
  });

  it('answers the highest finite bound when the rank falls in +Inf, and nothing without data', () => {
    expect(histogramQuantile(0.95, new Map([[10, 1], [Infinity, 100]]))).toBe(10);
    expect(histogramQuantile(0.95, new Map([[10, 0], [Infinity, 0]]))).toBeUndefined();
    expect(histogramQuantile(0.95, new Map([[10, 5]]))).toBeUndefined();
  });
});
