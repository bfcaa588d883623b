import { describe, expect, it } from 'vitest';
import {
  evenly,
  formatShare,
  largestRemainder,
  moveLinked,
  presets,
  reduceWeights,
  sharesFromWeights,
  weightsFromShares,
} from './weights';

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('weightsFromShares: smallest integers that express the shares', () => {
  it.each([
    [[40, 60], [2, 3]],
    [[0, 100], [0, 1]],
    [[100, 0], [1, 0]],
    [[33.3, 66.7], [1, 2]],
    [[50, 50], [1, 1]],
    [[90, 10], [9, 1]],
    [[25, 25, 50], [1, 1, 2]],
    [[33, 67], [33, 67]],
    [[100 / 3, 100 / 3, 100 / 3], [1, 1, 1]],
  ])('%j → %j', (shares, weights) => {
    expect(weightsFromShares(shares)).toEqual(weights);
  });

  it('gives all zeros for all-zero shares and nothing for no backends', () => {
    expect(weightsFromShares([0, 0])).toEqual([0, 0]);
    expect(weightsFromShares([])).toEqual([]);
  });

  it('round-trips through sharesFromWeights within a tenth of a percent', () => {
    for (const s of [[12.5, 87.5], [1, 99], [10, 20, 30, 40], [0.1, 99.9]]) {
      const back = sharesFromWeights(weightsFromShares(s));
      back.forEach((b, i) => expect(Math.abs(b - s[i])).toBeLessThanOrEqual(0.05 + 1e-9));
    }
  });
});

describe('helpers', () => {
  it('reduces by the gcd', () => {
    expect(reduceWeights([2, 4])).toEqual([1, 2]);
    expect(reduceWeights([0, 5])).toEqual([0, 1]);
    expect(reduceWeights([0, 0])).toEqual([0, 0]);
  });
  it('shares of weights', () => {
    expect(sharesFromWeights([2, 3])).toEqual([40, 60]);
    expect(sharesFromWeights([0, 0])).toEqual([0, 0]);
  });
  it('largest remainder adds up exactly', () => {
    expect(total(largestRemainder([1, 1, 1], 100))).toBe(100);
  });
  it('formats shares', () => {
    expect(formatShare(40)).toBe('40');
    expect(formatShare(100 / 3)).toBe('33.3');
  });
});

describe('linked mode', () => {
  it('moving one of two moves the other', () => {
    expect(moveLinked([40, 60], [false, false], 0, 0)).toEqual([0, 100]);
    expect(moveLinked([40, 60], [false, false], 1, 75)).toEqual([25, 75]);
  });

  it('spreads the difference over unlocked others in proportion', () => {
    const out = moveLinked([40, 20, 40], [false, false, false], 0, 70);
    expect(out[0]).toBe(70);
    expect(out[1]).toBeCloseTo(10);
    expect(out[2]).toBeCloseTo(20);
    expect(total(out)).toBeCloseTo(100, 9);
  });

  it('spreads evenly when the others are all at 0', () => {
    expect(moveLinked([100, 0, 0], [false, false, false], 0, 40)).toEqual([40, 30, 30]);
  });

  it('keeps locked backends and clamps to what they leave', () => {
    const out = moveLinked([30, 30, 40], [false, true, false], 0, 90);
    expect(out).toEqual([70, 30, 0]);
  });

  it('refuses the move when nothing can absorb it', () => {
    expect(moveLinked([40, 60], [false, true], 0, 10)).toEqual([40, 60]);
  });

  it('clamps out-of-range values', () => {
    expect(moveLinked([40, 60], [false, false], 0, 150)).toEqual([100, 0]);
    expect(moveLinked([40, 60], [false, false], 0, -5)).toEqual([0, 100]);
  });

  it('always totals 100 after many moves', () => {
    let s = [20, 30, 50, 0];
    for (const [i, v] of [[0, 33], [3, 17.5], [1, 80], [2, 1], [0, 99]] as const) {
      s = moveLinked(s, [false, false, false, false], i, v);
      expect(total(s)).toBeCloseTo(100, 9);
      s.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
    }
  });
});

describe('evenly and presets', () => {
  it('evenly keeps locks', () => {
    expect(evenly([10, 50, 40], [true, false, false])).toEqual([10, 45, 45]);
    expect(total(evenly([0, 0, 0], [false, false, false]))).toBeCloseTo(100, 9);
  });

  it('two-backend presets', () => {
    const p = Object.fromEntries(presets(2).map((x) => [x.id, x.shares]));
    expect(p['100-0']).toEqual([100, 0]);
    expect(p['0-100']).toEqual([0, 100]);
    expect(p['50-50']).toEqual([50, 50]);
    expect(p['90-10']).toEqual([90, 10]);
  });

  it('presets for more backends total 100', () => {
    for (const p of presets(3)) expect(total(p.shares)).toBeCloseTo(100, 9);
    expect(presets(3).find((p) => p.id === '0-100')?.shares).toEqual([0, 0, 100]);
    expect(weightsFromShares(presets(3).find((p) => p.id === '90-10')!.shares)).toEqual([18, 1, 1]);
  });
});
