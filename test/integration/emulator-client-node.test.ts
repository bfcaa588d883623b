// @kubernetes/client-node against the demo cluster over real HTTP: lists, informers (add/modify/
// delete, 410 → relist), bookmarks, 409 on a stale update, 422 on schema violations, TCPRoute
// versions sharing one object, and metadata-only Secrets.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCluster, startEmulator } from '../../lib/emulator/index';
import { eventually } from '../helpers/kubectl';

const G = 'gateway.networking.k8s.io';
let emu: DemoCluster;
let kc: k8s.KubeConfig;
let custom: k8s.CustomObjectsApi;
let core: k8s.CoreV1Api;

interface Route extends k8s.KubernetesObject {
  spec: { parentRefs?: unknown[]; rules?: { backendRefs?: { name: string; port?: number; weight?: number }[] }[] };
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, bookmarkIntervalMs: 100, log: () => {} });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(emu.kubeconfigPath);
  custom = kc.makeApiClient(k8s.CustomObjectsApi);
  core = kc.makeApiClient(k8s.CoreV1Api);
});

afterAll(async () => {
  await emu?.stop();
});

const route = (name: string, weight: number): Route => ({
  apiVersion: `${G}/v1`,
  kind: 'HTTPRoute',
  metadata: { name, namespace: 'app2' },
  spec: { parentRefs: [{ name: 'envoy-http-ports', namespace: 'gateways' }], rules: [{ backendRefs: [{ name: 'b-v1', port: 8080, weight }] }] },
});

async function apiError(p: Promise<unknown>): Promise<k8s.ApiException<string>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof k8s.ApiException) return err as k8s.ApiException<string>;
    throw err;
  }
  throw new Error('expected the request to fail');
}

