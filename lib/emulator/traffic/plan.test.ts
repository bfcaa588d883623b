import { describe, expect, it } from 'vitest';
import { generateCluster } from '../../bench/generate';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../../model/testing/load-yaml';
import { buildPlan } from './plan';
import { memoryStore } from './testing';

const plan = buildPlan(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)));
const entry = (route: string, gateway: string) => plan.entries.find((e) => e.route === route && e.gateway.name === gateway);

describe('traffic plan of the reference environment', () => {
  it('sends /app1 through both HTTPS gateways, named as their proxies report', () => {
    expect(entry('HTTPRoute:app1/app1', 'envoy-http-ports')).toMatchObject({ protocol: 'http', gateway: { namespace: 'gateways' } });
    expect(entry('HTTPRoute:app1/app1', 'istio-http-ports-istio')).toBeDefined();
    expect(entry('HTTPRoute:app1/app1', 'envoy-http-ports')!.backends[0]!.pods.map((p) => p.workload)).toEqual([
      { name: 'httpbin', namespace: 'app1', app: 'httpbin', version: 'v1' },
    ]);
  });

  it('sends /app2 through Istio to a, and a calls b split by the GAMMA route', () => {
    expect(entry('HTTPRoute:app2/app2', 'istio-http-ports-istio')!.backends.map((b) => b.service.name)).toEqual(['a']);
    expect(plan.calls).toEqual([{ from: { namespace: 'app2', app: 'a' }, to: { namespace: 'app2', name: 'b' } }]);
    expect(plan.meshRoutes.get('app2/b')!.map((b) => [b.service.name, b.weight, b.pods.map((p) => p.workload.name)])).toEqual([
      ['b-v1', 2, ['b-v1']],
      ['b-v2', 3, ['b-v2']],
    ]);
  });

  it('carries MongoDB over both TCP gateways, but nothing through the Gateway whose class is missing', () => {
    const tcp = plan.entries.filter((e) => e.protocol === 'tcp').map((e) => e.gateway.name).sort();
    expect(tcp).toEqual(['envoy-tcp-mongodb', 'istio-tcp-mongodb-istio']);
    expect(plan.entries.some((e) => e.gateway.name.startsWith('envoy-tcp-mongodb-typo'))).toBe(false);
  });

  it('caps the total client rate on a large cluster, and leaves the demo’s rates alone', () => {
    const big = buildPlan(memoryStore(generateCluster('medium')));
    expect(big.entries.length).toBeGreaterThan(1000);
    expect(big.entries.reduce((a, e) => a + e.rate, 0)).toBeCloseTo(500, 3);
    expect(entry('HTTPRoute:app1/app1', 'envoy-http-ports')!.rate).toBe(4);
    expect(entry('HTTPRoute:app1/app1', 'envoy-http-ports')!.envoyCluster).toBe('httproute/app1/app1/rule/0');
    expect(entry('HTTPRoute:app1/app1', 'istio-http-ports-istio')!.envoyCluster).toBeUndefined();
  });

  it('sends clients to a stable hashed share of the routes when asked', () => {
    const store = memoryStore(generateCluster('small'));
    const routesOf = (p: ReturnType<typeof buildPlan>) => new Set(p.entries.map((e) => e.route));
    const all = routesOf(buildPlan(store));
    const part = routesOf(buildPlan(store, { activeRouteShare: 0.25 }));
    expect(part.size).toBeGreaterThan(all.size * 0.1);
    expect(part.size).toBeLessThan(all.size * 0.4);
    expect([...part].every((r) => all.has(r))).toBe(true);
    expect(routesOf(buildPlan(store, { activeRouteShare: 0.25 }))).toEqual(part);
  });

  it('keeps the misspelled backend as a Service that does not exist', () => {
    const typo = entry('HTTPRoute:app1/app1-typo', 'envoy-http-ports')!;
    expect(typo.backends).toMatchObject([{ service: { name: 'httbin', namespace: 'app1' }, exists: false, pods: [] }]);
  });
});
