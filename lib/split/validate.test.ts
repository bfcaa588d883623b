import { describe, expect, it } from 'vitest';
import { SplitError } from './errors';
import { checkAgainstRoute, parseApplyRequest } from './validate';
import { bSplit } from './fixtures.test-util';

const good = {
  kind: 'HTTPRoute',
  namespace: 'app2',
  name: 'b-split',
  ruleIndex: 0,
  expectedResourceVersion: '42',
  weights: [
    { index: 0, name: 'b-v1', weight: 0 },
    { index: 1, name: 'b-v2', weight: 1 },
  ],
};

function err(fn: () => unknown): SplitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SplitError) return e;
    throw e;
  }
  throw new Error('expected a SplitError');
}

describe('parseApplyRequest', () => {
  it('accepts a good request', () => {
    expect(parseApplyRequest(good).weights[1].weight).toBe(1);
  });

  it.each([
    ['negative', { ...good, weights: [{ index: 0, name: 'b-v1', weight: -1 }, good.weights[1]] }, 'must not be negative'],
    ['fractional', { ...good, weights: [{ index: 0, name: 'b-v1', weight: 0.5 }, good.weights[1]] }, 'whole number'],
    ['huge', { ...good, weights: [{ index: 0, name: 'b-v1', weight: 1_000_001 }, good.weights[1]] }, '1,000,000'],
    ['string weight', { ...good, weights: [{ index: 0, name: 'b-v1', weight: '2' }, good.weights[1]] }, 'weights.0.weight'],
    ['missing weights', { ...good, weights: undefined }, 'weights'],
    ['empty weights', { ...good, weights: [] }, 'at least one'],
    ['wrong kind', { ...good, kind: 'Gateway' }, 'HTTPRoute, GRPCRoute'],
    ['negative rule', { ...good, ruleIndex: -1 }, 'ruleIndex'],
    ['extra field', { ...good, force: true }, 'force'],
    ['extra field in a weight', { ...good, weights: [{ ...good.weights[0], extra: 1 }, good.weights[1]] }, 'extra'],
    ['bad namespace', { ...good, namespace: 'App 2' }, 'namespace'],
    ['missing rv', { ...good, expectedResourceVersion: undefined }, 'expectedResourceVersion'],
  ])('%s → bad_request naming the field', (_, body, text) => {
    const e = err(() => parseApplyRequest(body));
    expect(e.code).toBe('bad_request');
    expect(e.status).toBe(400);
    expect(e.message).toContain(text);
  });

  it('rejects non-objects', () => {
    expect(err(() => parseApplyRequest('x')).code).toBe('bad_request');
    expect(err(() => parseApplyRequest(null)).code).toBe('bad_request');
  });
});

describe('checkAgainstRoute', () => {
  const route = bSplit();
  it('returns the new weights in backendRef order', () => {
    const req = parseApplyRequest({ ...good, weights: [...good.weights].reverse() });
    expect(checkAgainstRoute(req, route).to).toEqual([0, 1]);
  });

  it('refuses a rule index out of range', () => {
    const e = err(() => checkAgainstRoute(parseApplyRequest({ ...good, ruleIndex: 5 }), route));
    expect(e.message).toMatch(/HTTPRoute app2\/b-split has 2 rules; rule index 5 does not exist/);
  });

  it('refuses too few and too many weights', () => {
    expect(err(() => checkAgainstRoute(parseApplyRequest({ ...good, weights: [good.weights[0]] }), route)).message).toMatch(
      /has 2 backendRefs \(b-v1, b-v2\); got 1 weight$/,
    );
    const extra = { ...good, weights: [...good.weights, { index: 2, name: 'b-v3', weight: 1 }] };
    expect(err(() => checkAgainstRoute(parseApplyRequest(extra), route)).message).toMatch(/got 3 weights/);
  });

  it('refuses a wrong name or a duplicate index', () => {
    const wrong = { ...good, weights: [{ index: 0, name: 'b-v2', weight: 1 }, { index: 1, name: 'b-v1', weight: 1 }] };
    expect(err(() => checkAgainstRoute(parseApplyRequest(wrong), route)).message).toMatch(/backendRef 0 is "b-v1", not "b-v2"/);
    const dup = { ...good, weights: [good.weights[0], good.weights[0]] };
    expect(err(() => checkAgainstRoute(parseApplyRequest(dup), route)).message).toMatch(/given twice/);
  });

  it('needs confirmAllZero for all-zero weights', () => {
    const zero = { ...good, weights: good.weights.map((w) => ({ ...w, weight: 0 })) };
    const e = err(() => checkAgainstRoute(parseApplyRequest(zero), route));
    expect(e.code).toBe('confirm_all_zero');
    expect(e.message).toMatch(/every request matching that rule would fail/);
    expect(checkAgainstRoute(parseApplyRequest({ ...zero, confirmAllZero: true }), route).to).toEqual([0, 0]);
  });
});
