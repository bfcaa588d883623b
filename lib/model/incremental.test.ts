/**
 * Property-style check of the incremental builder: after random sequences of changes, its topology
 * equals a full rebuild, and the changed/removed ids it reports are exactly the differences.
 */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import type { Topology } from '../wire/types';
import { buildTopology, createTopologyBuilder, MODEL_KINDS, MutableSnapshot, type ModelContext, type ObjectChange } from './index';
import { loadYamlDir, REFERENCE_ENV_DIR } from './testing/load-yaml';
import { rng, type Rng } from './testing/prng';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'x' }, health: { state: 'ok' }, kinds: [], generatedAt: 't' };
const GW = 'gateway.networking.k8s.io/v1';
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test mutations poke at arbitrary fields

const extras: KObject[] = [
  { apiVersion: GW, kind: 'GRPCRoute', metadata: { name: 'grpc', namespace: 'app2' }, spec: { parentRefs: [{ name: 'istio-http-ports', namespace: 'gateways', sectionName: 'http' }], rules: [{ matches: [{ method: { service: 'echo.Echo', method: 'Ping' } }], backendRefs: [{ name: 'a', port: 8080 }] }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'default-only', namespace: 'app2' }, spec: { defaultBackend: { service: { name: 'a', port: { number: 8080 } } } } },
];

function diffIds(a: Topology, b: Topology): { changed: string[]; removed: string[] } {
  const before = new Map<string, string>([...a.nodes, ...a.edges].map((x) => [x.id, JSON.stringify(x)]));
  const after = new Map<string, string>([...b.nodes, ...b.edges].map((x) => [x.id, JSON.stringify(x)]));
  const changed = [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id).sort();
  const removed = [...before.keys()].filter((id) => !after.has(id)).sort();
  return { changed, removed };
}

const ref = (o: KObject): ObjectChange => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });

/** One random change; returns the objects it touched. */
function mutate(r: Rng, snap: MutableSnapshot, graveyard: KObject[]): ObjectChange[] {
  const all = snap.all().filter((o) => MODEL_KINDS.includes(o.kind));
  const op = r.int(12);
  if (op === 0 && all.length) {
    const o = r.pick(all);
    snap.remove(o.kind, o.metadata.namespace, o.metadata.name);
    graveyard.push(o);
    return [ref(o)];
  }
  if (op === 1 && graveyard.length) {
    const o = graveyard.splice(r.int(graveyard.length), 1)[0];
    snap.put(o);
    return [ref(o)];
  }
  if (op === 2) {
    const ns = r.pick(['app1', 'app2', 'gateways']);
    const name = r.pick(['httbin', 'a', 'b-v3', 'mongodb', 'ghost']);
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: { app: r.pick(['b', 'httpbin', 'a']) }, ports: [{ port: 8080 }] } };
    snap.put(svc);
    return [ref(svc)];
  }
  if (op === 3) {
    const ns = r.pick(['app1', 'app2']);
    const grant: KObject = { apiVersion: GW, kind: 'ReferenceGrant', metadata: { name: `g${r.int(2)}`, namespace: ns }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: r.pick(['app1', 'app2']) }], to: [{ group: '', kind: 'Service' }] } };
    snap.put(grant);
    return [ref(grant)];
  }
  if (op === 4) {
    const pol: KObject = { apiVersion: GW, kind: 'BackendTLSPolicy', metadata: { name: `p${r.int(2)}`, namespace: 'app2' }, spec: { targetRefs: [{ group: '', kind: 'Service', name: r.pick(['a', 'b', 'b-v1']) }], validation: { hostname: 'x' } } };
    snap.put(pol);
    return [ref(pol)];
  }
  if (all.length === 0) return [];
  const o = structuredClone(r.pick(all)) as Any;
  const spec = (o.spec ??= {});
  switch (o.kind) {
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TCPRoute': {
      const which = r.int(5);
      const rule = spec.rules?.[0];
      if (which === 0 && rule?.backendRefs?.length) r.pick(rule.backendRefs as Any[]).weight = r.int(5);
      else if (which === 1 && rule?.backendRefs?.length) r.pick(rule.backendRefs as Any[]).name = r.pick(['httpbin', 'httbin', 'a', 'b-v1', 'b-v2', 'mongodb']);
      else if (which === 2 && spec.parentRefs?.length) r.pick(spec.parentRefs as Any[]).sectionName = r.pick([undefined, 'http', 'https', 'tcp-mongodb', 'nope']);
      else if (which === 3 && spec.parentRefs?.length) {
        const p = spec.parentRefs[0];
        o.status = { parents: [{ parentRef: p, controllerName: 'x.io/c', conditions: [{ type: 'Accepted', status: r.pick(['True', 'False', 'Unknown']), reason: r.pick(['Accepted', 'NotAllowedByListeners', 'Pending']), message: '', lastTransitionTime: '2026-01-01T00:00:00Z', observedGeneration: r.int(3) }] }] };
      } else if (rule?.backendRefs?.length) rule.backendRefs[0].namespace = r.pick([undefined, 'app1', 'app2']);
      break;
    }
    case 'Service':
      spec.selector = r.chance(0.3) ? undefined : { app: r.pick(['b', 'a', 'httpbin']), ...(r.chance(0.5) ? { version: r.pick(['v1', 'v2']) } : {}) };
      break;
    case 'Deployment':
      o.spec.template.metadata.labels = { app: r.pick(['b', 'a', 'httpbin', 'mongodb']), ...(r.chance(0.7) ? { version: r.pick(['v1', 'v2', 'latest']) } : {}) };
      o.spec.replicas = r.int(4);
      break;
    case 'Gateway':
      if (r.chance(0.5) && spec.listeners?.length) r.pick(spec.listeners as Any[]).name = r.pick(['http', 'https', 'tcp-mongodb', 'other']);
      else spec.gatewayClassName = r.pick(['istio', 'envoy-gateway-class', 'envoy-gatew']);
      o.metadata.generation = (o.metadata.generation ?? 1) + 1;
      break;
    case 'GatewayClass':
      spec.controllerName = r.pick(['a.io/x', 'b.io/y']);
      break;
    case 'Namespace':
      o.metadata.labels = r.chance(0.5) ? { team: 'a' } : {};
      break;
    case 'Ingress':
      if (spec.rules?.[0]?.http?.paths?.[0]) spec.rules[0].http.paths[0].backend.service.name = r.pick(['httpbin', 'httbin', 'mongodb']);
      break;
    default:
      o.metadata.labels = { touched: String(r.int(3)) };
  }
  snap.put(o as KObject);
  return [ref(o as KObject)];
}

