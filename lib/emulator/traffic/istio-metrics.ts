/**
 * Istio's standard metrics, named and labelled as an Istio sidecar or gateway exports them, on a
 * private prom-client registry (never the process-wide default one). Two profiles: `full` is Istio's
 * default telemetry (the demo); `compact` is how a large mesh is usually configured with Istio's
 * Telemetry API so one Prometheus can scrape it: client-side reports only, the labels dashboards
 * query (tagOverrides REMOVE the rest) and a shorter bucket list.
 */
import { Counter, Histogram, Registry } from 'prom-client';
import type { ServiceRef, WorkloadRef } from './plan';

const PEER_LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'destination_cluster',
  'request_protocol',
  'response_flags',
  'connection_security_policy',
] as const;
const HTTP_LABELS = [...PEER_LABELS, 'response_code', 'grpc_response_status'] as const;

type PeerLabel = (typeof PEER_LABELS)[number];
type HttpLabel = (typeof HTTP_LABELS)[number];
export type PeerLabels = Record<PeerLabel, string>;
export type HttpLabels = Record<HttpLabel, string>;

/** Istio's default duration buckets (ms). */
const DURATION_BUCKETS = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

export type Reporter = 'source' | 'destination';

export interface MetricsProfile {
  name: 'full' | 'compact';
  /** Which proxies of a call report it: both (Istio's default) or the client only (Telemetry API `mode: CLIENT`). */
  reporters: readonly Reporter[];
  /** Peer labels exported (HTTP metrics add response_code and grpc_response_status). */
  peerLabels: readonly PeerLabel[];
  /** Upper bounds (ms) of the duration histograms; +Inf is added. */
  buckets: readonly number[];
  /** One workload in N answers with a share of 5xx (or gRPC UNAVAILABLE), the rest never fail; 1 = all (httpbin keeps its mix). */
  errorWorkloadsOneIn: number;
}

export const FULL_PROFILE: MetricsProfile = { name: 'full', reporters: ['source', 'destination'], peerLabels: PEER_LABELS, buckets: DURATION_BUCKETS, errorWorkloadsOneIn: 1 };

/**
 * For large synthetic clusters. The labels are the ones Gatewatch's queries group by (see
 * lib/telemetry/queries.ts); the buckets are Istio's own bounds from 5 to 250 ms, where the simulated
 * latencies lie, so a p95 between 5 and 250 ms is interpolated in the same bucket as with Istio's
 * defaults (a proxy's own sub-millisecond 500s read as up to 5 ms).
 */
export const COMPACT_PROFILE: MetricsProfile = {
  name: 'compact',
  reporters: ['source'],
  peerLabels: [
    'reporter',
    'source_workload',
    'source_workload_namespace',
    'destination_workload',
    'destination_workload_namespace',
    'destination_version',
    'destination_service_name',
    'destination_service_namespace',
    'request_protocol',
  ],
  buckets: [5, 10, 25, 50, 100, 250],
  errorWorkloadsOneIn: 10,
};

export const METRICS_PROFILES = { full: FULL_PROFILE, compact: COMPACT_PROFILE } as const;

export interface IstioMetrics {
  registry: Registry;
  profile: MetricsProfile;
  /** The profile's subset of a call's labels (the same object for the full profile). */
  keep<L extends Partial<HttpLabels>>(labels: L): L;
  requests: Counter<HttpLabel>;
  duration: Histogram<HttpLabel>;
  tcpSent: Counter<PeerLabel>;
  tcpReceived: Counter<PeerLabel>;
  tcpOpened: Counter<PeerLabel>;
  tcpClosed: Counter<PeerLabel>;
  /** Envoy Gateway's own proxy stats, per route rule cluster. */
  envoyRequests: Counter<'envoy_cluster_name' | 'envoy_response_code_class'>;
  envoyTime: Histogram<'envoy_cluster_name'>;
}

