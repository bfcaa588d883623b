import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import { snapshotFromObjects } from '../model/snapshot';
import type { Finding } from '../wire/types';
import { analyze } from './analyze';
import { deployment, gateway, gatewayClass, grant, ns, route, secret, service } from './testing/objects';

/** A working baseline: one class, one Gateway in `infra` admitting all namespaces, a Service in `app`. */
const baseline = (): KObject[] => [
  ns('infra'),
  ns('app', { team: 'a' }),
  gatewayClass(),
  gateway('gw', 'infra', [{ name: 'http', allowedRoutes: { namespaces: { from: 'All' } } }]),
  service('svc', 'app'),
  deployment('svc', 'app', { app: 'svc' }),
];

const run = (objs: KObject[], expectStatus = false) => analyze(snapshotFromObjects(objs), { expectStatus });
const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.reason}`);
const httpRoute = (spec: Parameters<typeof route>[3], name = 'r', namespace = 'app') =>
  route('HTTPRoute', name, namespace, { parentRefs: [{ name: 'gw', namespace: 'infra' }], ...spec });

describe('baseline', () => {
  it('a correct route has no findings', () => {
    expect(run([...baseline(), httpRoute({})])).toEqual([]);
  });
});

describe('parent refs', () => {
  it('parent-not-found with did-you-mean', () => {
    const f = run([...baseline(), httpRoute({ parentRefs: [{ name: 'gx', namespace: 'infra' }] })]);
    expect(rules(f)).toContain('parent-not-found:NoMatchingParent');
    expect(f.find((x) => x.rule === 'parent-not-found')!.message).toContain('did you mean gw?');
  });
  it('parent in another namespace is suggested', () => {
    const f = run([...baseline(), httpRoute({ parentRefs: [{ name: 'gw' }] })]);
    expect(f.find((x) => x.rule === 'parent-not-found')!.message).toContain('did you mean infra/gw?');
  });
  it('NoMatchingParent for sectionName and port', () => {
    expect(rules(run([...baseline(), httpRoute({ parentRefs: [{ name: 'gw', namespace: 'infra', sectionName: 'nope' }] })]))).toContain(
      'no-matching-parent:NoMatchingParent',
    );
    expect(rules(run([...baseline(), httpRoute({ parentRefs: [{ name: 'gw', namespace: 'infra', port: 81 }] })]))).toContain(
      'no-matching-parent:NoMatchingParent',
    );
    expect(run([...baseline(), httpRoute({ parentRefs: [{ name: 'gw', namespace: 'infra', sectionName: 'http', port: 80 }] })])).toEqual([]);
  });
  it('NotAllowedByListeners: namespaces Same', () => {
    const objs = [...baseline(), gateway('same', 'infra', [{ name: 'http' }])];
    const bad = run([...objs, httpRoute({ parentRefs: [{ name: 'same', namespace: 'infra' }] })]);
    expect(rules(bad)).toContain('not-allowed-by-listeners:NotAllowedByListeners');
    expect(bad.find((f) => f.rule === 'not-allowed-by-listeners')!.suggestion).toContain('allowedRoutes.namespaces.from');
    const good = run([...objs, service('svc', 'infra'), deployment('svc', 'infra', { app: 'svc' }), httpRoute({ parentRefs: [{ name: 'same' }] }, 'r', 'infra')]);
    expect(good).toEqual([]);
  });
  it('NotAllowedByListeners: namespaces Selector with matchLabels and matchExpressions', () => {
    const sel = (selector: object) => gateway('sel', 'infra', [{ name: 'http', allowedRoutes: { namespaces: { from: 'Selector', selector } } }]);
    const r = httpRoute({ parentRefs: [{ name: 'sel', namespace: 'infra' }] });
    expect(run([...baseline(), sel({ matchLabels: { team: 'a' } }), r])).toEqual([]);
    expect(rules(run([...baseline(), sel({ matchLabels: { team: 'b' } }), r]))).toContain('not-allowed-by-listeners:NotAllowedByListeners');
    expect(run([...baseline(), sel({ matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'c'] }] }), r])).toEqual([]);
    expect(rules(run([...baseline(), sel({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }), r]))).toContain(
      'not-allowed-by-listeners:NotAllowedByListeners',
    );
  });
  it('NotAllowedByListeners: allowedRoutes.kinds and protocol', () => {
    const kinds = gateway('k', 'infra', [{ name: 'http', allowedRoutes: { namespaces: { from: 'All' }, kinds: [{ kind: 'GRPCRoute' }] } }]);
    expect(rules(run([...baseline(), kinds, httpRoute({ parentRefs: [{ name: 'k', namespace: 'infra' }] })]))).toContain(
      'not-allowed-by-listeners:NotAllowedByListeners',
    );
    const tcp = gateway('tcp', 'infra', [{ name: 'tcp', protocol: 'TCP', port: 9000, allowedRoutes: { namespaces: { from: 'All' } } }]);
    const https = gateway('tls', 'infra', [
      { name: 'https', protocol: 'HTTPS', port: 443, allowedRoutes: { namespaces: { from: 'All' } }, tls: { certificateRefs: [{ name: 'cert' }] } },
    ]);
    const objs = [...baseline(), tcp, https, secret('cert', 'infra')];
    expect(rules(run([...objs, httpRoute({ parentRefs: [{ name: 'tcp', namespace: 'infra' }] })]))).toContain('not-allowed-by-listeners:NotAllowedByListeners');
    expect(rules(run([...objs, route('TCPRoute', 't', 'app', { parentRefs: [{ name: 'gw', namespace: 'infra' }] })]))).toContain(
      'not-allowed-by-listeners:NotAllowedByListeners',
    );
    expect(rules(run([...objs, route('TLSRoute', 't', 'app', { parentRefs: [{ name: 'tls', namespace: 'infra' }], hostnames: ['a.com'] })]))).toContain(
      'not-allowed-by-listeners:NotAllowedByListeners',
    );
    expect(run([...objs, route('TCPRoute', 't', 'app', { parentRefs: [{ name: 'tcp', namespace: 'infra' }] })])).toEqual([]);
    expect(run([...objs, httpRoute({ parentRefs: [{ name: 'tls', namespace: 'infra' }] })])).toEqual([]);
  });
  it('NoMatchingListenerHostname', () => {
    const h = gateway('h', 'infra', [{ name: 'http', hostname: '*.example.com', allowedRoutes: { namespaces: { from: 'All' } } }]);
    expect(rules(run([...baseline(), h, httpRoute({ parentRefs: [{ name: 'h', namespace: 'infra' }], hostnames: ['example.com'] })]))).toContain(
      'no-matching-listener-hostname:NoMatchingListenerHostname',
    );
    expect(run([...baseline(), h, httpRoute({ parentRefs: [{ name: 'h', namespace: 'infra' }], hostnames: ['a.example.com'] })])).toEqual([]);
  });
  it('route attached to nothing', () => {
    expect(rules(run([...baseline(), httpRoute({ parentRefs: [] })]))).toEqual(['route-unattached:NoParentRefs']);
    expect(rules(run([...baseline(), httpRoute({ parentRefs: [{ name: 'gw', namespace: 'infra', port: 1 }] })]))).toContain('route-unattached:NotAttached');
  });
  it('mesh parent: a Service that exists is accepted; a missing one is not', () => {
    const mesh = (name: string) => httpRoute({ parentRefs: [{ group: '', kind: 'Service', name, port: 80 }] });
    expect(run([...baseline(), mesh('svc')])).toEqual([]);
    expect(rules(run([...baseline(), mesh('svx')]))).toContain('parent-not-found:NoMatchingParent');
  });
});

describe('backend refs', () => {
  it('BackendNotFound with did-you-mean', () => {
    const f = run([...baseline(), httpRoute({ rules: [{ backendRefs: [{ name: 'svx', port: 80 }] }] })]);
    expect(f[0]).toMatchObject({ severity: 'error', reason: 'BackendNotFound', condition: 'ResolvedRefs', message: 'Service app/svx not found — did you mean svc?' });
  });
  it('InvalidKind', () => {
    expect(rules(run([...baseline(), httpRoute({ rules: [{ backendRefs: [{ group: 'x.io', kind: 'Thing', name: 'svc' }] }] })]))).toEqual([
      'backend-invalid-kind:InvalidKind',
    ]);
  });
  it('RefNotPermitted with the ReferenceGrant that fixes it', () => {
    const objs = [...baseline(), ns('other'), service('far', 'other'), deployment('far', 'other', { app: 'far' })];
    const r = httpRoute({ rules: [{ backendRefs: [{ name: 'far', namespace: 'other', port: 80 }] }] });
    const f = run([...objs, r]);
    expect(rules(f)).toEqual(['backend-ref-not-permitted:RefNotPermitted']);
    expect(f[0]!.suggestion).toContain('kind: ReferenceGrant');
    expect(f[0]!.suggestion).toContain('namespace: other');
    expect(run([...objs, r, grant('other', { kind: 'HTTPRoute', namespace: 'app' }, { kind: 'Service', name: 'far' })])).toEqual([]);
    // Mesh routes need no grant (GEP-1294).
    const mesh = httpRoute({ parentRefs: [{ group: '', kind: 'Service', name: 'svc', port: 80 }], rules: [{ backendRefs: [{ name: 'far', namespace: 'other', port: 80 }] }] });
    expect(run([...objs, mesh])).toEqual([]);
  });
  it('a port the Service does not expose', () => {
    expect(rules(run([...baseline(), httpRoute({ rules: [{ backendRefs: [{ name: 'svc', port: 81 }] }] })]))).toEqual([
      'backend-port-missing:ServicePortNotFound',
    ]);
  });
  it('all weights zero (warning)', () => {
    const zero = httpRoute({ rules: [{ backendRefs: [{ name: 'svc', port: 80, weight: 0 }] }] });
    expect(run([...baseline(), zero])).toMatchObject([{ severity: 'warning', rule: 'weights-all-zero' }]);
    expect(run([...baseline(), httpRoute({ rules: [{ backendRefs: [{ name: 'svc', port: 80, weight: 0 }, { name: 'svc', port: 80, weight: 1 }] }] })])).toEqual([]);
  });
  it('UnsupportedProtocol for an HTTPRoute to a non-HTTP port', () => {
    const svc: KObject = { ...service('db', 'app'), spec: { selector: { app: 'svc' }, ports: [{ port: 27017, appProtocol: 'mongodb' }] } };
    expect(rules(run([...baseline(), svc, httpRoute({ rules: [{ backendRefs: [{ name: 'db', port: 27017 }] }] })]))).toEqual([
      'backend-unsupported-protocol:UnsupportedProtocol',
    ]);
  });
  it('a Service backing a route that selects no workload (warning)', () => {
    const lonely = [...baseline().filter((o) => o.kind !== 'Deployment'), deployment('other', 'app', { app: 'other' })];
    expect(run([...lonely, httpRoute({})])).toMatchObject([{ severity: 'warning', rule: 'service-no-workload', kind: 'Service', name: 'svc' }]);
    expect(run([...baseline(), httpRoute({})])).toEqual([]);
  });
});

describe('gateways and listeners', () => {
  it('GatewayClass not found, with did-you-mean', () => {
    const f = run([...baseline(), gateway('g2', 'infra', [{ name: 'http' }], 'gcc')]);
    expect(f[0]).toMatchObject({ reason: 'GatewayClassNotFound', severity: 'error' });
    expect(f[0]!.message).toContain('did you mean gc?');
  });
  it('HostnameConflict and ProtocolConflict', () => {
    const host = gateway('c', 'infra', [{ name: 'a', hostname: 'x.com' }, { name: 'b', hostname: 'x.com' }]);
    expect(rules(run([...baseline(), host]))).toEqual(['listener-conflict:HostnameConflict', 'listener-conflict:HostnameConflict']);
    const proto = gateway('c', 'infra', [{ name: 'a' }, { name: 'b', protocol: 'TCP' }]);
    expect(rules(run([...baseline(), proto]))).toContain('listener-conflict:ProtocolConflict');
    expect(run([...baseline(), gateway('c', 'infra', [{ name: 'a', hostname: 'x.com' }, { name: 'b', hostname: 'y.com' }])])).toEqual([]);
  });
  it('InvalidCertificateRef for a missing Secret; RefNotPermitted across namespaces', () => {
    const tls = (ref: object) =>
      gateway('t', 'infra', [{ name: 'https', protocol: 'HTTPS', port: 443, tls: { certificateRefs: [ref as { name: string }] } }]);
    const missing = run([...baseline(), secret('cert', 'infra'), tls({ name: 'cret' })], true);
    expect(missing.find((f) => f.reason === 'InvalidCertificateRef')).toMatchObject({ severity: 'error' });
    expect(missing.find((f) => f.reason === 'InvalidCertificateRef')!.message).toContain('did you mean cert?');
    expect(run([...baseline(), secret('cert', 'infra'), tls({ name: 'cert' })]).filter((f) => f.rule?.startsWith('listener'))).toEqual([]);
    const cross = [...baseline(), secret('cert', 'app'), tls({ name: 'cert', namespace: 'app' })];
    expect(rules(run(cross))).toContain('listener-ref-not-permitted:RefNotPermitted');
    expect(rules(run([...cross, grant('app', { kind: 'Gateway', namespace: 'infra' }, { kind: 'Secret' })]))).not.toContain(
      'listener-ref-not-permitted:RefNotPermitted',
    );
  });
});

describe('status', () => {
  const cond = (type: string, status: string, reason: string, observedGeneration = 1, lastTransitionTime = '2026-01-01T00:00:00Z') => ({
    type,
    status,
    reason,
    message: '',
    lastTransitionTime,
    observedGeneration,
  });
  const parentStatus = (conditions: object[]) => ({
    parents: [{ parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', namespace: 'infra' }, controllerName: 'example.com/ctl', conditions }],
  });
  const r = (status?: object, generation = 1) => {
    const o = route('HTTPRoute', 'r', 'app', { parentRefs: [{ name: 'gw', namespace: 'infra' }] }, status);
    o.metadata.generation = generation;
    return o;
  };
  it('stale status (observedGeneration behind)', () => {
    const ok = [cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'True', 'ResolvedRefs')];
    expect(rules(run([...baseline(), r(parentStatus(ok), 2)]))).toContain('status-stale:StaleStatus');
    expect(rules(run([...baseline(), r(parentStatus(ok), 1)]))).not.toContain('status-stale:StaleStatus');
  });
  it('CRD-default Pending status', () => {
    const pending = [cond('Accepted', 'Unknown', 'Pending', 0, '1970-01-01T00:00:00Z')];
    const f = run([...baseline(), r(parentStatus(pending))]);
    expect(f.find((x) => x.rule === 'status-pending')!.message).toContain('the controller has not processed this change');
  });
  it('a Gateway with no status from any controller (live cluster only)', () => {
    expect(rules(run(baseline(), true))).toContain('gateway-no-status:Pending');
    expect(rules(run(baseline(), false))).not.toContain('gateway-no-status:Pending');
  });
  it('controllerAgrees, and a finding when the controller disagrees', () => {
    const typo = (conds: object[]) =>
      route('HTTPRoute', 'r', 'app', { parentRefs: [{ name: 'gw', namespace: 'infra' }], rules: [{ backendRefs: [{ name: 'svx', port: 80 }] }] }, parentStatus(conds));
    const agree = run([...baseline(), typo([cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'False', 'BackendNotFound')])]);
    expect(agree.find((f) => f.reason === 'BackendNotFound')!.controllerAgrees).toBe(true);
    const disagree = run([...baseline(), typo([cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'True', 'ResolvedRefs')])]);
    expect(disagree.find((f) => f.reason === 'BackendNotFound')!.controllerAgrees).toBe(false);
    expect(rules(disagree)).toContain('controller-disagrees:ResolvedRefs');
  });
});

describe('finding shape', () => {
  it('fills id, nodeId, rule and related', () => {
    const [f] = run([...baseline(), httpRoute({ rules: [{ backendRefs: [{ name: 'svx', port: 80 }] }] })]);
    expect(f).toMatchObject({
      id: 'backend-not-found|HTTPRoute:app/r|r0b0',
      nodeId: 'HTTPRoute:app/r',
      rule: 'backend-not-found',
      related: ['Service:app/svx'],
      kind: 'HTTPRoute',
      namespace: 'app',
      name: 'r',
    });
  });
});
