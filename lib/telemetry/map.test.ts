import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import { buildTopology, snapshotFromObjects } from '../model';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../model/testing/load-yaml';
import { mapTelemetry, type QueryResults } from './map';
import type { Sample } from './source';

// A gRPC service next to the reference environment, to cover gRPC status codes.
const grpcObjects: KObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace: 'app1' }, spec: { selector: { app: 'echo' }, ports: [{ port: 9000 }] } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'echo', namespace: 'app1' }, spec: { selector: { matchLabels: { app: 'echo' } }, template: { metadata: { labels: { app: 'echo', version: 'v1' } } } } },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name: 'echo', namespace: 'app1' },
    spec: { parentRefs: [{ name: 'envoy-http-ports', namespace: 'gateways' }], rules: [{ backendRefs: [{ name: 'echo', port: 9000 }] }] },
  },
];
const topology = buildTopology(snapshotFromObjects([...loadYamlDir(REFERENCE_ENV_DIR), ...grpcObjects]), { cluster: { mode: 'demo', label: 'demo' }, health: { state: 'ok' }, kinds: [] }, 1);

type Peer = [reporter: string, srcWl: string, srcNs: string, svc: string, svcNs: string, dstWl: string, dstVersion: string];
const peer = ([reporter, srcWl, srcNs, svc, svcNs, dstWl, dstVersion]: Peer) => ({
  reporter,
  source_workload: srcWl,
  source_workload_namespace: srcNs,
  destination_service_name: svc,
  destination_service_namespace: svcNs,
  destination_workload: dstWl,
  destination_workload_namespace: dstWl === 'unknown' ? 'unknown' : svcNs,
  destination_version: dstVersion,
});

/** What Prometheus' /api/v1/query answers, as the source parses it into samples. */
function vector(result: { metric: Record<string, string>; value: [number, string] }[]): Sample[] {
  const body = JSON.parse(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } })) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

const T = 1_795_000_000;
const req = (p: Peer, code: string, v: number, proto = 'http', grpc = '') => ({
  metric: { ...peer(p), request_protocol: proto, response_code: code, grpc_response_status: grpc },
  value: [T, String(v)] as [number, string],
});
const val = (p: Peer, v: number, extra: Record<string, string> = {}) => ({ metric: { ...peer(p), ...extra }, value: [T, String(v)] as [number, string] });

const ENVOY_HTTPBIN: Peer = ['source', 'envoy-http-ports', 'gateways', 'httpbin', 'app1', 'httpbin', 'v1'];
const ISTIO_HTTPBIN: Peer = ['source', 'istio-http-ports-istio', 'gateways', 'httpbin', 'app1', 'httpbin', 'v1'];
const A_BV1: Peer = ['source', 'a', 'app2', 'b-v1', 'app2', 'b-v1', 'v1'];
const A_BV2: Peer = ['source', 'a', 'app2', 'b-v2', 'app2', 'b-v2', 'v2'];
const dest = (p: Peer): Peer => ['destination', ...p.slice(1)] as Peer;

const results: QueryResults = {
  requests: vector([
    req(ENVOY_HTTPBIN, '200', 3.0),
    req(ENVOY_HTTPBIN, '503', 0.1),
    req(ENVOY_HTTPBIN, '418', 0.2),
    // The destination's report of the same calls must not count twice.
    req(dest(ENVOY_HTTPBIN), '200', 3.0),
    req(dest(ENVOY_HTTPBIN), '503', 0.1),
    req(dest(ENVOY_HTTPBIN), '418', 0.2),
    req(ISTIO_HTTPBIN, '200', 2.0),
    // A client outside the mesh: only the destination reports it.
    req(['destination', 'unknown', 'unknown', 'httpbin', 'app1', 'httpbin', 'v1'], '200', 1.0),
    req(['source', 'envoy-http-ports', 'gateways', 'httbin', 'app1', 'unknown', 'unknown'], '500', 0.5),
    req(['source', 'istio-http-ports-istio', 'gateways', 'a', 'app2', 'a', 'latest'], '200', 4.0),
    req(A_BV1, '200', 2.148),
    req(A_BV2, '200', 1.852),
    req(['source', 'envoy-http-ports', 'gateways', 'echo', 'app1', 'echo', 'v1'], '200', 0.9, 'grpc', '0'),
    req(['source', 'envoy-http-ports', 'gateways', 'echo', 'app1', 'echo', 'v1'], '200', 0.1, 'grpc', '14'),
  ]),
  duration: vector([
    val(A_BV1, 1, { le: '10' }),
    val(A_BV1, 2, { le: '25' }),
    val(A_BV1, 2.148, { le: '50' }),
    val(A_BV1, 2.148, { le: '+Inf' }),
  ]),
  tcpSent: vector([
    val(['source', 'envoy-tcp-mongodb', 'gateways', 'mongodb', 'app1', 'mongodb', 'v1'], 1000),
    val(['source', 'istio-tcp-mongodb-istio', 'gateways', 'mongodb', 'app1', 'mongodb', 'v1'], 500),
  ]),
  tcpReceived: vector([
    val(['source', 'envoy-tcp-mongodb', 'gateways', 'mongodb', 'app1', 'mongodb', 'v1'], 100),
    val(['source', 'istio-tcp-mongodb-istio', 'gateways', 'mongodb', 'app1', 'mongodb', 'v1'], 100),
  ]),
  tcpOpened: vector([val(['source', 'envoy-tcp-mongodb', 'gateways', 'mongodb', 'app1', 'mongodb', 'v1'], 0.2)]),
};

