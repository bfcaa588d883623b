/**
 * Turns an evaluation into the status objects a controller writes, and only for objects whose status
 * would change. Conditions keep their lastTransitionTime while their status is unchanged; route
 * status.parents entries of controllers not played here are left as they are.
 */
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import { nextConditions } from '../gateway-api/conditions';
import { defaultParentRef, sameParentRef } from '../gateway-api/refs';
import type { Condition, GatewayStatus, KObject, ListenerStatus, ParentReference, RouteParentStatus } from '../gateway-api/types';
import type { ClusterSnapshot } from '../model/snapshot';
import { createContext, type EvalContext } from './context';
import { evaluateWithContext } from './evaluate';
import type { ClusterEvaluation, EvalOptions, GatewayClassResult, GatewayResult, RouteResult } from './types';

/** Same shape as the emulator store's ObjectRef (group '' for core). */
export interface ObjectRef {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface StatusWrite {
  ref: ObjectRef;
  status: Record<string, unknown>;
}

export interface StatusWriteOptions extends EvalOptions {
  /** RFC 3339 timestamp for new transitions. */
  now: string;
  /** The status currently stored for an object; defaults to the snapshot object's status. */
  previous?: (kind: string, namespace: string | undefined, name: string) => unknown;
}

/** JSON with sorted keys, so that key order never makes two equal statuses differ. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Structural equality of JSON values; undefined object members count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    n++;
    if (!jsonEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
}

type Prev = Record<string, unknown> | undefined;
const asObj = (v: unknown): Prev => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const condList = (v: unknown): Condition[] | undefined => (Array.isArray(v) ? (v as Condition[]) : undefined);

export function gatewayClassStatus(r: GatewayClassResult, prev: Prev, now: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(prev ?? {}) };
  out.conditions = nextConditions(r.conditions, condList(prev?.conditions), now);
  return out;
}

export function gatewayStatus(r: GatewayResult, prev: Prev, now: string): Record<string, unknown> {
  const p = prev as GatewayStatus | undefined;
  const listeners: ListenerStatus[] = r.listeners.map((l) => ({
    name: l.name,
    supportedKinds: l.supportedKinds,
    attachedRoutes: l.attachedRoutes,
    conditions: nextConditions(l.conditions, p?.listeners?.find((x) => x?.name === l.name)?.conditions, now),
  }));
  const out: Record<string, unknown> = { ...(prev ?? {}) };
  out.conditions = nextConditions(r.conditions, condList(p?.conditions), now);
  out.listeners = listeners;
  return out;
}

/** Echo of the spec parentRef as written by controllers (defaults filled in, as kube does). */
function echoParentRef(raw: ParentReference): ParentReference {
  const out: ParentReference = { group: raw.group ?? GATEWAY_GROUP, kind: raw.kind || 'Gateway', name: raw.name };
  if (raw.namespace) out.namespace = raw.namespace;
  if (raw.sectionName) out.sectionName = raw.sectionName;
  if (typeof raw.port === 'number') out.port = raw.port;
  return out;
}

export function routeStatus(
  ctx: EvalContext,
  route: KObject,
  r: RouteResult,
  prev: Prev,
  now: string,
): Record<string, unknown> {
  const ns = r.namespace;
  const prevParents = (Array.isArray(prev?.parents) ? prev.parents : []) as RouteParentStatus[];
  // Entries of controllers not played here stay untouched.
  const kept = prevParents.filter((e) => !(e && ctx.plays(e.controllerName)));
  const rawRefs = (route.spec as { parentRefs?: ParentReference[] } | undefined)?.parentRefs ?? [];
  const ours: RouteParentStatus[] = [];
  for (const p of r.parents) {
    if (!p.played || !p.parentFound || !p.controllerName) continue;
    const raw = rawRefs[p.index];
    if (!raw) continue;
    const old = prevParents.find(
      (e) => e && e.controllerName === p.controllerName && e.parentRef && sameParentRef(defaultParentRef(e.parentRef, ns), p.parentRef),
    );
    ours.push({
      parentRef: echoParentRef(raw),
      controllerName: p.controllerName,
      conditions: nextConditions(
        [
          { type: 'Accepted', ...p.accepted, observedGeneration: r.generation },
          { type: 'ResolvedRefs', ...p.resolvedRefs, observedGeneration: r.generation },
        ],
        old?.conditions,
        now,
      ),
    });
  }
  return { ...(prev ?? {}), parents: [...kept, ...ours] };
}

function groupOf(kind: string): string {
  return kind === 'Service' ? '' : GATEWAY_GROUP;
}

/** The writes that bring stored status in line with the evaluation (objects already right are skipped). */
export function statusWritesFor(ctx: EvalContext, ev: ClusterEvaluation, options: StatusWriteOptions, only?: ReadonlySet<string>): StatusWrite[] {
  const snap = ctx.snapshot;
  const prevOf = (kind: string, namespace: string | undefined, name: string): Prev =>
    asObj(options.previous ? options.previous(kind, namespace, name) : snap.get(kind, namespace, name)?.status);
  const out: StatusWrite[] = [];
  const push = (kind: string, namespace: string | undefined, name: string, prev: Prev, status: Record<string, unknown>) => {
    if (jsonEqual(prev ?? {}, status)) return;
    const ref: ObjectRef = { group: groupOf(kind), kind, name };
    if (namespace) ref.namespace = namespace;
    out.push({ ref, status });
  };
  for (const c of ev.gatewayClasses.values()) {
    if (!c.played || (only && !only.has(`GatewayClass//${c.name}`))) continue;
    const prev = prevOf('GatewayClass', undefined, c.name);
    push('GatewayClass', undefined, c.name, prev, gatewayClassStatus(c, prev, options.now));
  }
  for (const g of ev.gateways.values()) {
    if (!g.played || (only && !only.has(`Gateway/${g.namespace}/${g.name}`))) continue;
    const prev = prevOf('Gateway', g.namespace, g.name);
    push('Gateway', g.namespace, g.name, prev, gatewayStatus(g, prev, options.now));
  }
  for (const r of ev.routes.values()) {
    if (only && !only.has(`${r.kind}/${r.namespace}/${r.name}`)) continue;
    const route = snap.get(r.kind, r.namespace, r.name);
    if (!route) continue;
    const prev = prevOf(r.kind, r.namespace, r.name);
    const status = routeStatus(ctx, route, r, prev, options.now);
    // A route nobody here answers for, with no status yet, is left without one.
    if (!prev && (status.parents as unknown[]).length === 0) continue;
    push(r.kind, r.namespace, r.name, prev, status);
  }
  return out;
}

/** Status a conformant implementation would write now, for objects whose status should change. */
export function computeStatusWrites(snapshot: ClusterSnapshot, options: StatusWriteOptions): StatusWrite[] {
  const ctx = createContext(snapshot, options);
  return statusWritesFor(ctx, evaluateWithContext(ctx), options);
}
