import { describe, expect, it } from 'vitest';
import { findCondition, isPending, isStale, nextCondition } from './conditions';
import { hostnamesIntersect, intersectHostnames } from './hostnames';
import { defaultBackendRef, defaultParentRef, referenceAllowed, sameParentRef } from './refs';
import { matchesLabelSelector, matchesServiceSelector } from './selectors';
import type { ReferenceGrant } from './types';

describe('hostname intersection (spec §2.4)', () => {
  it.each([
    [undefined, 'a.example.com', 'a.example.com'],
    ['a.example.com', undefined, 'a.example.com'],
    ['a.example.com', 'a.example.com', 'a.example.com'],
    ['a.example.com', 'b.example.com', null],
    ['*.example.com', 'a.example.com', 'a.example.com'],
    ['*.example.com', 'a.b.example.com', 'a.b.example.com'],
    ['*.example.com', 'example.com', null],
    ['foo.example.com', '*.example.com', 'foo.example.com'],
    ['*.example.com', '*.a.example.com', '*.a.example.com'],
    ['*.a.example.com', '*.example.com', '*.a.example.com'],
    ['*.example.com', '*.example.org', null],
    ['very.specific.com', '*.specific.com', 'very.specific.com'],
  ])('%s ∩ %s = %s', (l, r, want) => {
    expect(intersectHostnames(l, r)).toBe(want);
  });
  it('a route without hostnames matches any listener; one with none intersecting does not', () => {
    expect(hostnamesIntersect('a.com', [])).toBe(true);
    expect(hostnamesIntersect('a.com', ['b.com', 'c.com'])).toBe(false);
    expect(hostnamesIntersect('*.wildcard.io', ['wildcard.io', 'foo.wildcard.io'])).toBe(true);
  });
});

describe('label selectors', () => {
  const labels = { env: 'prod', team: 'a' };
  it('matchLabels and matchExpressions', () => {
    expect(matchesLabelSelector({ matchLabels: { env: 'prod' } }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { env: 'dev' } }, labels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'stage'] }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(matchesLabelSelector({}, labels)).toBe(true);
    expect(matchesLabelSelector(undefined, labels)).toBe(false);
  });
  it('Service selectors', () => {
    expect(matchesServiceSelector({ app: 'b' }, { app: 'b', version: 'v1' })).toBe(true);
    expect(matchesServiceSelector({ app: 'b', version: 'v3' }, { app: 'b', version: 'v1' })).toBe(false);
    expect(matchesServiceSelector({}, { app: 'b' })).toBe(false);
  });
});

describe('ref defaulting', () => {
  it('parentRef defaults to a Gateway in the route namespace', () => {
    expect(defaultParentRef({ name: 'gw' }, 'ns')).toEqual({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'ns', name: 'gw' });
    expect(defaultParentRef({ group: '', kind: 'Service', name: 'b', port: 8080 }, 'ns')).toMatchObject({ group: '', kind: 'Service', port: 8080 });
    expect(sameParentRef(defaultParentRef({ name: 'gw' }, 'ns'), defaultParentRef({ name: 'gw', namespace: 'ns' }, 'x'))).toBe(true);
  });
  it('backendRef defaults to a core Service with weight 1; weight 0 stays 0', () => {
    expect(defaultBackendRef({ name: 's', port: 80 }, 'ns')).toEqual({ group: '', kind: 'Service', namespace: 'ns', name: 's', port: 80, weight: 1 });
    expect(defaultBackendRef({ name: 's', weight: 0 }, 'ns').weight).toBe(0);
  });
  it('ReferenceGrant: from and to must both match; omitted to.name covers all', () => {
    const grant = (toName?: string): ReferenceGrant => ({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'g', namespace: 'backend' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'web' }], to: [{ group: '', kind: 'Service', ...(toName ? { name: toName } : {}) }] },
    });
    const from = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'web' };
    const to = { group: '', kind: 'Service', namespace: 'backend', name: 'api' };
    expect(referenceAllowed([], from, to)).toBe(false);
    expect(referenceAllowed([grant()], from, to)).toBe(true);
    expect(referenceAllowed([grant('api')], from, to)).toBe(true);
    expect(referenceAllowed([grant('other')], from, to)).toBe(false);
    expect(referenceAllowed([grant()], { ...from, kind: 'TCPRoute' }, to)).toBe(false);
    expect(referenceAllowed([], from, { ...to, namespace: 'web' })).toBe(true);
  });
});

describe('conditions', () => {
  const c = { type: 'Accepted', status: 'True' as const, reason: 'Accepted', message: '', lastTransitionTime: '2026-01-01T00:00:00Z', observedGeneration: 1 };
  it('stale and pending', () => {
    expect(isStale(c, 2)).toBe(true);
    expect(isStale(c, 1)).toBe(false);
    expect(isPending({ reason: 'Pending', lastTransitionTime: '1970-01-01T00:00:00Z' })).toBe(true);
    expect(isPending(c)).toBe(false);
    expect(findCondition([c], 'Accepted')).toBe(c);
  });
  it('keeps lastTransitionTime while the status holds', () => {
    expect(nextCondition({ ...c, observedGeneration: 2 }, [c], 'now').lastTransitionTime).toBe(c.lastTransitionTime);
    expect(nextCondition({ ...c, status: 'False' }, [c], 'now').lastTransitionTime).toBe('now');
  });
});
