/**
 * backendRef resolution for a route (spec digest §3.5, §3.6, §4): unknown group/kind → InvalidKind,
 * a cross-namespace ref without a ReferenceGrant → RefNotPermitted (mesh routes need none, GEP-1294),
 * a missing Service → BackendNotFound, a Service port whose appProtocol the route cannot speak →
 * UnsupportedProtocol. RequestMirror filter refs are checked the same way.
 */
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import { defaultBackendRef, referenceAllowed, type ResolvedBackendRef } from '../gateway-api/refs';
import type { BackendRef, Route, RouteFilter, Service } from '../gateway-api/types';
import type { EvalContext } from './context';
import type { BackendResult } from './types';

/** appProtocols that carry no HTTP: an HTTPRoute or GRPCRoute cannot send requests to them. */
const NON_HTTP_APP_PROTOCOLS = new Set(['tcp', 'udp', 'tls', 'sctp', 'mongo', 'mongodb', 'mysql', 'redis', 'postgres', 'postgresql', 'kafka']);

function checkRef(
  ctx: EvalContext,
  route: Route,
  ref: ResolvedBackendRef,
  mesh: boolean,
): BackendResult['problem'] {
  const routeNs = route.metadata.namespace ?? '';
  const what = `${ref.kind} ${ref.namespace}/${ref.name}`;
  if (ref.group !== '' || ref.kind !== 'Service') {
    return { reason: 'InvalidKind', message: `backendRef ${what} (group "${ref.group}") is not a supported backend kind` };
  }
  if (
    !mesh &&
    !referenceAllowed(
      ctx.grantsIn(ref.namespace),
      { group: GATEWAY_GROUP, kind: route.kind, namespace: routeNs },
      { group: '', kind: 'Service', namespace: ref.namespace, name: ref.name },
    )
  ) {
    return {
      reason: 'RefNotPermitted',
      message: `Service ${ref.namespace}/${ref.name} is in another namespace and no ReferenceGrant there allows ${route.kind}s from ${routeNs}`,
    };
  }
  const svc = ctx.snapshot.get('Service', ref.namespace, ref.name) as Service | undefined;
  if (!svc) return { reason: 'BackendNotFound', message: `Service ${ref.namespace}/${ref.name} not found` };
  if (route.kind === 'HTTPRoute' || route.kind === 'GRPCRoute') {
    const port = (svc.spec?.ports ?? []).find((p) => p.port === ref.port);
    const app = port?.appProtocol?.toLowerCase();
    if (app && NON_HTTP_APP_PROTOCOLS.has(app)) {
      return { reason: 'UnsupportedProtocol', message: `Service ${ref.namespace}/${ref.name} port ${ref.port} speaks ${port?.appProtocol}, not HTTP` };
    }
  }
  return undefined;
}

function mirrorRefs(filters: readonly RouteFilter[] | undefined): { filterIndex: number; ref: BackendRef }[] {
  const out: { filterIndex: number; ref: BackendRef }[] = [];
  (filters ?? []).forEach((f, filterIndex) => {
    if (f?.type !== 'RequestMirror') return;
    const m = (f as { requestMirror?: { backendRef?: BackendRef } }).requestMirror?.backendRef;
    if (m && typeof m.name === 'string') out.push({ filterIndex, ref: m });
  });
  return out;
}

/** Every backendRef of the route (and RequestMirror refs), resolved for a gateway parent or a mesh parent. */
export function evaluateBackends(ctx: EvalContext, route: Route, mesh: boolean): BackendResult[] {
  const routeNs = route.metadata.namespace ?? '';
  const out: BackendResult[] = [];
  const rules = Array.isArray(route.spec?.rules) ? route.spec.rules : [];
  rules.forEach((rule, ruleIndex) => {
    (rule?.backendRefs ?? []).forEach((raw, backendIndex) => {
      if (!raw || typeof raw.name !== 'string') return;
      const ref = defaultBackendRef(raw, routeNs);
      const r: BackendResult = { ruleIndex, backendIndex, ref, crossNamespace: ref.namespace !== routeNs };
      const problem = checkRef(ctx, route, ref, mesh);
      if (problem) r.problem = problem;
      out.push(r);
    });
    for (const { filterIndex, ref: raw } of mirrorRefs(rule?.filters)) {
      const ref = defaultBackendRef(raw, routeNs);
      const r: BackendResult = { ruleIndex, backendIndex: -1, filterIndex, ref, crossNamespace: ref.namespace !== routeNs };
      const problem = checkRef(ctx, route, ref, mesh);
      if (problem) r.problem = problem;
      out.push(r);
    }
  });
  return out;
}
