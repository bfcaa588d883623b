/**
 * Route evaluation per parentRef (spec digest §2.5): parent missing → no controller; sectionName/port
 * select no listener → NoMatchingParent; no selected listener admits the route's kind and namespace →
 * NotAllowedByListeners; hostnames do not intersect → NoMatchingListenerHostname. ResolvedRefs comes
 * from the backendRefs and never rejects the route.
 */
import { defaultParentRef, isGatewayParent, isServiceParent, type ResolvedParentRef } from '../gateway-api/refs';
import { hostnamesIntersect } from '../gateway-api/hostnames';
import { matchesLabelSelector } from '../gateway-api/selectors';
import type { Gateway, GatewayClass, Listener, Route, Service } from '../gateway-api/types';
import { evaluateBackends } from './backends';
import type { EvalContext } from './context';
import { kindRefusal, protocolUsesHostname, routeKindHasHostnames } from './protocols';
import type { BackendResult, RouteParentResult, RouteResult } from './types';

type Refusal = NonNullable<RouteParentResult['refusals']>[number];

function namespaceAllowed(ctx: EvalContext, l: Listener, gatewayNs: string, routeNs: string): { ok: boolean; detail: string } {
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return { ok: true, detail: 'All' };
  if (from === 'Same') return { ok: gatewayNs === routeNs, detail: `only routes in namespace ${gatewayNs} (from: Same)` };
  if (from === 'Selector') {
    const sel = l.allowedRoutes?.namespaces?.selector;
    return { ok: matchesLabelSelector(sel, ctx.namespaceLabels(routeNs)), detail: `only namespaces whose labels match ${JSON.stringify(sel ?? {})} (from: Selector)` };
  }
  return { ok: false, detail: `no namespaces (from: ${from})` };
}

function unresolvedSummary(backends: readonly BackendResult[]): RouteParentResult['resolvedRefs'] {
  const bad = backends.filter((b) => b.problem);
  if (bad.length === 0) return { status: 'True', reason: 'ResolvedRefs', message: 'All references resolved' };
  return { status: 'False', reason: bad[0]!.problem!.reason, message: bad.map((b) => b.problem!.message).join('; ') };
}

function evaluateGatewayParent(
  ctx: EvalContext,
  route: Route,
  index: number,
  parentRef: ResolvedParentRef,
  resolved: RouteParentResult['resolvedRefs'],
): RouteParentResult {
  const gw = ctx.snapshot.get('Gateway', parentRef.namespace, parentRef.name) as Gateway | undefined;
  const base = { index, parentRef, supportedKind: true, resolvedRefs: resolved, attachedListeners: [] as string[] };
  if (!gw) {
    return {
      ...base,
      parentFound: false,
      played: false,
      accepted: { status: 'False', reason: 'NoMatchingParent', message: `Gateway ${parentRef.namespace}/${parentRef.name} not found` },
    };
  }
  const gc = ctx.snapshot.get('GatewayClass', undefined, String(gw.spec?.gatewayClassName ?? '')) as GatewayClass | undefined;
  const controllerName = gc ? String(gc.spec?.controllerName ?? '') : undefined;
  const common = { ...base, parentFound: true, played: !!gc && ctx.plays(controllerName) };
  const withController = controllerName !== undefined ? { ...common, controllerName } : common;

  const listeners = Array.isArray(gw.spec?.listeners) ? gw.spec.listeners : [];
  const selected = listeners.filter(
    (l) => (parentRef.sectionName === undefined || l.name === parentRef.sectionName) && (parentRef.port === undefined || l.port === parentRef.port),
  );
  if (selected.length === 0) {
    const what = [parentRef.sectionName && `sectionName ${parentRef.sectionName}`, parentRef.port !== undefined && `port ${parentRef.port}`]
      .filter(Boolean)
      .join(' and ');
    return {
      ...withController,
      accepted: { status: 'False', reason: 'NoMatchingParent', message: `No listener on Gateway ${parentRef.namespace}/${parentRef.name} matches ${what}` },
    };
  }

  const routeNs = route.metadata.namespace ?? '';
  const gwNs = gw.metadata.namespace ?? '';
  const refusals: Refusal[] = [];
  const allowed: Listener[] = [];
  for (const l of selected) {
    const kr = kindRefusal(l, route.kind);
    if (kr === 'protocol') {
      refusals.push({ listener: l.name, why: 'protocol', detail: `a ${l.protocol} listener cannot carry ${route.kind}` });
      continue;
    }
    if (kr === 'kind') {
      refusals.push({
        listener: l.name,
        why: 'kind',
        detail: `allowedRoutes.kinds is ${(l.allowedRoutes?.kinds ?? []).map((k) => k.kind).join(', ')}`,
      });
      continue;
    }
    const ns = namespaceAllowed(ctx, l, gwNs, routeNs);
    if (!ns.ok) {
      refusals.push({ listener: l.name, why: 'namespace', detail: ns.detail });
      continue;
    }
    allowed.push(l);
  }
  if (allowed.length === 0) {
    return {
      ...withController,
      refusals,
      accepted: {
        status: 'False',
        reason: 'NotAllowedByListeners',
        message: refusals.map((r) => `listener ${r.listener}: ${r.detail}`).join('; '),
      },
    };
  }

  const hostnames = routeKindHasHostnames(route.kind) && Array.isArray(route.spec?.hostnames) ? route.spec.hostnames : undefined;
  const attached = allowed.filter((l) => !protocolUsesHostname(l.protocol) || hostnamesIntersect(l.hostname, hostnames));
  if (attached.length === 0) {
    for (const l of allowed) refusals.push({ listener: l.name, why: 'hostname', detail: `listener hostname ${l.hostname ?? '(any)'}` });
    return {
      ...withController,
      refusals,
      accepted: {
        status: 'False',
        reason: 'NoMatchingListenerHostname',
        message: `Route hostnames ${(hostnames ?? []).join(', ')} match no listener hostname (${allowed.map((l) => `${l.name}: ${l.hostname ?? '*'}`).join(', ')})`,
      },
    };
  }
  const out: RouteParentResult = {
    ...withController,
    attachedListeners: attached.map((l) => l.name),
    accepted: { status: 'True', reason: 'Accepted', message: `Attached to listener(s) ${attached.map((l) => l.name).join(', ')}` },
  };
  if (refusals.length > 0) out.refusals = refusals;
  return out;
}

