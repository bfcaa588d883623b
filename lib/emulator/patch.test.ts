import { describe, expect, it } from 'vitest';
import { StatusError } from './errors';
import { applyJsonPatch, applyMerge, changedFields, mergePatch, removeFields, strategicMerge, subtractFields } from './patch';

describe('merge patch (RFC 7386)', () => {
  it('merges maps, replaces lists, deletes on null, leaves inputs alone', () => {
    const target = Object.freeze({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] });
    expect(mergePatch(target, { b: { c: null, e: 4 }, l: [3] })).toEqual({ a: 1, b: { d: 3, e: 4 }, l: [3] });
    expect(target).toEqual({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] });
  });
});

describe('json patch (RFC 6902)', () => {
  const doc = { spec: { rules: [{ backendRefs: [{ name: 'b-v1', weight: 2 }] }] } };
  it('applies ops including a passing test', () => {
    const out = applyJsonPatch(doc, [
      { op: 'test', path: '/spec/rules/0/backendRefs/0/weight', value: 2 },
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/weight', value: 5 },
    ]) as typeof doc;
    expect(out.spec.rules[0].backendRefs[0].weight).toBe(5);
    expect(doc.spec.rules[0].backendRefs[0].weight).toBe(2);
  });
  it('a failed test op is 422 Invalid', () => {
    try {
      applyJsonPatch(doc, [{ op: 'test', path: '/spec/rules/0/backendRefs/0/weight', value: 9 }]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StatusError);
      expect((err as StatusError).code).toBe(422);
      expect((err as StatusError).details?.causes?.[0].message).toContain('/spec/rules/0/backendRefs/0/weight');
    }
  });
  it('a patch that is not a list is 400', () => {
    expect(() => applyJsonPatch(doc, { op: 'add' })).toThrow(/cannot unmarshal/);
  });
});

describe('strategic merge patch', () => {
  it('merges Service ports by port and drops $ directives', () => {
    const svc = { spec: { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }], selector: { app: 'a' } } };
    const out = strategicMerge(svc, { spec: { $setElementOrder: { ports: [{ port: 80 }, { port: 443 }] }, ports: [{ port: 80, targetPort: 8080 }] } });
    expect(out).toEqual({ spec: { ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 443, name: 'https' }], selector: { app: 'a' } } });
  });
  it('merges containers by name and honours $patch: delete', () => {
    const d = { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } } };
    const out = strategicMerge(d, { spec: { template: { spec: { containers: [{ name: 'a', image: 'z' }, { name: 'b', $patch: 'delete' }] } } } });
    expect(out).toEqual({ spec: { template: { spec: { containers: [{ name: 'a', image: 'z' }] } } } });
  });
});

describe('field sets (managedFields)', () => {
  it('records changed fields and removes a manager\'s dropped fields', () => {
    const a = { metadata: { labels: { x: '1' } }, spec: { a: 1, b: { c: 2 } } };
    const b = { metadata: { labels: { x: '2' } }, spec: { a: 1, b: { c: 3 } } };
    expect(changedFields(a, b)).toEqual({ 'f:metadata': { 'f:labels': { 'f:x': {} } }, 'f:spec': { 'f:b': { 'f:c': {} } } });
    expect(subtractFields({ 'f:spec': { 'f:a': {}, 'f:b': {} } }, { 'f:spec': { 'f:b': {} } })).toEqual({ 'f:spec': { 'f:a': {} } });
    expect(removeFields({ spec: { a: 1, b: 2 } }, { 'f:spec': { 'f:b': {} } })).toEqual({ spec: { a: 1 } });
  });
  it('apply merges maps and replaces lists', () => {
    expect(applyMerge({ spec: { a: 1, l: [1, 2] } }, { spec: { l: [3] } })).toEqual({ spec: { a: 1, l: [3] } });
  });
});
