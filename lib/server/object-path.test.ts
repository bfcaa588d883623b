import { describe, expect, it } from 'vitest';
import { snapshotFromObjects } from '../model/snapshot';
import type { KindStatus } from '../wire/types';
import { lookupObject } from './object-path';

const snap = snapshotFromObjects([
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'app1' } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'istio' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'app1' } },
]);
const st = (kind: string, group: string, version?: string): KindStatus => ({ kind, group, version, installed: !!version, synced: true, count: 1 });
const kinds = [st('HTTPRoute', 'gateway.networking.k8s.io', 'v1'), st('GatewayClass', 'gateway.networking.k8s.io', 'v1'), st('Service', '', 'v1'), st('TLSRoute', 'gateway.networking.k8s.io')];

describe('object lookup', () => {
  it('finds namespaced, cluster-scoped and core-group objects', () => {
    expect(lookupObject(['gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'app1', 'r'], snap, kinds).ok).toBe(true);
    expect(lookupObject(['gateway.networking.k8s.io', 'v1', 'GatewayClass', 'istio'], snap, kinds).ok).toBe(true);
    expect(lookupObject(['core', 'v1', 'Service', 'app1', 's'], snap, kinds).ok).toBe(true);
  });

  it('404 for unknown objects, kinds, wrong groups, versions and kinds not installed', () => {
    for (const p of [
      ['gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'app1', 'nope'],
      ['gateway.networking.k8s.io', 'v1', 'Pod', 'app1', 'r'],
      ['apps', 'v1', 'HTTPRoute', 'app1', 'r'],
      ['gateway.networking.k8s.io', 'v1beta1', 'HTTPRoute', 'app1', 'r'],
      ['gateway.networking.k8s.io', 'v1alpha2', 'TLSRoute', 'app1', 'r'],
    ]) {
      const r = lookupObject(p, snap, kinds);
      expect(r.ok ? 200 : r.status, p.join('/')).toBe(404);
    }
  });

  it('400 for malformed paths', () => {
    for (const p of [
      ['gateway.networking.k8s.io', 'v1', 'HTTPRoute'],
      ['gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'r'],
      ['gateway.networking.k8s.io', 'v1', 'GatewayClass', 'x', 'istio'],
      ['gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'app1', 'Bad_Name'],
    ]) {
      const r = lookupObject(p, snap, kinds);
      expect(r.ok ? 200 : r.status, p.join('/')).toBe(400);
    }
  });
});
