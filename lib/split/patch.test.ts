import { describe, expect, it } from 'vitest';
import jsonpatch, { type Operation } from 'fast-json-patch';
import { buildWeightPatch } from './patch';
import { bSplit } from './fixtures.test-util';

describe('buildWeightPatch', () => {
  it('tests the resourceVersion and identities, then replaces only the weights', () => {
    const ops = buildWeightPatch(bSplit(), 0, [0, 1]);
    expect(ops[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '42' });
    expect(ops).toContainEqual({ op: 'test', path: '/spec/rules/0/backendRefs/0/name', value: 'b-v1' });
    expect(ops).toContainEqual({ op: 'test', path: '/spec/rules/0/backendRefs/1/port', value: 8080 });
    expect(ops).toContainEqual({ op: 'test', path: '/spec/rules/0/backendRefs/1/weight', value: 3 });
    const writes = ops.filter((o) => o.op !== 'test');
    expect(writes).toEqual([
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/weight', value: 0 },
      { op: 'replace', path: '/spec/rules/0/backendRefs/1/weight', value: 1 },
    ]);
    // every op precedes no test: tests come first so nothing is written when one fails
    expect(ops.findIndex((o) => o.op !== 'test')).toBeGreaterThan(ops.map((o) => o.op).lastIndexOf('test'));
  });

  it('applied to the route changes the weights and nothing else', () => {
    const before = bSplit();
    const after = jsonpatch.applyPatch(structuredClone(before), buildWeightPatch(before, 0, [0, 1]) as Operation[]).newDocument;
    expect(after.spec.rules![0].backendRefs!.map((b) => b.weight)).toEqual([0, 1]);
    const strip = (r: typeof before) => {
      const c = structuredClone(r);
      c.spec.rules![0].backendRefs!.forEach((b) => delete b.weight);
      return c;
    };
    expect(strip(after)).toEqual(strip(before));
  });

  it('adds a weight that was unset, and skips unchanged ones', () => {
    const ops = buildWeightPatch(bSplit(), 1, [5]);
    expect(ops.filter((o) => o.op !== 'test')).toEqual([{ op: 'add', path: '/spec/rules/1/backendRefs/0/weight', value: 5 }]);
    expect(ops.some((o) => o.path.endsWith('/weight') && o.op === 'test')).toBe(false);
    expect(buildWeightPatch(bSplit(), 1, [1])).toEqual([]);
    expect(buildWeightPatch(bSplit(), 0, [2, 3])).toEqual([]);
  });

  it('fails to apply to a route changed since (resourceVersion or backendRef)', () => {
    const ops = buildWeightPatch(bSplit(), 0, [0, 1]) as Operation[];
    expect(() => jsonpatch.applyPatch(bSplit({ resourceVersion: '43' }), ops, false, false)).toThrow();
    const renamed = bSplit();
    renamed.spec.rules![0].backendRefs![1].name = 'b-v3';
    expect(() => jsonpatch.applyPatch(renamed, ops, false, false)).toThrow();
  });

  it('refuses a mismatched number of weights', () => {
    expect(() => buildWeightPatch(bSplit(), 0, [1])).toThrow(/2 backendRefs/);
  });
});
