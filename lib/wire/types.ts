/**
 * The JSON that Gatewatch's HTTP API serves (`/api/topology`, `/api/findings`, `/api/telemetry`,
 * `/api/events`). These are the only shapes the browser sees; lib/model builds them, the
 * components render them. Keep docs/api.md in step with this file.
 */
import type { ConditionStatus } from '../gateway-api/types';

// ---- identity ---------------------------------------------------------------

/**
 * Node ids are `Kind:namespace/name` for namespaced objects and `Kind:name` for cluster-scoped ones,
 * e.g. `Gateway:gateways/envoy-http-ports`, `GatewayClass:istio`, `Workload:app2/b/v1`.
 * Build them with lib/wire/ids.ts only.
 */
export type NodeId = string;

export type NodeKind =
  | 'GatewayClass'
  | 'Gateway'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TCPRoute'
  | 'TLSRoute'
  | 'UDPRoute'
  | 'Service'
  | 'Workload'
  | 'Ingress'
  | 'Namespace' // a collapsed namespace (many nodes summarised as one)
  | 'Summary'; // the overview of a huge cluster: what is attached to one Gateway, summarised as one node

export interface WireCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
  /** observedGeneration < metadata.generation: the controller has not seen the latest spec. */
  stale: boolean;
  /** CRD default (reason Pending, 1970 timestamp): never reconciled. */
  pending?: boolean;
  /** For route parent status: which controller wrote it. */
  controllerName?: string;
}

/** Worst severity of the analyzer's findings on a node, and counts. */
export interface ProblemSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface NodeBase {
  id: NodeId;
  kind: NodeKind;
  name: string;
  namespace?: string;
  /** API group and version the object was read with ('' group = core). */
  group: string;
  version: string;
  uid?: string;
  generation?: number;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Top-level status conditions (Gateway, GatewayClass). Routes carry theirs per parent. */
  conditions: WireCondition[];
  /** A reference target that does not exist in the cluster (drawn as a ghost). */
  missing?: boolean;
  /** Filled by the analyzer pass. */
  problems?: ProblemSummary;
}

export interface GatewayClassNode extends NodeBase {
  kind: 'GatewayClass';
  controllerName?: string;
}

export interface WireListener {
  /** Row id used as the React Flow handle id: `listener:<name>` */
  handle: string;
  name: string;
  protocol: string;
  port: number;
  hostname?: string;
  tlsMode?: string;
  /** From status.listeners[].attachedRoutes; undefined when no controller wrote it. */
  attachedRoutes?: number;
  supportedKinds?: string[];
  conditions: WireCondition[];
}

export interface GatewayNode extends NodeBase {
  kind: 'Gateway';
  gatewayClassName: string;
  /** Controller named by the class, when the class exists. */
  controllerName?: string;
  addresses: string[];
  listeners: WireListener[];
}

export interface WireBackendRef {
  /** index within the rule's backendRefs */
  index: number;
  group: string;
  kind: string;
  name: string;
  namespace: string;
  port?: number;
  /** Raw weight after defaulting (1 when unset). */
  weight: number;
  /** weight / sum(weights of the rule); 0 when the sum is 0. */
  share: number;
  /** Target node id (a ghost node when it does not exist). */
  target: NodeId;
  resolved: boolean;
}

export interface WireRule {
  /** Row id used as the React Flow handle id: `rule:<index>` */
  handle: string;
  index: number;
  name?: string;
  /** Short human text of the matches, e.g. `PathPrefix /app1`, `GET /api`, `*` */
  matches: string[];
  /** Short human text of the filters, e.g. `rewrite /`, `redirect 301 https` */
  filters: string[];
  backendRefs: WireBackendRef[];
  totalWeight: number;
}

export interface WireParentRef {
  group: string;
  kind: string; // Gateway | Service | ListenerSet
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
}

