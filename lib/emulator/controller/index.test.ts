import { afterEach, describe, expect, it } from 'vitest';
import type { Condition, Gateway, KObject, Route } from '../../gateway-api/types';
import { referenceEnv } from '../../analyze/testing/fixtures';
import { attachDemoController } from './index';
import { MemoryStore } from './testing/memory-store';

async function until<T>(fn: () => T | undefined | false): Promise<T> {
  for (;;) {
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const cond = (conds: Condition[] | undefined, type: string) => conds?.find((c) => c.type === type);
let stop: (() => void) | undefined;
afterEach(() => stop?.());

function loaded(): MemoryStore {
  const store = new MemoryStore();
  for (const o of referenceEnv()) store.create(o);
  return store;
}

const parentsOf = (store: MemoryStore, ns: string, name: string) =>
  (store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: ns, name }) as Route).status?.parents;

describe('demo controller on the reference environment', () => {
  it('writes the conformant status and then stays quiet', async () => {
    const store = loaded();
    stop = attachDemoController(store, { debounceMs: 5 });
    await until(() => parentsOf(store, 'app1', 'app1-typo'));
    await new Promise((r) => setTimeout(r, 50));

    for (const gc of store.list('gateway.networking.k8s.io', 'GatewayClass')) {
      expect(cond((gc.status as { conditions: Condition[] }).conditions, 'Accepted')?.status).toBe('True');
    }
    const gw = (name: string) => store.get({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'gateways', name }) as Gateway;
    const attached = (name: string) => Object.fromEntries((gw(name).status?.listeners ?? []).map((l) => [l.name, l.attachedRoutes]));
    expect(attached('envoy-http-ports')).toEqual({ https: 2 });
    expect(attached('istio-http-ports')).toEqual({ https: 1, http: 2 });
    expect(attached('envoy-tcp-mongodb')).toEqual({ 'tcp-mongodb': 1 });
    expect(attached('istio-tcp-mongodb')).toEqual({ 'tcp-mongodb': 1 });
    for (const name of ['envoy-http-ports', 'istio-http-ports', 'envoy-tcp-mongodb', 'istio-tcp-mongodb']) {
      expect(cond(gw(name).status?.conditions, 'Accepted')?.status).toBe('True');
      expect(cond(gw(name).status?.conditions, 'Programmed')?.status).toBe('True');
    }
    expect(gw('envoy-tcp-mongodb-typo').status).toBeUndefined();

    const typo = parentsOf(store, 'app1', 'app1-typo')!;
    expect(typo).toHaveLength(1);
    expect(typo[0]!.controllerName).toBe('gateway.envoyproxy.io/gatewayclass-controller');
    expect(cond(typo[0]!.conditions, 'Accepted')).toMatchObject({ status: 'True', reason: 'Accepted', observedGeneration: 1 });
    expect(cond(typo[0]!.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });

    const mesh = parentsOf(store, 'app2', 'b-split')!;
    expect(mesh[0]!.controllerName).toBe('istio.io/gateway-controller');
    expect(cond(mesh[0]!.conditions, 'Accepted')?.status).toBe('True');
    expect(cond(mesh[0]!.conditions, 'ResolvedRefs')?.status).toBe('True');

    // No write loop: after settling, nothing more is written.
    const writes = store.statusWrites;
    await new Promise((r) => setTimeout(r, 100));
    expect(store.statusWrites).toBe(writes);
  });

  it('follows a spec change with the new observedGeneration and keeps unchanged transition times', async () => {
    const store = loaded();
    stop = attachDemoController(store, { debounceMs: 5 });
    await until(() => parentsOf(store, 'app1', 'app1'));
    const before = cond(parentsOf(store, 'app1', 'app1')![0]!.conditions, 'Accepted')!;

    const route = structuredClone(store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app1', name: 'app1' })) as Route;
    route.spec.rules![0]!.backendRefs![0]!.name = 'nope';
    store.update(route as KObject);

    const after = await until(() => {
      const p = parentsOf(store, 'app1', 'app1')?.[0];
      const rr = cond(p?.conditions, 'ResolvedRefs');
      return rr?.observedGeneration === 2 ? p : undefined;
    });
    expect(cond(after.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
    expect(cond(after.conditions, 'Accepted')).toMatchObject({ status: 'True', observedGeneration: 2, lastTransitionTime: before.lastTransitionTime });
  });

  it('writes nothing after stop()', async () => {
    const store = loaded();
    attachDemoController(store, { debounceMs: 5 })();
    await new Promise((r) => setTimeout(r, 50));
    expect(store.statusWrites).toBe(0);
  });
});
