import { describe, expect, it } from 'vitest';
import type { Route } from '../../gateway-api/types';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../../model/testing/load-yaml';
import { CounterHistory } from './history';
import { createIstioMetrics } from './istio-metrics';
import { buildPlan } from './plan';
import { seededRng } from './random';
import { Simulator } from './simulate';
import { memoryStore } from './testing';

const GW = 'gateway.networking.k8s.io';

/** Runs `seconds` of simulated traffic in 200 ms steps (no timers) and samples the counters. */
async function run(store: ReturnType<typeof memoryStore>, seconds: number, seed = 1) {
  const metrics = createIstioMetrics();
  const history = new CounterHistory(metrics.registry);
  const sim = new Simulator(metrics, seededRng(seed), 1);
  await history.sample(0);
  const plan = buildPlan(store);
  for (let t = 200; t <= seconds * 1000; t += 200) sim.tick(plan, 0.2);
  await history.sample(seconds * 1000);
  return { metrics, history };
}

/** Source-reported requests per second to a destination Service over the whole run. */
function rate(history: CounterHistory, seconds: number, svc: string, filter: (l: Record<string, string>) => boolean = () => true): number {
  return history
    .rates(seconds)
    .filter((s) => s.name === 'istio_requests_total' && s.labels.reporter === 'source' && s.labels.destination_service_name === svc && filter(s.labels))
    .reduce((a, s) => a + s.value, 0);
}

describe('simulated traffic', () => {
  it('splits a → b by the weights of b-split, with noise around 40/60', async () => {
    const { history } = await run(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)), 300);
    const v1 = rate(history, 300, 'b-v1');
    const v2 = rate(history, 300, 'b-v2');
    const share = v1 / (v1 + v2);
    expect(share).toBeGreaterThan(0.33);
    expect(share).toBeLessThan(0.47);
    expect(share).not.toBe(0.4);
    // Every request to a makes one call to b.
    expect(v1 + v2).toBeCloseTo(rate(history, 300, 'a'), 5);
  });

  it('follows the store: weights 0/1 send nothing to b-v1', async () => {
    const store = memoryStore(loadYamlDir(REFERENCE_ENV_DIR));
    const route = store.get({ group: GW, kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' }) as Route;
    const rules = structuredClone(route.spec.rules!);
    rules[0]!.backendRefs![0]!.weight = 0;
    rules[0]!.backendRefs![1]!.weight = 1;
    store.update({ ...route, spec: { ...route.spec, rules } });
    const { history } = await run(store, 60);
    expect(rate(history, 60, 'b-v1')).toBe(0);
    expect(rate(history, 60, 'b-v2')).toBeGreaterThan(0);
  });

  it('answers app1-typo with 500 from an unknown destination, reported by the gateway only', async () => {
    const { history } = await run(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)), 120);
    const typo = history.rates(120).filter((s) => s.name === 'istio_requests_total' && s.labels.destination_service_name === 'httbin' && s.value > 0);
    expect(typo.length).toBeGreaterThan(0);
    for (const s of typo) {
      expect(s.labels).toMatchObject({ reporter: 'source', response_code: '500', destination_workload: 'unknown', source_workload: 'envoy-http-ports' });
    }
  });

  it('gives httpbin a status mix: mostly 200, some 418, a little 5xx', async () => {
    const { history } = await run(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)), 300);
    const by = (code: RegExp) => rate(history, 300, 'httpbin', (l) => code.test(l.response_code ?? ''));
    const total = by(/./);
    expect(by(/^200$/) / total).toBeGreaterThan(0.8);
    expect(by(/^418$/)).toBeGreaterThan(0);
    expect(by(/^5/) / total).toBeGreaterThan(0);
    expect(by(/^5/) / total).toBeLessThan(0.1);
  });

  it('moves bytes and opens connections to MongoDB through both TCP gateways', async () => {
    const { history } = await run(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)), 120);
    const tcp = (name: string, gw: string) =>
      history.rates(120).filter((s) => s.name === name && s.labels.source_workload === gw && s.labels.destination_service_name === 'mongodb').reduce((a, s) => a + s.value, 0);
    for (const gw of ['envoy-tcp-mongodb', 'istio-tcp-mongodb-istio']) {
      expect(tcp('istio_tcp_sent_bytes_total', gw), gw).toBeGreaterThan(0);
      expect(tcp('istio_tcp_received_bytes_total', gw), gw).toBeGreaterThan(0);
      expect(tcp('istio_tcp_connections_opened_total', gw), gw).toBeGreaterThan(0);
    }
  });

  it('exposes Istio metric names and labels in the Prometheus text format', async () => {
    const { metrics } = await run(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)), 10);
    const text = await metrics.registry.metrics();
    for (const name of ['istio_requests_total', 'istio_request_duration_milliseconds_bucket', 'istio_request_duration_milliseconds_sum', 'istio_request_duration_milliseconds_count', 'istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total', 'istio_tcp_connections_opened_total', 'istio_tcp_connections_closed_total'])
      expect(text).toContain(`\n${name}{`);
    // Envoy Gateway's own per-rule cluster stats, for its Gateways only; none for the rule with no backend.
    expect(text).toContain('envoy_cluster_upstream_rq_xx{envoy_cluster_name="httproute/app1/app1/rule/0",envoy_response_code_class="2"}');
    expect(text).toContain('envoy_cluster_upstream_rq_time_bucket{le="50",envoy_cluster_name="httproute/app1/app1/rule/0"}');
    expect(text).not.toContain('envoy_cluster_name="httproute/app2/');
    expect(text).not.toContain('envoy_cluster_name="httproute/app1/app1-typo/');
    expect(text).toMatch(/istio_requests_total\{reporter="source",source_workload="istio-http-ports-istio",source_workload_namespace="gateways",.*destination_service="a\.app2\.svc\.cluster\.local",destination_service_name="a",destination_service_namespace="app2".*request_protocol="http".*response_code="200"/);
  });
});
