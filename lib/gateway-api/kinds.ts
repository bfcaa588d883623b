/**
 * The kinds Gatewatch watches, with their API identity.
 * One table so that the emulator, the informers, the model and the analyzer agree on names.
 */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export type WatchedKind =
  | 'GatewayClass'
  | 'Gateway'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TCPRoute'
  | 'TLSRoute'
  | 'UDPRoute'
  | 'ReferenceGrant'
  | 'BackendTLSPolicy'
  | 'Namespace'
  | 'Service'
  | 'Ingress'
  | 'IngressClass'
  | 'Deployment'
  | 'Secret';

export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute' | 'TLSRoute' | 'UDPRoute';
export const ROUTE_KINDS: readonly RouteKind[] = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute'];

export interface KindInfo {
  kind: WatchedKind;
  /** '' for the core group */
  group: string;
  plural: string;
  namespaced: boolean;
  /**
   * Versions Gatewatch can read, in order of preference. Discovery picks the first one the
   * cluster serves (v1 preferred, then v1beta1, v1alpha3, v1alpha2).
   */
  versions: readonly string[];
  /** Read as PartialObjectMetadata only (Secret data never reaches the process). */
  metadataOnly?: boolean;
  /** A CRD-backed kind: may be missing from a cluster and appear later. */
  optional?: boolean;
}

const GW_VERSIONS = ['v1', 'v1beta1', 'v1alpha3', 'v1alpha2'] as const;

export const KINDS: readonly KindInfo[] = [
  { kind: 'GatewayClass', group: GATEWAY_GROUP, plural: 'gatewayclasses', namespaced: false, versions: GW_VERSIONS, optional: true },
  { kind: 'Gateway', group: GATEWAY_GROUP, plural: 'gateways', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'HTTPRoute', group: GATEWAY_GROUP, plural: 'httproutes', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'GRPCRoute', group: GATEWAY_GROUP, plural: 'grpcroutes', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'TCPRoute', group: GATEWAY_GROUP, plural: 'tcproutes', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'TLSRoute', group: GATEWAY_GROUP, plural: 'tlsroutes', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'UDPRoute', group: GATEWAY_GROUP, plural: 'udproutes', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'ReferenceGrant', group: GATEWAY_GROUP, plural: 'referencegrants', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'BackendTLSPolicy', group: GATEWAY_GROUP, plural: 'backendtlspolicies', namespaced: true, versions: GW_VERSIONS, optional: true },
  { kind: 'Namespace', group: '', plural: 'namespaces', namespaced: false, versions: ['v1'] },
  { kind: 'Service', group: '', plural: 'services', namespaced: true, versions: ['v1'] },
  { kind: 'Secret', group: '', plural: 'secrets', namespaced: true, versions: ['v1'], metadataOnly: true },
  { kind: 'Ingress', group: 'networking.k8s.io', plural: 'ingresses', namespaced: true, versions: ['v1'] },
  { kind: 'IngressClass', group: 'networking.k8s.io', plural: 'ingressclasses', namespaced: false, versions: ['v1'] },
  { kind: 'Deployment', group: 'apps', plural: 'deployments', namespaced: true, versions: ['v1'] },
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo | undefined {
  return BY_KIND.get(kind as WatchedKind);
}

export function isRouteKind(kind: string): kind is RouteKind {
  return (ROUTE_KINDS as readonly string[]).includes(kind);
}

/** "gateway.networking.k8s.io/v1" or "v1" for the core group. */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Splits an apiVersion into group and version ("v1" → group ""). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
