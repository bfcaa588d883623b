/** Which route kinds a listener protocol can carry (spec digest §2.3). */
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import type { Listener } from '../gateway-api/types';

const KINDS_BY_PROTOCOL: Record<string, readonly string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

export function isKnownProtocol(protocol: string): boolean {
  return Object.prototype.hasOwnProperty.call(KINDS_BY_PROTOCOL, protocol);
}

/** Route kinds the listener's protocol can carry ([] for an unknown protocol). */
export function protocolKinds(listener: Pick<Listener, 'protocol'>): readonly string[] {
  return KINDS_BY_PROTOCOL[listener.protocol] ?? [];
}

/** Protocols whose listeners take a hostname (TCP and UDP have no discriminator). */
export function protocolUsesHostname(protocol: string): boolean {
  return protocol === 'HTTP' || protocol === 'HTTPS' || protocol === 'TLS';
}

/** Route kinds whose hostnames take part in attachment. */
export function routeKindHasHostnames(kind: string): boolean {
  return kind === 'HTTPRoute' || kind === 'GRPCRoute' || kind === 'TLSRoute';
}

export function isGatewayGroup(group: string | undefined): boolean {
  return (group ?? GATEWAY_GROUP) === GATEWAY_GROUP;
}

/** Why a listener refuses a route kind, or undefined when it takes it. */
export function kindRefusal(l: Listener, routeKind: string): 'protocol' | 'kind' | undefined {
  if (!isKnownProtocol(l.protocol)) return 'protocol';
  if (!protocolKinds(l).includes(routeKind)) return 'protocol';
  const declared = l.allowedRoutes?.kinds;
  if (declared && declared.length > 0 && !declared.some((k) => isGatewayGroup(k.group) && k.kind === routeKind)) return 'kind';
  return undefined;
}