export function createIstioMetrics(profile: MetricsProfile = FULL_PROFILE): IstioMetrics {
  const registry = new Registry();
  const registers = [registry];
  // prom-client refuses labels outside labelNames: the profile's subset is both declared and passed.
  const peer = PEER_LABELS.filter((l) => profile.peerLabels.includes(l));
  const http = [...peer, 'response_code', 'grpc_response_status'] as HttpLabel[];
  const buckets = [...profile.buckets];
  const keep =
    profile.peerLabels.length === PEER_LABELS.length
      ? <L extends Partial<HttpLabels>>(labels: L): L => labels
      : <L extends Partial<HttpLabels>>(labels: L): L => {
          const out: Partial<HttpLabels> = {};
          for (const k of http) if (labels[k] !== undefined) out[k] = labels[k];
          return out as L;
        };
  return {
    registry,
    profile,
    keep,
    requests: new Counter({ name: 'istio_requests_total', help: 'Total requests.', labelNames: http, registers }),
    duration: new Histogram({
      name: 'istio_request_duration_milliseconds',
      help: 'Request duration in milliseconds.',
      labelNames: http,
      buckets,
      registers,
    }),
    tcpSent: new Counter({ name: 'istio_tcp_sent_bytes_total', help: 'Total bytes sent during response in case of a TCP connection.', labelNames: peer, registers }),
    tcpReceived: new Counter({ name: 'istio_tcp_received_bytes_total', help: 'Total bytes received during request in case of a TCP connection.', labelNames: peer, registers }),
    tcpOpened: new Counter({ name: 'istio_tcp_connections_opened_total', help: 'Total TCP connections opened.', labelNames: peer, registers }),
    tcpClosed: new Counter({ name: 'istio_tcp_connections_closed_total', help: 'Total TCP connections closed.', labelNames: peer, registers }),
    envoyRequests: new Counter({ name: 'envoy_cluster_upstream_rq_xx', help: 'Upstream requests by response code class.', labelNames: ['envoy_cluster_name', 'envoy_response_code_class'], registers }),
    envoyTime: new Histogram({ name: 'envoy_cluster_upstream_rq_time', help: 'Upstream request time in milliseconds.', labelNames: ['envoy_cluster_name'], buckets, registers }),
  };
}

const principal = (w: WorkloadRef) => `spiffe://cluster.local/ns/${w.namespace}/sa/${w.gateway ? w.name : w.app}`;

/**
 * Labels of one call as reported by one side. `destination` undefined: no backend (the proxy answers
 * itself and reports the destination as unknown, as Istio does for a route to a missing Service).
 */
export function peerLabels(
  reporter: Reporter,
  source: WorkloadRef,
  service: ServiceRef,
  destination: WorkloadRef | undefined,
  protocol: 'http' | 'grpc' | 'tcp',
): PeerLabels {
  const d = destination;
  return {
    reporter,
    source_workload: source.name,
    source_workload_namespace: source.namespace,
    source_principal: principal(source),
    source_app: source.app,
    source_version: source.version,
    source_cluster: 'Kubernetes',
    destination_workload: d?.name ?? 'unknown',
    destination_workload_namespace: d?.namespace ?? 'unknown',
    destination_principal: d ? principal(d) : 'unknown',
    destination_app: d?.app ?? 'unknown',
    destination_version: d?.version ?? 'unknown',
    destination_service: `${service.name}.${service.namespace}.svc.cluster.local`,
    destination_service_name: service.name,
    destination_service_namespace: service.namespace,
    destination_cluster: d ? 'Kubernetes' : 'unknown',
    request_protocol: protocol,
    response_flags: d ? '-' : 'NR',
    // The source proxy cannot know the policy the destination applied; the destination reports mTLS.
    connection_security_policy: reporter === 'destination' ? 'mutual_tls' : 'unknown',
  };
}

export function httpLabels(peer: PeerLabels, responseCode: string, grpcStatus: string): HttpLabels {
  return { ...peer, response_code: responseCode, grpc_response_status: grpcStatus };
}