/** What the controller(s) wrote for one parentRef of a route. */
export interface WireRouteParent {
  index: number;
  parentRef: WireParentRef;
  /** Node id of the parent (Gateway or Service), a ghost when it does not exist. */
  target: NodeId;
  /** One entry per controller that wrote status for this parentRef (usually 0 or 1). */
  statuses: { controllerName: string; conditions: WireCondition[] }[];
  /** Accepted=True from some controller. */
  accepted: boolean | 'unknown';
}

export interface RouteNode extends NodeBase {
  kind: 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute' | 'TLSRoute' | 'UDPRoute';
  hostnames: string[];
  parents: WireRouteParent[];
  rules: WireRule[];
  /** True when any parentRef is a Service (GAMMA mesh route). */
  mesh: boolean;
}

export interface ServiceNode extends NodeBase {
  kind: 'Service';
  type?: string;
  clusterIP?: string;
  ports: { name?: string; port: number; targetPort?: number | string; protocol?: string; appProtocol?: string }[];
  selector?: Record<string, string>;
  /** Names of BackendTLSPolicies that target this Service. */
  backendTLSPolicies?: string[];
}

export interface WorkloadNode extends NodeBase {
  kind: 'Workload';
  /** `app` label value (or the Deployment name when unlabelled) */
  app: string;
  /** `version` label value, if any */
  workloadVersion?: string;
  deployments: { name: string; replicas: number; readyReplicas: number }[];
}

export interface IngressNode extends NodeBase {
  kind: 'Ingress';
  ingressClassName?: string;
  /** e.g. `cadec2024.localhost /app1(/|$)(.*) → httpbin:http` */
  rules: string[];
  tlsHosts: string[];
}

export interface NamespaceNode extends NodeBase {
  kind: 'Namespace';
  /** Counts of what the collapsed namespace holds, by kind. */
  counts: Partial<Record<NodeKind, number>>;
  worst: 'ok' | 'warning' | 'error' | 'unknown';
}

/**
 * The overview of a huge cluster (lib/model/overview.ts; drawn by the browser, never served): the routes
 * attached to one Gateway and what they lead to, or the routes attached to no Gateway that exists.
 * Id: `Summary:<gateway namespace>/<gateway name>`, or `Summary:(unattached)`.
 */
export interface SummaryNode extends NodeBase {
  kind: 'Summary';
  /** The Gateway's node id; absent for the summary of routes attached to no existing Gateway. */
  gateway?: NodeId;
  /** Counts of the summarised nodes, by kind. */
  counts: Partial<Record<NodeKind, number>>;
  /** Namespaces of the summarised nodes, sorted (drilling down selects them). */
  namespaces: string[];
  worst: 'ok' | 'warning' | 'error' | 'unknown';
}

export type WireNode =
  | GatewayClassNode
  | GatewayNode
  | RouteNode
  | ServiceNode
  | WorkloadNode
  | IngressNode
  | NamespaceNode
  | SummaryNode;

// ---- edges --------------------------------------------------------------------

export type EdgeKind =
  | 'class' // GatewayClass → Gateway
  | 'attachment' // Gateway listener → Route (north-south), per parentRef and listener
  | 'mesh-parent' // Service (parent) → Route (GAMMA)
  | 'backend' // Route rule → backend Service
  | 'workload' // Service → Workload
  | 'ingress'; // Ingress → Service

/**
 * Edge ids (stable across revisions; telemetry keys use them):
 * - class:      `class|<gatewayId>`
 * - attachment: `attach|<routeId>|p<parentIndex>|<listenerName or *>`
 * - mesh-parent:`mesh|<routeId>|p<parentIndex>`
 * - backend:    `backend|<routeId>|r<ruleIndex>|b<backendIndex>`
 * - workload:   `workload|<serviceId>|<workloadId>`
 * - ingress:    `ingress|<ingressId>|<ruleIndex>.<pathIndex>` (`default` for defaultBackend)
 * Build them with lib/wire/ids.ts only.
 */
