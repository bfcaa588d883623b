import { describe, expect, it } from 'vitest';
import { StatusError } from './errors';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from './selectors';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', 'istio-injection': 'enabled' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['tier in (front, back)', true],
    ['tier notin (front,back)', false],
    ['tier in (back),app', false],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['missing notin (x)', true],
    ['', true],
  ])('%s → %s', (sel, want) => {
    expect(matchLabels(parseLabelSelector(sel), labels)).toBe(want);
  });

  it('refuses a malformed requirement with 400', () => {
    expect(() => parseLabelSelector('a in b')).toThrow(StatusError);
  });
});

describe('field selectors', () => {
  const ev = { metadata: { name: 'e1', namespace: 'app2' }, involvedObject: { kind: 'HTTPRoute', name: 'b-split', uid: 'u1' }, source: { component: 'gatewatch' } };
  const allowed = ['involvedObject.kind', 'involvedObject.name', 'involvedObject.uid', 'source'];
  it('matches nested fields and the bare "source" key', () => {
    expect(matchFields(parseFieldSelector('involvedObject.name=b-split,involvedObject.kind=HTTPRoute,metadata.namespace=app2', allowed), ev)).toBe(true);
    expect(matchFields(parseFieldSelector('source=gatewatch', allowed), ev)).toBe(true);
    expect(matchFields(parseFieldSelector('involvedObject.uid!=u1', allowed), ev)).toBe(false);
    expect(matchFields(parseFieldSelector('metadata.name=e2', allowed), ev)).toBe(false);
  });
  it('refuses fields the kind does not support', () => {
    expect(() => parseFieldSelector('spec.foo=1', allowed)).toThrow(/field label not supported/);
  });
});
