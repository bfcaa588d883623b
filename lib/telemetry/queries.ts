/**
 * The bounded query builder. Every refresh asks the same fixed set of aggregated queries, whatever
 * the size of the graph: one `sum by (…)` per Istio metric, never one per edge or per namespace.
 * Both sources use these specs: Prometheus renders them as PromQL, the demo source evaluates them
 * over the generator's in-process counters, and lib/telemetry/map.ts maps either answer onto edges.
 */
import type { Topology } from '../wire/types';

export type QueryId = 'requests' | 'duration' | 'tcpSent' | 'tcpReceived' | 'tcpOpened' | 'egRequests' | 'egDuration';

export interface QuerySpec {
  id: QueryId;
  /** The counter the query takes the per-second rate of. */
  metric: string;
  /** Labels kept by `sum by (…)`. */
  by: readonly string[];
}

export interface BuiltQuery extends QuerySpec {
  promql: string;
}

/** The hard cap named in the design: never more queries than this per refresh. */
export const MAX_QUERIES_PER_REFRESH = 10;

/** Who talks to whom: enough to tell gateway, route backend, Service and workload apart. */
const PAIR_LABELS = [
  'reporter',
  'source_workload',
  'source_workload_namespace',
  'destination_service_name',
  'destination_service_namespace',
  'destination_workload',
  'destination_workload_namespace',
  'destination_version',
] as const;

const HTTP_SPECS: readonly QuerySpec[] = [
  {
    id: 'requests',
    metric: 'istio_requests_total',
    by: [...PAIR_LABELS, 'request_protocol', 'response_code', 'grpc_response_status'],
  },
  // Buckets, not histogram_quantile: map.ts sums buckets per edge first (quantiles do not add up).
  { id: 'duration', metric: 'istio_request_duration_milliseconds_bucket', by: [...PAIR_LABELS, 'le'] },
  // Envoy Gateway's own proxy stats, per route rule (cluster `httproute/<ns>/<name>/rule/<i>`): the
  // fallback for gateway edges whose proxy is outside the mesh.
  { id: 'egRequests', metric: 'envoy_cluster_upstream_rq_xx', by: ['envoy_cluster_name', 'envoy_response_code_class'] },
  { id: 'egDuration', metric: 'envoy_cluster_upstream_rq_time_bucket', by: ['envoy_cluster_name', 'le'] },
];

const TCP_SPECS: readonly QuerySpec[] = [
  { id: 'tcpSent', metric: 'istio_tcp_sent_bytes_total', by: PAIR_LABELS },
  { id: 'tcpReceived', metric: 'istio_tcp_received_bytes_total', by: PAIR_LABELS },
  { id: 'tcpOpened', metric: 'istio_tcp_connections_opened_total', by: PAIR_LABELS },
];

const TCP_ROUTE_KINDS = new Set(['TCPRoute', 'TLSRoute', 'UDPRoute']);

export function promql(spec: QuerySpec, range: string, matchers = ''): string {
  return `sum by (${spec.by.join(', ')}) (rate(${spec.metric}${matchers ? `{${matchers}}` : ''}[${range}]))`;
}

/**
 * The queries for one refresh of `topology`. The topology only decides whether the TCP queries are
 * worth asking (a graph without TCP/TLS routes skips them); the count never depends on its size.
 */
export function buildQueries(topology: Pick<Topology, 'nodes'> | null, range: string): BuiltQuery[] {
  const wantTcp = !topology || topology.nodes.some((n) => TCP_ROUTE_KINDS.has(n.kind));
  const specs = wantTcp ? [...HTTP_SPECS, ...TCP_SPECS] : [...HTTP_SPECS];
  if (specs.length > MAX_QUERIES_PER_REFRESH) throw new Error('telemetry query budget exceeded');
  return specs.map((s) => ({ ...s, promql: promql(s, range) }));
}

/** The queries behind one edge's time series: request rate, errors and latency, plus TCP when asked. */
export function buildSeriesQueries(range: string, tcp: boolean): BuiltQuery[] {
  const specs = tcp ? [...HTTP_SPECS, ...TCP_SPECS] : [...HTTP_SPECS];
  return specs.map((s) => ({ ...s, promql: promql(s, range) }));
}