const edges = mapTelemetry(topology, results);

describe('mapping Istio metrics onto the reference environment', () => {
  it('keys every figure by an edge id of the topology', () => {
    const ids = new Set(topology.edges.map((e) => e.id));
    for (const id of Object.keys(edges)) expect(ids.has(id), id).toBe(true);
  });

  it('puts each gateway proxy’s requests on its own attachment edges', () => {
    expect(edges['attach|HTTPRoute:app1/app1|p0|https']).toMatchObject({ rps: 3.3, errorRatio: 0.0303 });
    // Istio's metrics do not name the listener: both listeners of the route show the gateway's figure.
    expect(edges['attach|HTTPRoute:app1/app1|p1|https']?.rps).toBe(2);
    expect(edges['attach|HTTPRoute:app1/app1|p1|http']?.rps).toBe(2);
    expect(edges['attach|HTTPRoute:app2/app2|p0|http']?.rps).toBe(4);
  });

  it('counts a route’s backend from its own gateways, once per call', () => {
    expect(edges['backend|HTTPRoute:app1/app1|r0|b0']).toMatchObject({ rps: 5.3, errorRatio: 0.0189 });
    expect(edges['backend|HTTPRoute:app2/app2|r0|b0']?.rps).toBe(4);
  });

  it('shows a missing backend as 100 % errors', () => {
    expect(edges['backend|HTTPRoute:app1/app1-typo|r0|b0']).toMatchObject({ rps: 0.5, errorRatio: 1 });
    expect(edges['attach|HTTPRoute:app1/app1-typo|p0|https']).toMatchObject({ rps: 0.5, errorRatio: 1 });
  });

  it('gives the observed share within the split rule, and p95 from summed buckets', () => {
    expect(edges['backend|HTTPRoute:app2/b-split|r0|b0']).toMatchObject({ rps: 2.148, observedShare: 0.537 });
    expect(edges['backend|HTTPRoute:app2/b-split|r0|b1']).toMatchObject({ rps: 1.852, observedShare: 0.463 });
    expect(edges['backend|HTTPRoute:app2/b-split|r0|b0']?.p95Ms).toBeCloseTo(31.86, 1);
    expect(edges['backend|HTTPRoute:app2/b-split|r0|b1']?.p95Ms).toBeUndefined();
    expect(edges['mesh|HTTPRoute:app2/b-split|p0']?.rps).toBe(4);
    // The configured share is not the mapper's business.
    expect(edges['backend|HTTPRoute:app1/app1|r0|b0']?.observedShare).toBeUndefined();
  });

  it('splits a Service’s traffic by workload version', () => {
    expect(edges['workload|Service:app2/b|Workload:app2/b/v1']).toMatchObject({ rps: 2.148, observedShare: 0.537 });
    expect(edges['workload|Service:app2/b|Workload:app2/b/v2']).toMatchObject({ rps: 1.852, observedShare: 0.463 });
    expect(edges['workload|Service:app2/b-v1|Workload:app2/b/v1']?.rps).toBe(2.148);
    // Every caller counts toward the workload, the client outside the mesh included.
    expect(edges['workload|Service:app1/httpbin|Workload:app1/httpbin/v1']?.rps).toBe(6.3);
  });

  it('maps TCP bytes and connections onto the MongoDB edges', () => {
    expect(edges['attach|TCPRoute:app1/mongodb|p0|tcp-mongodb']).toMatchObject({ rps: 0, tcpBytesPerSec: 1100, tcpConnectionsPerSec: 0.2 });
    expect(edges['attach|TCPRoute:app1/mongodb|p1|tcp-mongodb']).toMatchObject({ tcpBytesPerSec: 600 });
    expect(edges['backend|TCPRoute:app1/mongodb|r0|b0']).toMatchObject({ tcpBytesPerSec: 1700 });
  });

  it('counts non-OK gRPC statuses as errors', () => {
    expect(edges['backend|GRPCRoute:app1/echo|r0|b0']).toMatchObject({ rps: 1, errorRatio: 0.1 });
  });

  it('falls back to Envoy Gateway’s per-rule stats where Istio has nothing', () => {
    const eg = (cluster: string, cls: string, v: number) => ({ metric: { envoy_cluster_name: cluster, envoy_response_code_class: cls }, value: [T, String(v)] as [number, string] });
    const le = (cluster: string, b: string, v: number) => ({ metric: { envoy_cluster_name: cluster, le: b }, value: [T, String(v)] as [number, string] });
    const only = mapTelemetry(topology, {
      egRequests: vector([eg('httproute/app1/app1/rule/0', '2', 9), eg('httproute/app1/app1/rule/0', '5', 1), eg('httproute/app2/b-split/rule/0', '2', 5), eg('not-a-route', '2', 3)]),
      egDuration: vector([le('httproute/app1/app1/rule/0', '10', 5), le('httproute/app1/app1/rule/0', '50', 10), le('httproute/app1/app1/rule/0', '+Inf', 10)]),
    });
    expect(only['backend|HTTPRoute:app1/app1|r0|b0']).toMatchObject({ rps: 10, errorRatio: 0.1, p95Ms: 46 });
    // Only Envoy Gateway's Gateways: Istio's proxies do not export these clusters.
    expect(only['attach|HTTPRoute:app1/app1|p0|https']).toMatchObject({ rps: 10, errorRatio: 0.1 });
    expect(only['attach|HTTPRoute:app1/app1|p1|https']).toBeUndefined();
    // A cluster holds all of a rule's backends: no per-backend figure for a split rule.
    expect(only['backend|HTTPRoute:app2/b-split|r0|b0']).toBeUndefined();
    // Istio's figures win where both exist.
    const both = mapTelemetry(topology, { ...results, egRequests: vector([eg('httproute/app1/app1/rule/0', '2', 99)]) });
    expect(both['backend|HTTPRoute:app1/app1|r0|b0']?.rps).toBe(5.3);
  });

  it('maps client-side-only reports (Istio Telemetry API mode CLIENT) like the source half of both', () => {
    const sourceOnly = (xs: readonly Sample[] | undefined) => xs?.filter((x) => x.labels.reporter !== 'destination');
    const client = mapTelemetry(topology, { ...results, requests: sourceOnly(results.requests), duration: sourceOnly(results.duration) });
    // The out-of-mesh client was seen only by the destination: without it, httpbin's gateway figures are unchanged.
    expect(client['attach|HTTPRoute:app1/app1|p0|https']).toEqual(edges['attach|HTTPRoute:app1/app1|p0|https']);
    expect(client['backend|HTTPRoute:app2/b-split|r0|b0']).toEqual(edges['backend|HTTPRoute:app2/b-split|r0|b0']);
    expect(client['workload|Service:app1/httpbin|Workload:app1/httpbin/v1']?.rps).toBe(5.3);
  });

  it('reads duration buckets per edge only at the bounds its own series carry', () => {
    // httpbin's series have bounds b-v1's lack: they must not enter b-v1's buckets as zeros.
    const mixed = mapTelemetry(topology, {
      requests: vector([req(A_BV1, '200', 2), req(ENVOY_HTTPBIN, '200', 2)]),
      duration: vector([val(A_BV1, 1, { le: '10' }), val(A_BV1, 2, { le: '+Inf' }), val(ENVOY_HTTPBIN, 1, { le: '25' }), val(ENVOY_HTTPBIN, 1, { le: '50' }), val(ENVOY_HTTPBIN, 2, { le: '+Inf' })]),
    });
    // {10: 1, +Inf: 2}: the rank (1.9) lies above the last finite bound, so the p95 is that bound.
    expect(mixed['workload|Service:app2/b-v1|Workload:app2/b/v1']?.p95Ms).toBe(10);
    expect(mixed['workload|Service:app1/httpbin|Workload:app1/httpbin/v1']?.p95Ms).toBe(50);
  });

  it('leaves edges without traffic out', () => {
    expect(edges['class|Gateway:gateways/envoy-http-ports']).toBeUndefined();
    expect(Object.keys(mapTelemetry(topology, {}))).toEqual([]);
  });
});
