import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import type { GatewayNode, RouteNode } from '../wire/types';
import { buildTopology, snapshotFromObjects, type ModelContext } from './index';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'x' }, health: { state: 'ok' }, kinds: [], generatedAt: 't' };
const GW = 'gateway.networking.k8s.io/v1';
const cond = (type: string, status: string, reason: string, observedGeneration?: number, lastTransitionTime = '2026-01-01T00:00:00Z') =>
  ({ type, status, reason, message: '', lastTransitionTime, observedGeneration });

const gateway: KObject = {
  apiVersion: GW,
  kind: 'Gateway',
  metadata: { name: 'gw', namespace: 'infra', generation: 3 },
  spec: {
    gatewayClassName: 'c',
    listeners: [
      { name: 'web', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'All' } } },
      { name: 'tcp', protocol: 'TCP', port: 9000, allowedRoutes: { namespaces: { from: 'All' } } },
      { name: 'only-team', protocol: 'HTTP', port: 8080, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'a' } } } } },
    ],
  },
  status: {
    conditions: [cond('Accepted', 'True', 'Accepted', 2), cond('Programmed', 'Unknown', 'Pending', undefined, '1970-01-01T00:00:00Z')],
    listeners: [{ name: 'web', attachedRoutes: 2, supportedKinds: [{ kind: 'HTTPRoute' }], conditions: [cond('Accepted', 'True', 'Accepted', 3)] }],
  },
};
const route = (name: string, parentRefs: unknown[], status?: unknown[], extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: GW,
  kind: 'HTTPRoute',
  metadata: { name, namespace: 'apps', generation: 1 },
  spec: { parentRefs, rules: [{ backendRefs: [{ name: 'svc', port: 80, weight: 0 }] }], ...extra },
  ...(status ? { status: { parents: status } } : {}),
});
const objects: KObject[] = [
  gateway,
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels: { team: 'a' } } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'apps' }, spec: { ports: [{ port: 80 }] } },
  route('ok', [{ name: 'gw', namespace: 'infra', sectionName: 'web' }], [
    { parentRef: { name: 'gw', namespace: 'infra', sectionName: 'web' }, controllerName: 'x.io/c', conditions: [cond('Accepted', 'True', 'Accepted', 1)] },
  ]),
  route('rejected', [{ name: 'gw', namespace: 'infra', port: 80 }], [
    { parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', namespace: 'infra', port: 80 }, controllerName: 'x.io/c', conditions: [cond('Accepted', 'False', 'NotAllowedByListeners', 1)] },
  ]),
  route('nosection', [{ name: 'gw', namespace: 'infra', sectionName: 'nope' }]),
  route('whole', [{ name: 'gw', namespace: 'infra' }]),
  route('ghostparent', [{ name: 'missing', namespace: 'infra' }]),
  route('cross', [{ name: 'gw', namespace: 'infra', sectionName: 'web' }], undefined, {
    rules: [{ matches: [{ method: 'GET', path: { type: 'PathPrefix', value: '/api' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }], backendRefs: [{ name: 'other', namespace: 'elsewhere', port: 80 }] }],
  }),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: 'elsewhere' }, spec: {} },
];
const topo = buildTopology(snapshotFromObjects(objects), ctx, 1);
const edges = (routeName: string) => topo.edges.filter((e) => e.kind === 'attachment' && e.target === `HTTPRoute:apps/${routeName}`);

describe('status and attachment semantics', () => {
  it('marks stale and pending conditions', () => {
    const gw = topo.nodes.find((n) => n.id === 'Gateway:infra/gw') as GatewayNode;
    expect(gw.conditions.map((c) => [c.type, c.stale, c.pending])).toEqual([['Accepted', true, false], ['Programmed', false, true]]);
    expect(gw.listeners[0]).toMatchObject({ attachedRoutes: 2, supportedKinds: ['HTTPRoute'] });
    expect(gw.listeners[0].conditions[0].stale).toBe(false);
    expect(topo.nodes.find((n) => n.id === 'GatewayClass:c')).toMatchObject({ missing: true });
  });

  it('takes accepted and reason from what the controller wrote for that parentRef', () => {
    expect(edges('ok').map((e) => [e.sourceHandle, e.accepted, e.reason])).toEqual([['listener:web', true, undefined]]);
    const ok = topo.nodes.find((n) => n.id === 'HTTPRoute:apps/ok') as RouteNode;
    expect(ok.parents[0].statuses[0]).toMatchObject({ controllerName: 'x.io/c' });
    expect(ok.parents[0].statuses[0].conditions[0]).toMatchObject({ controllerName: 'x.io/c', stale: false });
    // port 80 selects listener web only; defaulted group/kind in status still match the spec ref
    expect(edges('rejected').map((e) => [e.sourceHandle, e.accepted, e.reason])).toEqual([['listener:web', false, 'NotAllowedByListeners']]);
  });

  it('draws one unaccepted edge to the Gateway when the parentRef selects no listener', () => {
    expect(edges('nosection').map((e) => [e.id, e.sourceHandle, e.accepted, e.reason])).toEqual([
      ['attach|HTTPRoute:apps/nosection|p0|*', undefined, false, 'NoMatchingParent'],
    ]);
  });

  it('narrows a whole-Gateway parentRef to listeners that admit the route kind and namespace', () => {
    expect(edges('whole').map((e) => e.sourceHandle)).toEqual(['listener:only-team', 'listener:web']);
  });

  it('draws a missing parent Gateway as a ghost', () => {
    expect(topo.nodes.find((n) => n.id === 'Gateway:infra/missing')).toMatchObject({ missing: true });
    expect(edges('ghostparent').map((e) => [e.source, e.accepted, e.sourceHandle])).toEqual([['Gateway:infra/missing', 'unknown', undefined]]);
  });

  it('reports a zero total weight as share 0, and a cross-namespace backend without a grant as unresolved', () => {
    const zero = topo.edges.find((e) => e.id === 'backend|HTTPRoute:apps/ok|r0|b0')!;
    expect([zero.weight, zero.share, zero.totalWeight, zero.resolved]).toEqual([0, 0, 0, true]);
    const cross = topo.edges.find((e) => e.id === 'backend|HTTPRoute:apps/cross|r0|b0')!;
    expect([cross.target, cross.resolved, cross.reason]).toEqual(['Service:elsewhere/other', false, 'RefNotPermitted']);
    const r = topo.nodes.find((n) => n.id === 'HTTPRoute:apps/cross') as RouteNode;
    expect(r.rules[0].matches).toEqual(['GET /api']);
    expect(r.rules[0].filters).toEqual(['redirect 301 https://…']);
  });

  it('resolves a cross-namespace backend once a ReferenceGrant permits it', () => {
    const grant: KObject = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'g', namespace: 'elsewhere' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'apps' }], to: [{ group: '', kind: 'Service' }] },
    };
    const t = buildTopology(snapshotFromObjects([...objects, grant]), ctx, 2);
    expect(t.edges.find((e) => e.id === 'backend|HTTPRoute:apps/cross|r0|b0')).toMatchObject({ resolved: true });
  });
});