describe('client-node against the demo cluster', () => {
  it('lists built-in and Gateway API kinds', async () => {
    const routes = (await custom.listClusterCustomObject({ group: G, version: 'v1', plural: 'httproutes' })) as k8s.KubernetesListObject<Route>;
    expect(routes.items.map((r) => `${r.metadata?.namespace}/${r.metadata?.name}`)).toEqual(['app1/app1', 'app1/app1-typo', 'app2/app2', 'app2/b-split']);
    expect(Number(routes.metadata?.resourceVersion)).toBeGreaterThan(0);
    const svcs = await core.listServiceForAllNamespaces();
    expect(svcs.items.find((s) => s.metadata?.name === 'httpbin')?.spec?.clusterIP).toMatch(/^10\.96\./);
    const page1 = (await custom.listClusterCustomObject({ group: G, version: 'v1', plural: 'httproutes', limit: 3 })) as k8s.KubernetesListObject<Route>;
    expect(page1.items).toHaveLength(3);
    const page2 = (await custom.listClusterCustomObject({ group: G, version: 'v1', plural: 'httproutes', limit: 3, _continue: (page1.metadata as { continue?: string }).continue /* custom objects come back as raw JSON */ })) as k8s.KubernetesListObject<Route>;
    expect(page2.items.map((r) => r.metadata?.name)).toEqual(['b-split']);
    const labelled = await core.listNamespace({ labelSelector: 'istio-injection in (enabled)' });
    expect(labelled.items.map((n) => n.metadata?.name)).toEqual(['app2']);
  });

  it('an informer sees add, modify and delete', async () => {
    const listFn = () => custom.listNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes' }) as Promise<k8s.KubernetesListObject<Route>>;
    const informer = k8s.makeInformer<Route>(kc, `/apis/${G}/v1/namespaces/app2/httproutes`, listFn);
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => seen.push(`update ${o.metadata?.name} ${o.spec.rules?.[0]?.backendRefs?.[0]?.weight}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    informer.on('error', () => {});
    await informer.start();
    try {
      await eventually(() => seen.includes('add b-split'));
      const created = (await custom.createNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', body: route('inf-1', 3) })) as Route;
      expect(created.metadata?.generation).toBe(1);
      await eventually(() => seen.includes('add inf-1'));
      await custom.patchNamespacedCustomObject(
        { group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', name: 'inf-1', body: { spec: { rules: [{ backendRefs: [{ name: 'b-v1', port: 8080, weight: 9 }] }] } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
      await eventually(() => seen.includes('update inf-1 9'));
      await custom.deleteNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', name: 'inf-1' });
      await eventually(() => seen.includes('delete inf-1'));
      expect(informer.get('inf-1', 'app2')).toBeUndefined();
    } finally {
      await informer.stop();
    }
  });

  it('bookmarks arrive on a watch that allows them', async () => {
    const list = (await custom.listClusterCustomObject({ group: G, version: 'v1', plural: 'gateways' })) as k8s.KubernetesListObject<k8s.KubernetesObject>;
    const watchersBefore = emu.store.objects.watcherCount();
    const phases: { type: string; rv?: string }[] = [];
    const controller = await new k8s.Watch(kc).watch(
      `/apis/${G}/v1/gateways`,
      { allowWatchBookmarks: true, resourceVersion: list.metadata?.resourceVersion },
      (type, obj: k8s.KubernetesObject) => phases.push({ type, rv: obj.metadata?.resourceVersion }),
      () => {},
    );
    try {
      await eventually(() => phases.some((p) => p.type === 'BOOKMARK'));
      const bm = phases.find((p) => p.type === 'BOOKMARK')!;
      expect(Number(bm.rv)).toBeGreaterThanOrEqual(Number(list.metadata?.resourceVersion));
    } finally {
      controller.abort();
    }
    // The server lets go of a watch whose client went away.
    await eventually(() => emu.store.objects.watcherCount() === watchersBefore);
  });

  it('sendInitialEvents gives the current objects, then the initial-events-end bookmark', async () => {
    const events: { type: string; name?: string; end?: string }[] = [];
    const controller = await new k8s.Watch(kc).watch(
      `/apis/${G}/v1/namespaces/app1/httproutes`,
      { allowWatchBookmarks: true, sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan' },
      (type, obj: k8s.KubernetesObject) => events.push({ type, name: obj.metadata?.name, end: obj.metadata?.annotations?.['k8s.io/initial-events-end'] }),
      () => {},
    );
    try {
      await eventually(() => events.some((e) => e.end === 'true'));
      const end = events.findIndex((e) => e.end === 'true');
      expect(events.slice(0, end).map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED app1', 'ADDED app1-typo']);
    } finally {
      controller.abort();
    }
  });

  it('a watch from a compacted resourceVersion gets 410 Gone, and the informer relists', async () => {
    const stale = emu.store.resourceVersion();
    emu.store.create(route('gone-1', 1) as never);
    emu.compact();
    const errors: { type: string; code?: number }[] = [];
    let closed = false;
    await new k8s.Watch(kc).watch(`/apis/${G}/v1/httproutes`, { resourceVersion: stale }, (type, obj: { code?: number }) => errors.push({ type, code: obj.code }), () => (closed = true));
    await eventually(() => closed);
    expect(errors).toEqual([{ type: 'ERROR', code: 410 }]);

    const listFn = () => custom.listNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes' }) as Promise<k8s.KubernetesListObject<Route>>;
    const informer = k8s.makeInformer<Route>(kc, `/apis/${G}/v1/namespaces/app2/httproutes`, listFn);
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    informer.on('error', () => {});
    await informer.start();
    try {
      await eventually(() => seen.includes('add gone-1'));
      // While no watch is open, change the cluster and drop the history: the re-watch from the
      // informer's last resourceVersion is answered 410, so only a relist can show these changes.
      emu.closeWatches();
      emu.store.delete({ group: G, kind: 'HTTPRoute', namespace: 'app2', name: 'gone-1' });
      emu.store.create(route('gone-2', 1) as never);
      emu.compact();
      await eventually(() => seen.includes('delete gone-1') && seen.includes('add gone-2'));
      expect(informer.list().map((o) => o.metadata?.name)).toContain('gone-2');
    } finally {
      await informer.stop();
    }
  });

  it('a stale update is refused with 409 Conflict and a Status body', async () => {
    const cur = (await custom.getNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', name: 'app2' })) as Route;
    const fresh = structuredClone(cur);
    fresh.metadata!.labels = { step: 'one' };
    await custom.replaceNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', name: 'app2', body: fresh });
    cur.metadata!.labels = { step: 'stale' };
    const err = await apiError(custom.replaceNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', name: 'app2', body: cur }));
    expect(err.code).toBe(409);
    const status = JSON.parse(err.body) as { kind: string; reason: string; message: string };
    expect(status).toMatchObject({ kind: 'Status', reason: 'Conflict' });
    expect(status.message).toContain('the object has been modified');
  });

  it.each([
    [-1, 'should be greater than or equal to 0'],
    [2_000_000, 'should be less than or equal to 1000000'],
  ])('weight %d is refused with 422 Invalid naming the field', async (weight, text) => {
    const err = await apiError(custom.createNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app2', plural: 'httproutes', body: route('bad-weight', weight) }));
    expect(err.code).toBe(422);
    const status = JSON.parse(err.body) as { reason: string; message: string; details: { causes: { reason: string; field: string; message: string }[] } };
    expect(status.reason).toBe('Invalid');
    expect(status.message).toBe(`HTTPRoute.gateway.networking.k8s.io "bad-weight" is invalid: spec.rules[0].backendRefs[0].weight: Invalid value: ${weight}: spec.rules[0].backendRefs[0].weight in body ${text}`);
    expect(status.details.causes).toEqual([{ reason: 'FieldValueInvalid', field: 'spec.rules[0].backendRefs[0].weight', message: expect.stringContaining(text) }]);
    expect(emu.store.get({ group: G, kind: 'HTTPRoute', namespace: 'app2', name: 'bad-weight' })).toBeUndefined();
  });

  it('v1alpha2 and v1 TCPRoute are the same object', async () => {
    const a = (await custom.getNamespacedCustomObject({ group: G, version: 'v1alpha2', namespace: 'app1', plural: 'tcproutes', name: 'mongodb' })) as k8s.KubernetesObject;
    const b = (await custom.getNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app1', plural: 'tcproutes', name: 'mongodb' })) as k8s.KubernetesObject;
    expect(a.apiVersion).toBe(`${G}/v1alpha2`);
    expect(b.apiVersion).toBe(`${G}/v1`);
    expect(a.metadata?.uid).toBe(b.metadata?.uid);
    expect(a.metadata?.resourceVersion).toBe(b.metadata?.resourceVersion);
    await custom.patchNamespacedCustomObject(
      { group: G, version: 'v1alpha2', namespace: 'app1', plural: 'tcproutes', name: 'mongodb', body: { metadata: { labels: { via: 'v1alpha2' } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const c = (await custom.getNamespacedCustomObject({ group: G, version: 'v1', namespace: 'app1', plural: 'tcproutes', name: 'mongodb' })) as k8s.KubernetesObject;
    expect(c.metadata?.labels?.via).toBe('v1alpha2');
  });

  it('Secrets read as PartialObjectMetadata carry no data', async () => {
    await core.createNamespacedSecret({ namespace: 'app1', body: { metadata: { name: 'db-password' }, stringData: undefined, data: { password: Buffer.from('s3cr3t-value').toString('base64') } } });
    const opts = await kc.applyToFetchOptions({});
    const headers: Record<string, string> = {};
    (opts.headers as unknown as { forEach(cb: (v: string, k: string) => void): void }).forEach((v, k) => (headers[k] = v));
    headers.Accept = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
    const res = await fetch(`${emu.url}/api/v1/secrets`, { headers });
    const text = await res.text();
    const body = JSON.parse(text) as { kind: string; items: { kind: string; metadata: { name: string } }[] };
    expect(body.kind).toBe('PartialObjectMetadataList');
    expect(body.items.map((i) => i.metadata.name)).toContain('gw-cadec2024');
    expect(body.items.every((i) => i.kind === 'PartialObjectMetadata' && !('data' in i))).toBe(true);
    expect(text).not.toContain(Buffer.from('s3cr3t-value').toString('base64'));
  });

  it('server-side apply through KubernetesObjectApi creates, then updates, recording the manager', async () => {
    const api = k8s.KubernetesObjectApi.makeApiClient(kc);
    const spec = route('ssa-1', 2);
    await api.patch(spec, undefined, undefined, 'gitops-controller', true, k8s.PatchStrategy.ServerSideApply);
    spec.spec.rules![0].backendRefs![0].weight = 4;
    const out = (await api.patch(spec, undefined, undefined, 'gitops-controller', true, k8s.PatchStrategy.ServerSideApply)) as Route;
    expect(out.spec.rules?.[0]?.backendRefs?.[0]?.weight).toBe(4);
    expect(out.metadata?.generation).toBe(2);
    expect(out.metadata?.managedFields?.find((m) => m.manager === 'gitops-controller')?.operation).toBe('Apply');
  });

  it('verbs on the deny list are refused (403) and SelfSubjectAccessReview says so', async () => {
    const limited = await startEmulator({ port: 0, fixturesDir: null, controller: false, deny: ['patch:httproutes'], log: () => {} });
    try {
      const lkc = new k8s.KubeConfig();
      lkc.loadFromFile(limited.kubeconfigPath);
      const authz = lkc.makeApiClient(k8s.AuthorizationV1Api);
      const review = (verb: string) => authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { verb, group: G, resource: 'httproutes', namespace: 'default' } } } });
      expect((await review('patch')).status?.allowed).toBe(false);
      expect((await review('list')).status?.allowed).toBe(true);
      const lc = lkc.makeApiClient(k8s.CustomObjectsApi);
      await lc.createNamespacedCustomObject({ group: G, version: 'v1', namespace: 'default', plural: 'httproutes', body: { ...route('r', 1), metadata: { name: 'r', namespace: 'default' } } });
      const err = await apiError(
        lc.patchNamespacedCustomObject({ group: G, version: 'v1', namespace: 'default', plural: 'httproutes', name: 'r', body: { metadata: { labels: { a: 'b' } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch)),
      );
      expect(err.code).toBe(403);
      expect(limited.store.get({ group: G, kind: 'HTTPRoute', namespace: 'default', name: 'r' })?.metadata.labels).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });

  it('a CRD created at run time becomes servable and visible in discovery; deleting removes it', async () => {
    const ext = kc.makeApiClient(k8s.ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({
      body: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: {
          group: 'example.com',
          scope: 'Namespaced',
          names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
          versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', minimum: 1 } } } } } } }],
        },
      },
    });
    const apis = (await (await fetch(`${emu.url}/apis`)).json()) as { groups: { name: string }[] };
    expect(apis.groups.map((g) => g.name)).toContain('example.com');
    await custom.createNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'app1', plural: 'widgets', body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 2 } } });
    const bad = await apiError(custom.createNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'app1', plural: 'widgets', body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w2' }, spec: { size: 0 } } }));
    expect(bad.code).toBe(422);
    await ext.deleteCustomResourceDefinition({ name: 'widgets.example.com' });
    const gone = await fetch(`${emu.url}/apis/example.com/v1/namespaces/app1/widgets`);
    expect(gone.status).toBe(404);
  });
});
