/** What the controller wrote, for comparison with the engine's conclusion (controllerAgrees). */
import { findCondition, isPending, isStale } from '../../gateway-api/conditions';
import { defaultParentRef, sameParentRef, type ResolvedParentRef } from '../../gateway-api/refs';
import type { Condition, Gateway, Route, RouteParentStatus } from '../../gateway-api/types';

export interface View {
  status: string;
  reason: string;
  controllerName?: string;
}

function usable(c: Condition | undefined, generation: number | undefined): View | undefined {
  if (!c || isPending(c) || isStale(c, generation)) return undefined;
  return { status: c.status, reason: c.reason };
}

/** The status entries written for one parentRef (one per controller). */
export function parentEntries(route: Route, parentRef: ResolvedParentRef): RouteParentStatus[] {
  const ns = route.metadata.namespace ?? '';
  const parents = Array.isArray(route.status?.parents) ? route.status.parents : [];
  return parents.filter((e) => e && e.parentRef && typeof e.parentRef.name === 'string' && sameParentRef(defaultParentRef(e.parentRef, ns), parentRef));
}

/** The controller's fresh verdict on a route parent condition, if it wrote one. */
export function routeParentView(route: Route, parentRef: ResolvedParentRef, type: string): View | undefined {
  for (const e of parentEntries(route, parentRef)) {
    const v = usable(findCondition(e.conditions, type), route.metadata.generation);
    if (v) return { ...v, controllerName: e.controllerName };
  }
  return undefined;
}

export function listenerView(gw: Gateway, listener: string, type: string): View | undefined {
  const l = (Array.isArray(gw.status?.listeners) ? gw.status.listeners : []).find((x) => x?.name === listener);
  return usable(findCondition(l?.conditions, type), gw.metadata.generation);
}

export function objectView(conditions: readonly Condition[] | undefined, generation: number | undefined, type: string): View | undefined {
  return usable(findCondition(conditions, type), generation);
}

/** Does the controller's view match an expected condition (status, and reason when False)? */
export function agrees(view: View | undefined, status: string, reason?: string): boolean | undefined {
  if (!view) return undefined;
  if (view.status !== status) return false;
  return status === 'True' || !reason || view.reason === reason;
}

/** Sets controllerAgrees only when the controller said something. */
export function withAgreement<T extends { controllerAgrees?: boolean }>(f: T, agreement: boolean | undefined): T {
  if (agreement !== undefined) f.controllerAgrees = agreement;
  return f;
}