export interface WireEdge {
  id: string;
  kind: EdgeKind;
  source: NodeId;
  target: NodeId;
  /** Row handle on the source node (`listener:<name>` or `rule:<index>`). */
  sourceHandle?: string;
  /** attachment / mesh-parent: per-parent status of the route toward that parent. */
  accepted?: boolean | 'unknown';
  /** Reason shown on a rejected attachment or an unresolved backend (e.g. NotAllowedByListeners). */
  reason?: string;
  /** backend: raw weight and share within its rule */
  weight?: number;
  share?: number;
  totalWeight?: number;
  ruleIndex?: number;
  backendIndex?: number;
  resolved?: boolean;
}

// ---- the topology document ------------------------------------------------------------

export interface ClusterInfo {
  mode: 'demo' | 'kubeconfig' | 'in-cluster';
  /** "Demo cluster (emulated)" or the context name */
  label: string;
  context?: string;
  server?: string;
}

export interface KindStatus {
  kind: string;
  group: string;
  /** Version picked by discovery; undefined when not installed. */
  version?: string;
  installed: boolean;
  synced: boolean;
  count: number;
  error?: string;
}

export interface ClusterHealth {
  /** reachable and every installed kind listed at least once */
  state: 'connecting' | 'ok' | 'degraded' | 'unreachable' | 'unauthorized';
  /** The API server's error, verbatim, when not ok. */
  error?: string;
  since?: string;
}

export interface Topology {
  revision: number;
  generatedAt: string;
  cluster: ClusterInfo;
  health: ClusterHealth;
  kinds: KindStatus[];
  nodes: WireNode[];
  edges: WireEdge[];
}

// ---- findings ------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  kind: string;
  namespace?: string;
  name: string;
  /** Condition type the finding is about (Accepted, ResolvedRefs, Programmed, …), if any. */
  condition?: string;
  /** Gateway API reason string where the spec has one (BackendNotFound, NoMatchingParent, …). */
  reason: string;
  /** Plain words: what is wrong. */
  message: string;
  /** Plain words: how to fix it (may include YAML). */
  suggestion?: string;
  /** Objects involved, as `Kind:namespace/name` node ids. */
  related?: string[];
  /** Stable id for the finding, used for links: `<rule>|<nodeId>|<detail>`. */
  id?: string;
  /** Node id of the object the finding is about. */
  nodeId?: string;
  /** The analyzer rule that produced it. */
  rule?: string;
  /** For route parentRef findings: which parentRef (index). */
  parentIndex?: number;
  /** Does the controller's status agree (true), disagree (false), or say nothing (undefined)? */
  controllerAgrees?: boolean;
}

// ---- telemetry ---------------------------------------------------------------------------------

export type TelemetryWindow = '1m' | '5m' | '15m' | '1h';

export interface EdgeTraffic {
  rps: number;
  /** 0..1; 5xx for HTTP, non-OK for gRPC */
  errorRatio: number;
  p95Ms?: number;
  tcpBytesPerSec?: number;
  tcpConnectionsPerSec?: number;
  /** backend edges: observed share of the rule's traffic (0..1) */
  observedShare?: number;
}

export interface TelemetryReport {
  source: 'prometheus' | 'demo' | 'none';
  window: TelemetryWindow;
  generatedAt: string;
  edges: Record<string, EdgeTraffic>;
  /** Present when telemetry is unavailable: the reason in plain words. */
  error?: string;
  /** Number of PromQL queries this refresh made (for the benchmark and tests). */
  queries?: number;
}

/** One step of `GET /api/telemetry/series`. */
export interface SeriesPoint {
  /** Unix time in seconds (the end of the step). */
  t: number;
  rps: number;
  errorRatio: number;
  p95Ms?: number;
  tcpBytesPerSec?: number;
}

// ---- live stream -----------------------------------------------------------------------------

/** `data:` of a `topology` event on /api/events; the SSE `id:` is the revision. */
export interface TopologyEvent {
  revision: number;
  /** Ids of nodes and edges that changed since the previous revision (for flashing). */
  changed: string[];
  removed: string[];
}

// ---- API errors ---------------------------------------------------------------------------------

export interface ApiError {
  error: string; // machine-readable: bad_request, not_found, conflict, forbidden, invalid, unavailable, …
  message: string;
  details?: unknown;
}
