/**
 * The API's matching rules as the model uses them: which listeners a parentRef selects and admits
 * (allowedRoutes). Defaulting, hostnames, grants and selectors come from lib/gateway-api.
 */
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import { hostnamesIntersect } from '../gateway-api/hostnames';
import {
  defaultBackendRef,
  defaultParentRef,
  isGatewayParent,
  isServiceParent,
  referenceAllowed,
  sameParentRef,
  type ResolvedBackendRef,
} from '../gateway-api/refs';
import { matchesLabelSelector } from '../gateway-api/selectors';
import type { BackendRef, LabelSelector, Listener, ParentReference, ReferenceGrant } from '../gateway-api/types';
import type { WireParentRef } from '../wire/types';

export function normalizeParentRef(ref: ParentReference, routeNamespace: string): WireParentRef {
  return defaultParentRef(ref, routeNamespace);
}

export { isGatewayParent, isServiceParent, sameParentRef };

export type NormalizedBackendRef = ResolvedBackendRef;

export function normalizeBackendRef(ref: BackendRef, routeNamespace: string): NormalizedBackendRef {
  return defaultBackendRef(ref, routeNamespace);
}

/** Listeners picked by sectionName and port (both must match when both are set; neither = all). */
export function selectListeners(listeners: readonly Listener[], ref: WireParentRef): Listener[] {
  return listeners.filter(
    (l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port),
  );
}

const KINDS_BY_PROTOCOL: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

/** Does the listener's allowedRoutes.kinds (or its protocol's default kinds) admit this route kind? */
export function listenerAllowsKind(l: Listener, routeKind: string): boolean {
  const kinds = l.allowedRoutes?.kinds;
  if (kinds && kinds.length > 0) return kinds.some((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && k.kind === routeKind);
  const byProtocol = KINDS_BY_PROTOCOL[l.protocol];
  return byProtocol ? byProtocol.includes(routeKind) : true; // custom protocols: implementation-specific
}

/** allowedRoutes.namespaces: Same (default), All, Selector (on the Namespace object's labels), None. */
export function listenerAllowsNamespace(
  l: Listener,
  gatewayNamespace: string,
  routeNamespace: string,
  routeNamespaceLabels: Record<string, string> | undefined,
): boolean {
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return gatewayNamespace === routeNamespace;
  if (from === 'Selector') {
    const sel = l.allowedRoutes?.namespaces?.selector;
    return !!sel && selectorMatches(sel, routeNamespaceLabels ?? {});
  }
  return false;
}

export const selectorMatches = (sel: LabelSelector, labels: Record<string, string>): boolean => matchesLabelSelector(sel, labels);

/** A Service selector (plain map) selects labels when every pair is present. An empty selector selects nothing. */
export function mapSelects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  // Hot path (every Service × every Deployment of a namespace): a loop instead of Object.entries.
  if (!selector || !labels) return false;
  let any = false;
  for (const k in selector) {
    if (labels[k] !== selector[k]) return false;
    any = true;
  }
  return any;
}

export { hostnamesIntersect };

/** Is a reference from (group, kind, namespace) to a Service in another namespace permitted by a grant there? */
export function grantPermits(
  grants: readonly ReferenceGrant[],
  from: { group: string; kind: string; namespace: string },
  to: { group: string; kind: string; namespace: string; name: string },
): boolean {
  return referenceAllowed(grants, from, to);
}