describe('incremental topology builder', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`equals a full rebuild after random changes (seed ${seed})`, () => {
      const r = rng(seed);
      const snap = new MutableSnapshot([...loadYamlDir(REFERENCE_ENV_DIR), ...extras]);
      const builder = createTopologyBuilder(snap);
      let prev = buildTopology(snap, ctx, 0);
      expect(builder.topology(ctx, 0)).toEqual(prev);
      const graveyard: KObject[] = [];
      for (let step = 1; step <= 100; step++) {
        const batch = r.int(3) + 1;
        const changes: ObjectChange[] = [];
        for (let i = 0; i < batch; i++) changes.push(...mutate(r, snap, graveyard));
        const cs = builder.applyChanges(changes);
        const full = buildTopology(snap, ctx, step);
        const inc = builder.topology(ctx, step);
        expect(inc, `seed ${seed} step ${step}`).toEqual(full);
        expect(cs, `seed ${seed} step ${step}`).toEqual(diffIds(prev, full));
        prev = full;
      }
    });
  }

  it('rebuild() after unreported changes equals a full build and reports the difference', () => {
    const r = rng(42);
    const snap = new MutableSnapshot([...loadYamlDir(REFERENCE_ENV_DIR), ...extras]);
    const builder = createTopologyBuilder(snap);
    const before = buildTopology(snap, ctx, 0);
    const graveyard: KObject[] = [];
    for (let i = 0; i < 20; i++) mutate(r, snap, graveyard); // not told to the builder
    const cs = builder.rebuild();
    const full = buildTopology(snap, ctx, 1);
    expect(builder.topology(ctx, 1)).toEqual(full);
    expect(cs).toEqual(diffIds(before, full));
    expect(cs.changed.length + cs.removed.length).toBeGreaterThan(0);
    // and the incremental path keeps working after it
    const split = structuredClone(snap.get('HTTPRoute', 'app2', 'b-split')) as Any | undefined;
    if (split) {
      split.spec.rules[0].backendRefs[0].weight = 7;
      snap.put(split as KObject);
      builder.applyChanges([{ kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' }]);
      expect(builder.topology(ctx, 2)).toEqual(buildTopology(snap, ctx, 2));
    }
  });

  it('reports nothing for a change that draws nothing new', () => {
    const snap = new MutableSnapshot(loadYamlDir(REFERENCE_ENV_DIR));
    const builder = createTopologyBuilder(snap);
    expect(builder.applyChanges([{ kind: 'Secret', namespace: 'gateways', name: 'gw-cadec2024' }])).toEqual({ changed: [], removed: [] });
    expect(builder.applyChanges([{ kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' }])).toEqual({ changed: [], removed: [] });
  });

  it('flashes the split edges and the route when a weight changes', () => {
    const snap = new MutableSnapshot(loadYamlDir(REFERENCE_ENV_DIR));
    const builder = createTopologyBuilder(snap);
    const split = structuredClone(snap.get('HTTPRoute', 'app2', 'b-split')) as Any;
    split.spec.rules[0].backendRefs[0].weight = 1;
    split.spec.rules[0].backendRefs[1].weight = 0;
    snap.put(split as KObject);
    const cs = builder.applyChanges([{ kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' }]);
    expect(cs.changed).toEqual(['HTTPRoute:app2/b-split', 'backend|HTTPRoute:app2/b-split|r0|b0', 'backend|HTTPRoute:app2/b-split|r0|b1']);
    const e = builder.topology(ctx, 1).edges.find((x) => x.id === 'backend|HTTPRoute:app2/b-split|r0|b1');
    expect([e?.weight, e?.share]).toEqual([0, 0]);
  });
});