function evaluateServiceParent(
  ctx: EvalContext,
  index: number,
  parentRef: ResolvedParentRef,
  resolved: RouteParentResult['resolvedRefs'],
): RouteParentResult {
  const svc = ctx.snapshot.get('Service', parentRef.namespace, parentRef.name) as Service | undefined;
  const base = {
    index,
    parentRef,
    supportedKind: true,
    resolvedRefs: resolved,
    attachedListeners: [] as string[],
    controllerName: ctx.meshController,
  };
  if (!svc) {
    return {
      ...base,
      parentFound: false,
      played: false,
      accepted: { status: 'False', reason: 'NoMatchingParent', message: `Service ${parentRef.namespace}/${parentRef.name} not found` },
    };
  }
  const ports = svc.spec?.ports ?? [];
  const portOk =
    (parentRef.sectionName === undefined || ports.some((p) => p.name === parentRef.sectionName)) &&
    (parentRef.port === undefined || ports.some((p) => p.port === parentRef.port));
  const played = ctx.plays(ctx.meshController);
  if (!portOk) {
    return {
      ...base,
      parentFound: true,
      played,
      accepted: {
        status: 'False',
        reason: 'NoMatchingParent',
        message: `Service ${parentRef.namespace}/${parentRef.name} has no port ${parentRef.sectionName ?? parentRef.port}`,
      },
    };
  }
  return { ...base, parentFound: true, played, accepted: { status: 'True', reason: 'Accepted', message: 'Accepted by the mesh' } };
}

export function evaluateRoute(ctx: EvalContext, route: Route): RouteResult {
  const ns = route.metadata.namespace ?? '';
  const parentRefs = (Array.isArray(route.spec?.parentRefs) ? route.spec.parentRefs : [])
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p && typeof p.name === 'string');
  let gatewayBackends: BackendResult[] | undefined;
  let meshBackends: BackendResult[] | undefined;
  const parents = parentRefs.map(({ p, index }): RouteParentResult => {
    const parentRef = defaultParentRef(p, ns);
    if (isServiceParent(parentRef)) {
      meshBackends ??= evaluateBackends(ctx, route, true);
      return evaluateServiceParent(ctx, index, parentRef, unresolvedSummary(meshBackends));
    }
    gatewayBackends ??= evaluateBackends(ctx, route, false);
    const resolved = unresolvedSummary(gatewayBackends);
    if (isGatewayParent(parentRef)) return evaluateGatewayParent(ctx, route, index, parentRef, resolved);
    return {
      index,
      parentRef,
      parentFound: false,
      supportedKind: false,
      played: false,
      resolvedRefs: resolved,
      attachedListeners: [],
      accepted: { status: 'False', reason: 'NoMatchingParent', message: `Parent kind ${parentRef.kind} is not evaluated by Gatewatch` },
    };
  });
  const out: RouteResult = {
    kind: route.kind,
    namespace: ns,
    name: route.metadata.name,
    parents,
    backends: gatewayBackends ?? meshBackends ?? evaluateBackends(ctx, route, false),
  };
  if (route.metadata.generation !== undefined) out.generation = route.metadata.generation;
  return out;
}
