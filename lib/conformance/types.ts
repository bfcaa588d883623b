/** What the conformance engine concludes about each object: the status a conformant controller writes. */
import type { ConditionInput } from '../gateway-api/conditions';
import type { ResolvedBackendRef, ResolvedParentRef } from '../gateway-api/refs';
import type { RouteGroupKind } from '../gateway-api/types';

export const MESH_CONTROLLER = 'istio.io/gateway-controller';

export interface EvalOptions {
  /** Controllers whose objects get status. Undefined: every controller (the offline analyzer's view). */
  controllerNames?: readonly string[];
  /** Controller that owns mesh (GAMMA) routes whose parent is a Service. */
  meshControllerName?: string;
}

export interface ObjectKeyRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface GatewayClassResult {
  name: string;
  controllerName: string;
  /** This engine plays the class's controller (so status is written). */
  played: boolean;
  conditions: ConditionInput[];
}

/** Why a listener is not fully valid (for the analyzer's messages). */
export interface ListenerProblem {
  condition: 'Accepted' | 'ResolvedRefs' | 'Conflicted';
  reason: string;
  message: string;
  /** certificateRefs index, when the problem is about one */
  certificateIndex?: number;
  /** the Secret referenced, when about a certificateRef */
  secret?: { namespace: string; name: string; group: string; kind: string };
  /** listeners it conflicts with */
  conflictsWith?: string[];
}

export interface ListenerResult {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  conditions: ConditionInput[];
  problems: ListenerProblem[];
  /** Accepted, refs resolved and no conflict. */
  valid: boolean;
}

export interface GatewayResult {
  namespace: string;
  name: string;
  generation?: number;
  gatewayClassName: string;
  classExists: boolean;
  controllerName?: string;
  played: boolean;
  conditions: ConditionInput[];
  listeners: ListenerResult[];
}

export type BackendProblemReason = 'BackendNotFound' | 'InvalidKind' | 'RefNotPermitted' | 'UnsupportedProtocol';

export interface BackendResult {
  ruleIndex: number;
  /** index in rule.backendRefs; -1 for a RequestMirror filter's backendRef */
  backendIndex: number;
  /** set for mirror refs: index of the filter in the rule */
  filterIndex?: number;
  ref: ResolvedBackendRef;
  /** undefined: resolved */
  problem?: { reason: BackendProblemReason; message: string };
  /** The ref crosses namespaces and a ReferenceGrant would be needed outside the mesh. */
  crossNamespace: boolean;
}

export type ParentDecision =
  | 'Accepted'
  | 'NoMatchingParent'
  | 'NotAllowedByListeners'
  | 'NoMatchingListenerHostname'
  | 'UnsupportedValue';

export interface RouteParentResult {
  index: number;
  parentRef: ResolvedParentRef;
  /** The parent object exists (Gateway or Service). */
  parentFound: boolean;
  /** Parent kind this engine understands (Gateway, Service). */
  supportedKind: boolean;
  /** Controller responsible: the Gateway's class controller, or the mesh controller. */
  controllerName?: string;
  /** Status for this parent is written by a played controller. */
  played: boolean;
  accepted: { status: 'True' | 'False'; reason: ParentDecision; message: string };
  resolvedRefs: { status: 'True' | 'False'; reason: string; message: string };
  /** Listener names the route attached to (Gateway parents, when accepted). */
  attachedListeners: string[];
  /** For NotAllowedByListeners: per selected listener, why it refused. */
  refusals?: { listener: string; why: 'namespace' | 'kind' | 'protocol' | 'hostname'; detail: string }[];
}

export interface RouteResult {
  kind: string;
  namespace: string;
  name: string;
  generation?: number;
  parents: RouteParentResult[];
  backends: BackendResult[];
}

export interface ClusterEvaluation {
  gatewayClasses: Map<string, GatewayClassResult>;
  /** keyed `namespace/name` */
  gateways: Map<string, GatewayResult>;
  /** keyed `Kind/namespace/name` */
  routes: Map<string, RouteResult>;
}
