import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import type { StoreEvent } from './api';
import { StatusError } from './errors';
import { loadManifests } from './fixtures';
import { createClusterStore } from './index';
import { defaultCrdsDir } from './paths';

const G = 'gateway.networking.k8s.io';

function storeWithCrds() {
  const store = createClusterStore(100);
  expect(loadManifests(store, defaultCrdsDir())).toEqual([]);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app2' } });
  return store;
}

const route = (name: string, weight = 1): KObject => ({
  apiVersion: `${G}/v1`,
  kind: 'HTTPRoute',
  metadata: { name, namespace: 'app2' },
  spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'b-v1', port: 8080, weight }] }] },
  status: { parents: [] },
});

function thrown(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a StatusError');
}

describe('ClusterStore', () => {
  it('create assigns metadata, applies schema defaults, drops status and freezes the object', () => {
    const store = storeWithCrds();
    const before = BigInt(store.resourceVersion());
    const r = store.create(route('a'));
    expect(r.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.metadata.generation).toBe(1);
    expect(BigInt(r.metadata.resourceVersion!)).toBeGreaterThan(before);
    expect(r.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(r.status).toBeUndefined();
    const spec = r.spec as { parentRefs: { group: string; kind: string }[] };
    expect(spec.parentRefs[0]).toMatchObject({ group: G, kind: 'Gateway' });
    expect(Object.isFrozen(r.metadata)).toBe(true);
    expect(thrown(() => store.create(route('a'))).code).toBe(409);
  });

  it('generation bumps on spec changes only; status writes never bump it', () => {
    const store = storeWithCrds();
    const r = store.create(route('a'));
    const labelled = store.update({ ...structuredClone(r), metadata: { ...structuredClone(r.metadata), labels: { x: 'y' } } });
    expect(labelled.metadata.generation).toBe(1);
    const withStatus = store.updateStatus({ group: G, kind: 'HTTPRoute', namespace: 'app2', name: 'a' }, { parents: [] });
    expect(withStatus.metadata.generation).toBe(1);
    expect(withStatus.metadata.managedFields?.some((m) => m.subresource === 'status')).toBe(true);
    const changed = structuredClone(withStatus);
    (changed.spec as { rules: { backendRefs: { weight: number }[] }[] }).rules[0].backendRefs[0].weight = 3;
    const updated = store.update(changed);
    expect(updated.metadata.generation).toBe(2);
    expect(updated.status).toEqual({ parents: [] }); // the main resource keeps the stored status
  });

  it('a stale resourceVersion is a 409 Conflict; a no-op update changes nothing', () => {
    const store = storeWithCrds();
    const r = store.create(route('a'));
    const again = store.update(structuredClone(r));
    expect(again.metadata.resourceVersion).toBe(r.metadata.resourceVersion);
    store.update({ ...structuredClone(r), metadata: { ...structuredClone(r.metadata), labels: { v: '2' } } });
    const err = thrown(() => store.update({ ...structuredClone(r), metadata: { ...structuredClone(r.metadata), labels: { v: '3' } } }));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
  });

  it('schema violations are 422 with field causes', () => {
    const store = storeWithCrds();
    const err = thrown(() => store.create(route('bad', -1)));
    expect(err.code).toBe(422);
    expect(err.message).toBe(
      'HTTPRoute.gateway.networking.k8s.io "bad" is invalid: spec.rules[0].backendRefs[0].weight: Invalid value: -1: spec.rules[0].backendRefs[0].weight in body should be greater than or equal to 0',
    );
    const missing = thrown(() => store.create({ apiVersion: `${G}/v1`, kind: 'Gateway', metadata: { name: 'g', namespace: 'app2' }, spec: { listeners: [] } }));
    expect(missing.details?.causes).toContainEqual({ reason: 'FieldValueRequired', field: 'spec.gatewayClassName', message: 'Required value' });
  });

  it('a namespaced object in a missing namespace is 404; names must be DNS-1123', () => {
    const store = storeWithCrds();
    expect(thrown(() => store.create({ ...route('x'), metadata: { name: 'x', namespace: 'nope' } })).message).toBe('namespaces "nope" not found');
    expect(thrown(() => store.create({ ...route('x'), metadata: { name: 'Bad_Name', namespace: 'app2' } })).code).toBe(422);
  });

  it('v1alpha2 and v1 TCPRoute share storage', () => {
    const store = storeWithCrds();
    const made = store.create({ apiVersion: `${G}/v1alpha2`, kind: 'TCPRoute', metadata: { name: 't', namespace: 'app2' }, spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 's', port: 1 }] }] } });
    expect(made.apiVersion).toBe(`${G}/v1`);
    expect(store.list(G, 'TCPRoute', 'app2')).toHaveLength(1);
  });

  it('core and events.k8s.io Events are one object, converted both ways', () => {
    const store = storeWithCrds();
    store.create({ apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'app2' }, reason: 'WeightsChanged', note: 'n', reportingController: 'gatewatch', regarding: { kind: 'HTTPRoute', name: 'b' }, type: 'Normal', eventTime: '2024-01-01T00:00:00.000000Z' });
    const core = store.get({ group: '', kind: 'Event', namespace: 'app2', name: 'e' }) as Record<string, unknown>;
    expect(core).toMatchObject({ apiVersion: 'v1', message: 'n', involvedObject: { kind: 'HTTPRoute', name: 'b' }, source: { component: 'gatewatch' } });
    const v1 = store.get({ group: 'events.k8s.io', kind: 'Event', namespace: 'app2', name: 'e' }) as Record<string, unknown>;
    expect(v1).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'n', regarding: { name: 'b' }, reportingController: 'gatewatch' });
  });

  it('subscribers see every committed change in order, deletes included', () => {
    const store = storeWithCrds();
    const seen: string[] = [];
    const off = store.subscribe((e: StoreEvent) => seen.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`));
    const a = store.create(route('a'));
    const d = store.delete({ group: G, kind: 'HTTPRoute', namespace: 'app2', name: 'a' });
    off();
    store.create(route('b'));
    expect(seen).toEqual([`ADDED a ${a.metadata.resourceVersion}`, `DELETED a ${d.metadata.resourceVersion}`]);
    expect(BigInt(d.metadata.resourceVersion!)).toBeGreaterThan(BigInt(a.metadata.resourceVersion!));
  });

  it('watch history is bounded: resuming before the window is gone', () => {
    const store = storeWithCrds();
    const start = Number(store.resourceVersion());
    for (let i = 0; i < 120; i++) store.create(route(`r${i}`));
    expect(store.objects.watch(`${G}/HTTPRoute`, start, () => {})).toBe('gone');
    const recent = Number(store.list(G, 'HTTPRoute', 'app2').find((o) => o.metadata.name === 'r110')!.metadata.resourceVersion);
    const w = store.objects.watch(`${G}/HTTPRoute`, recent, () => {});
    expect(w).not.toBe('gone');
    if (w !== 'gone') {
      expect(w.replay.map((c) => c.entry.obj.metadata.name)).toEqual(['r111', 'r112', 'r113', 'r114', 'r115', 'r116', 'r117', 'r118', 'r119']);
      w.stop();
    }
  });

  it('load() bulk-creates and reports failures without throwing', () => {
    const store = storeWithCrds();
    const res = store.load([route('x1'), route('x2', -5), route('x3')]);
    expect(res.loaded).toBe(2);
    expect(res.errors).toEqual([{ index: 1, message: expect.stringContaining('weight') }]);
  });

  it('a CRD created at run time becomes a served type; deleting it removes its objects', () => {
    const store = storeWithCrds();
    store.create({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1', served: true, storage: true }] } });
    store.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'app2' } });
    expect(store.list('example.com', 'Widget')).toHaveLength(1);
    store.delete({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', name: 'widgets.example.com' });
    expect(store.registry.byResource('example.com', 'widgets')).toBeUndefined();
  });
});
