import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import { ObjectStore } from './store';

const svc = (name: string, rv: string, ns = 'app'): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, resourceVersion: rv } });

describe('ObjectStore', () => {
  it('upserts, gets and deletes by namespace/name', () => {
    const s = new ObjectStore();
    expect(s.upsert('Service', svc('a', '1'))?.type).toBe('Added');
    expect(s.upsert('Service', svc('a', '2'))?.type).toBe('Updated');
    expect(s.upsert('Service', svc('a', '2'))).toBeUndefined();
    expect(s.get('Service', 'app', 'a')?.metadata.resourceVersion).toBe('2');
    expect(s.get('Service', 'other', 'a')).toBeUndefined();
    expect(s.delete('Service', svc('a', '3'))?.type).toBe('Deleted');
    expect(s.delete('Service', svc('a', '3'))).toBeUndefined();
    expect(s.list('Service')).toEqual([]);
  });

  it('replace leaves exactly the listed objects: deletes vanished keys, no phantom adds', () => {
    const s = new ObjectStore();
    s.replace('Service', [svc('keep', '1'), svc('change', '1'), svc('gone', '1')]);
    const deltas = s.replace('Service', [svc('keep', '1'), svc('change', '5'), svc('new', '6')]);
    expect(deltas.map((d) => `${d.type} ${d.key}`).sort()).toEqual(['Added app/new', 'Deleted app/gone', 'Updated app/change']);
    expect(s.list('Service').map((o) => o.metadata.name).sort()).toEqual(['change', 'keep', 'new']);
    expect(s.get('Service', 'app', 'gone')).toBeUndefined();
    // Replacing with the same list again is a no-op.
    expect(s.replace('Service', [svc('keep', '1'), svc('change', '5'), svc('new', '6')])).toEqual([]);
    expect(s.count('Service')).toBe(3);
  });

  it('keeps kinds apart and cluster-scoped keys distinct from namespaced ones', () => {
    const s = new ObjectStore();
    s.upsert('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', resourceVersion: '1' } });
    s.upsert('Service', svc('app', '1', 'x'));
    expect(s.get('Namespace', undefined, 'app')).toBeDefined();
    expect(s.list('Service')).toHaveLength(1);
    expect(s.clear('Namespace').map((d) => d.type)).toEqual(['Deleted']);
    expect(s.list('Namespace')).toEqual([]);
  });

  it('list() is cached until the kind changes', () => {
    const s = new ObjectStore();
    s.upsert('Service', svc('a', '1'));
    const l1 = s.list('Service');
    expect(s.list('Service')).toBe(l1);
    s.upsert('Service', svc('b', '1'));
    expect(s.list('Service')).not.toBe(l1);
    expect(s.list('Service')).toHaveLength(2);
  });
});
