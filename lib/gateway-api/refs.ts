/**
 * Defaulting for parentRefs, backendRefs and certificateRefs, and ReferenceGrant evaluation, in one
 * place so that every reader applies the API's defaults the same way (spec digest §2.1, §3.6, §4).
 */
import { GATEWAY_GROUP } from './kinds';
import type { BackendRef, ParentReference, ReferenceGrant, SecretObjectReference } from './types';

export interface ResolvedParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export interface ResolvedBackendRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  /** Defaulted to 1; negative or non-numeric values read as 1 is wrong, so they read as 0 (no traffic). */
  weight: number;
}

export interface ResolvedSecretRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

export function defaultParentRef(ref: ParentReference, routeNamespace: string): ResolvedParentRef {
  const out: ResolvedParentRef = {
    group: ref.group ?? GATEWAY_GROUP,
    kind: ref.kind || 'Gateway',
    namespace: ref.namespace || routeNamespace,
    name: ref.name,
  };
  if (ref.sectionName) out.sectionName = ref.sectionName;
  if (typeof ref.port === 'number') out.port = ref.port;
  return out;
}

export function defaultBackendRef(ref: BackendRef, routeNamespace: string): ResolvedBackendRef {
  let weight = 1;
  if (ref.weight !== undefined && ref.weight !== null) {
    weight = typeof ref.weight === 'number' && Number.isFinite(ref.weight) && ref.weight > 0 ? ref.weight : 0;
  }
  const out: ResolvedBackendRef = {
    group: ref.group ?? '',
    kind: ref.kind || 'Service',
    namespace: ref.namespace || routeNamespace,
    name: ref.name,
    weight,
  };
  if (typeof ref.port === 'number') out.port = ref.port;
  return out;
}

export function defaultSecretRef(ref: SecretObjectReference, gatewayNamespace: string): ResolvedSecretRef {
  return { group: ref.group ?? '', kind: ref.kind || 'Secret', namespace: ref.namespace || gatewayNamespace, name: ref.name };
}

export function isServiceParent(ref: Pick<ResolvedParentRef, 'group' | 'kind'>): boolean {
  return ref.group === '' && ref.kind === 'Service';
}

export function isGatewayParent(ref: Pick<ResolvedParentRef, 'group' | 'kind'>): boolean {
  return ref.group === GATEWAY_GROUP && ref.kind === 'Gateway';
}

/** The same parent and section: how status.parents[] entries are matched to spec.parentRefs[]. */
export function sameParentRef(a: ResolvedParentRef, b: ResolvedParentRef): boolean {
  return (
    a.group === b.group &&
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    a.name === b.name &&
    (a.sectionName ?? '') === (b.sectionName ?? '') &&
    (a.port ?? 0) === (b.port ?? 0)
  );
}

export interface GrantFrom {
  group: string;
  kind: string;
  namespace: string;
}
export interface GrantTo {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Is a reference from `from` to `to` allowed? Same-namespace references always are; across namespaces a
 * ReferenceGrant in the target's namespace must list the referrer in `from` and the target in `to`
 * (omitted `to.name` covers every object of that kind).
 */
export function referenceAllowed(grants: readonly ReferenceGrant[], from: GrantFrom, to: GrantTo): boolean {
  if (from.namespace === to.namespace) return true;
  return grants.some(
    (g) =>
      g.metadata.namespace === to.namespace &&
      (g.spec?.from ?? []).some((f) => (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
      (g.spec?.to ?? []).some((t) => (t.group ?? '') === to.group && t.kind === to.kind && (!t.name || t.name === to.name)),
  );
}
