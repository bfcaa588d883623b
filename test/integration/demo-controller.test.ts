// The demo controller seen through @kubernetes/client-node over real HTTP: the reference environment's
// conformant status, and status following a spec change with the new observedGeneration.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCluster, startEmulator } from '../../lib/emulator/index';
import type { Condition, Gateway, GatewayClass, Route } from '../../lib/gateway-api/types';

const G = 'gateway.networking.k8s.io';
let emu: DemoCluster;
let custom: k8s.CustomObjectsApi;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, log: () => {} });
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(emu.kubeconfigPath);
  custom = kc.makeApiClient(k8s.CustomObjectsApi);
});
afterAll(async () => {
  await emu?.stop();
});

/** Polls until `fn` returns a value (the controller works asynchronously); no timing is asserted. */
async function until<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const cond = (c: Condition[] | undefined, type: string) => c?.find((x) => x.type === type);
const getRoute = (ns: string, name: string) => custom.getNamespacedCustomObject({ group: G, version: 'v1', namespace: ns, plural: 'httproutes', name }) as Promise<Route>;
const getGateway = (name: string) =>
  custom.getNamespacedCustomObject({ group: G, version: 'v1', namespace: 'gateways', plural: 'gateways', name }) as Promise<Gateway>;

describe('demo controller over HTTP', () => {
  it('writes the reference environment status', async () => {
    const typo = await until(async () => {
      const r = await getRoute('app1', 'app1-typo');
      return r.status?.parents?.length ? r : undefined;
    });
    expect(typo.status!.parents![0]!.controllerName).toBe('gateway.envoyproxy.io/gatewayclass-controller');
    expect(cond(typo.status!.parents![0]!.conditions, 'Accepted')).toMatchObject({ status: 'True' });
    expect(cond(typo.status!.parents![0]!.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });

    const classes = (await custom.listClusterCustomObject({ group: G, version: 'v1', plural: 'gatewayclasses' })) as { items: GatewayClass[] };
    for (const gc of classes.items) expect(cond(gc.status?.conditions, 'Accepted')?.status).toBe('True');

    const attached = async (name: string) => Object.fromEntries(((await getGateway(name)).status?.listeners ?? []).map((l) => [l.name, l.attachedRoutes]));
    expect(await attached('envoy-http-ports')).toEqual({ https: 2 });
    expect(await attached('istio-http-ports')).toEqual({ https: 1, http: 2 });
    expect(await attached('envoy-tcp-mongodb')).toEqual({ 'tcp-mongodb': 1 });
    expect(await attached('istio-tcp-mongodb')).toEqual({ 'tcp-mongodb': 1 });
    for (const name of ['envoy-http-ports', 'istio-http-ports']) {
      const gw = await getGateway(name);
      expect(cond(gw.status?.conditions, 'Accepted')?.status).toBe('True');
      expect(cond(gw.status?.conditions, 'Programmed')?.status).toBe('True');
    }
    const orphan = await getGateway('envoy-tcp-mongodb-typo');
    expect(orphan.status?.listeners ?? []).toEqual([]);
    expect((orphan.status?.conditions ?? []).every((c) => c.reason === 'Pending')).toBe(true);

    const mesh = await getRoute('app2', 'b-split');
    expect(mesh.status!.parents![0]).toMatchObject({ controllerName: 'istio.io/gateway-controller' });
    expect(cond(mesh.status!.parents![0]!.conditions, 'ResolvedRefs')?.status).toBe('True');
  });

  it('follows a broken backend with the new observedGeneration', async () => {
    const patched = (await custom.patchNamespacedCustomObject(
      {
        group: G,
        version: 'v1',
        namespace: 'app1',
        plural: 'httproutes',
        name: 'app1',
        body: [{ op: 'replace', path: '/spec/rules/0/backendRefs/0/name', value: 'gone' }],
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    )) as Route;
    const generation = patched.metadata.generation!;
    const entry = await until(async () => {
      const p = (await getRoute('app1', 'app1')).status?.parents?.[0];
      return cond(p?.conditions, 'ResolvedRefs')?.observedGeneration === generation ? p : undefined;
    });
    expect(cond(entry.conditions, 'ResolvedRefs')).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
    expect(cond(entry.conditions, 'Accepted')).toMatchObject({ status: 'True', observedGeneration: generation });
  });
});
