/**
 * TypeScript shapes of the objects Gatewatch reads, following the Gateway API Go types
 * (apis/v1) and the core Kubernetes kinds. Fields are optional where the API defaults them;
 * use the helpers in ./refs.ts to apply the defaults in one place.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  managedFields?: ManagedFieldsEntry[];
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
  finalizers?: string[];
}

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  subresource?: string;
  fieldsV1?: unknown;
}

/** Any Kubernetes object as it comes off the wire. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

// ---- Gateway API ----------------------------------------------------------

export interface GatewayClass extends KObject {
  kind: 'GatewayClass';
  spec: { controllerName: string; parametersRef?: { group: string; kind: string; name: string; namespace?: string }; description?: string };
  status?: { conditions?: Condition[]; supportedFeatures?: { name: string }[] };
}

export interface SecretObjectReference {
  group?: string; // default ""
  kind?: string; // default Secret
  name: string;
  namespace?: string;
}

export interface RouteGroupKind {
  group?: string; // default gateway.networking.k8s.io
  kind: string;
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: string; // HTTP | HTTPS | TLS | TCP | UDP | domain-prefixed
  tls?: {
    mode?: 'Terminate' | 'Passthrough';
    certificateRefs?: SecretObjectReference[];
    options?: Record<string, string>;
  };
  allowedRoutes?: {
    namespaces?: { from?: 'All' | 'Same' | 'Selector' | 'None'; selector?: LabelSelector };
    kinds?: RouteGroupKind[];
  };
}

export interface ListenerStatus {
  name: string;
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayStatus {
  addresses?: { type?: string; value: string }[];
  conditions?: Condition[];
  listeners?: ListenerStatus[];
}

export interface Gateway extends KObject {
  kind: 'Gateway';
  spec: {
    gatewayClassName: string;
    listeners: Listener[];
    addresses?: { type?: string; value?: string }[];
    infrastructure?: unknown;
  };
  status?: GatewayStatus;
}

export interface ParentReference {
  group?: string; // default gateway.networking.k8s.io
  kind?: string; // default Gateway
  namespace?: string; // default: the route's namespace
  name: string;
  sectionName?: string;
  port?: number;
}

export interface BackendRef {
  group?: string; // default ""
  kind?: string; // default Service
  name: string;
  namespace?: string; // default: the route's namespace
  port?: number;
  weight?: number; // default 1, 0..1_000_000
  filters?: unknown[];
}

export interface HTTPPathMatch {
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression';
  value?: string;
}
export interface HTTPHeaderMatch {
  type?: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}
export interface HTTPRouteMatch {
  path?: HTTPPathMatch;
  headers?: HTTPHeaderMatch[];
  queryParams?: HTTPHeaderMatch[];
  method?: string;
}
export interface GRPCRouteMatch {
  method?: { type?: 'Exact' | 'RegularExpression'; service?: string; method?: string };
  headers?: HTTPHeaderMatch[];
}

export interface RouteFilter {
  type: string;
  [key: string]: unknown;
}

export interface RouteRule {
  name?: string;
  matches?: (HTTPRouteMatch | GRPCRouteMatch)[];
  filters?: RouteFilter[];
  backendRefs?: BackendRef[];
  timeouts?: { request?: string; backendRequest?: string };
}

export interface RouteParentStatus {
  parentRef: ParentReference;
  controllerName: string;
  conditions: Condition[];
}

export interface Route extends KObject {
  kind: 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute' | 'TLSRoute' | 'UDPRoute';
  spec: {
    parentRefs?: ParentReference[];
    hostnames?: string[];
    rules?: RouteRule[];
  };
  status?: { parents?: RouteParentStatus[] };
}

export interface ReferenceGrant extends KObject {
  kind: 'ReferenceGrant';
  spec: {
    from: { group: string; kind: string; namespace: string }[];
    to: { group: string; kind: string; name?: string }[];
  };
}

export interface BackendTLSPolicy extends KObject {
  kind: 'BackendTLSPolicy';
  spec: {
    targetRefs: { group: string; kind: string; name: string; sectionName?: string }[];
    validation?: {
      caCertificateRefs?: { group: string; kind: string; name: string }[];
      wellKnownCACertificates?: string;
      hostname: string;
      subjectAltNames?: unknown[];
    };
    options?: Record<string, string>;
  };
  status?: { ancestors?: { ancestorRef: ParentReference; controllerName: string; conditions: Condition[] }[] };
}

// ---- core kinds ------------------------------------------------------------

export interface Namespace extends KObject {
  kind: 'Namespace';
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

export interface Service extends KObject {
  kind: 'Service';
  spec: {
    selector?: Record<string, string>;
    ports?: ServicePort[];
    type?: string;
    clusterIP?: string;
    externalName?: string;
  };
}

export interface Deployment extends KObject {
  kind: 'Deployment';
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: { metadata?: { labels?: Record<string, string> }; spec?: unknown };
  };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number; updatedReplicas?: number };
}

export interface IngressBackend {
  service?: { name: string; port?: { name?: string; number?: number } };
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface Ingress extends KObject {
  kind: 'Ingress';
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: { host?: string; http?: { paths: { path?: string; pathType?: string; backend: IngressBackend }[] } }[];
    tls?: { hosts?: string[]; secretName?: string }[];
  };
}

export interface IngressClass extends KObject {
  kind: 'IngressClass';
  spec: { controller?: string };
}

/** Secrets are read as PartialObjectMetadata: no data, ever. */
export interface SecretMeta extends KObject {
  kind: 'Secret' | 'PartialObjectMetadata';
}
