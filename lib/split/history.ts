/**
 * Weight-change history as Kubernetes Events (events.k8s.io/v1, reason WeightsChanged, regarding the
 * route). Pure: builds the Event for a change and reads history entries back from listed Events. The
 * machine-readable from/to live in annotations; the note is for `kubectl describe` / `kubectl events`.
 */
import type { Route } from '../gateway-api/types';

export const EVENT_REASON = 'WeightsChanged';
export const EVENT_ACTION = 'ChangeWeights';
export const REPORTING_CONTROLLER = 'gatewatch';
export const ANNOTATION = {
  rule: 'gatewatch.dev/rule',
  backends: 'gatewatch.dev/backends',
  from: 'gatewatch.dev/from',
  to: 'gatewatch.dev/to',
  user: 'gatewatch.dev/user',
} as const;

export interface WeightChange {
  route: Route;
  ruleIndex: number;
  /** backendRef names in rule order */
  backends: string[];
  from: number[];
  to: number[];
  /** Who asked for it: a user name when known, else "gatewatch". */
  user: string;
}

export interface HistoryEntry {
  /** Event name (for keys). */
  id: string;
  time: string;
  user: string;
  ruleIndex: number;
  backends: string[];
  from: number[];
  to: number[];
  note: string;
}

/** `rule 0: b-v1 2→0, b-v2 3→1` */
export function describeChange(ruleIndex: number, backends: readonly string[], from: readonly number[], to: readonly number[]): string {
  return `rule ${ruleIndex}: ${backends.map((b, i) => `${b} ${from[i]}→${to[i]}`).join(', ')}`;
}

/** The shape of an events.k8s.io/v1 Event as sent on the wire (a subset client-node accepts). */
export interface WireEventV1 {
  apiVersion: 'events.k8s.io/v1';
  kind: 'Event';
  metadata: { name: string; namespace: string; annotations: Record<string, string> };
  eventTime: Date;
  reportingController: string;
  reportingInstance: string;
  action: string;
  reason: string;
  type: 'Normal';
  note: string;
  regarding: { apiVersion: string; kind: string; name: string; namespace: string; uid?: string; resourceVersion?: string };
}

/** The Event recording a change; `now` and `suffix` are parameters so that tests are deterministic. */
export function buildWeightsEvent(c: WeightChange, reportingInstance: string, now: Date, suffix: string): WireEventV1 {
  const m = c.route.metadata;
  const namespace = m.namespace ?? 'default';
  return {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    // Named like the API server's own events: <object>.<unique hex>.
    metadata: {
      name: `${m.name}.${suffix}`,
      namespace,
      annotations: {
        [ANNOTATION.rule]: String(c.ruleIndex),
        [ANNOTATION.backends]: JSON.stringify(c.backends),
        [ANNOTATION.from]: JSON.stringify(c.from),
        [ANNOTATION.to]: JSON.stringify(c.to),
        [ANNOTATION.user]: c.user,
      },
    },
    eventTime: now,
    reportingController: REPORTING_CONTROLLER,
    reportingInstance,
    action: EVENT_ACTION,
    reason: EVENT_REASON,
    type: 'Normal',
    note: `${describeChange(c.ruleIndex, c.backends, c.from, c.to)} (by ${c.user})`,
    regarding: {
      apiVersion: c.route.apiVersion,
      kind: c.route.kind,
      name: m.name,
      namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
    },
  };
}

/** What history needs from a listed Event (client-node's EventsV1Event fits). */
export interface ListedEvent {
  metadata?: { name?: string; annotations?: Record<string, string>; creationTimestamp?: Date | string };
  eventTime?: Date | string;
  deprecatedLastTimestamp?: Date | string;
  reason?: string;
  note?: string;
  regarding?: { kind?: string; name?: string; namespace?: string };
}

function numbers(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((n) => typeof n === 'number') ? (v as number[]) : undefined;
  } catch {
    return undefined;
  }
}

function strings(text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((n) => typeof n === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function iso(t: Date | string | undefined): string {
  if (!t) return '';
  const d = t instanceof Date ? t : new Date(t);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/**
 * History entries for one route, newest first: WeightsChanged Events regarding kind/name whose
 * annotations carry a well-formed change (others are skipped). `ruleIndex` narrows to one rule.
 */
export function historyFromEvents(
  events: readonly ListedEvent[],
  kind: string,
  name: string,
  ruleIndex?: number,
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const e of events) {
    if (e.reason !== EVENT_REASON || e.regarding?.kind !== kind || e.regarding?.name !== name) continue;
    const a = e.metadata?.annotations ?? {};
    const rule = Number(a[ANNOTATION.rule]);
    const from = numbers(a[ANNOTATION.from]);
    const to = numbers(a[ANNOTATION.to]);
    const backends = strings(a[ANNOTATION.backends]);
    if (!Number.isInteger(rule) || !from || !to || !backends || from.length !== to.length || to.length !== backends.length) continue;
    if (ruleIndex !== undefined && rule !== ruleIndex) continue;
    out.push({
      id: e.metadata?.name ?? '',
      time: iso(e.eventTime) || iso(e.deprecatedLastTimestamp) || iso(e.metadata?.creationTimestamp),
      user: a[ANNOTATION.user] ?? 'unknown',
      ruleIndex: rule,
      backends,
      from,
      to,
      note: e.note ?? '',
    });
  }
  return out.sort((x, y) => (x.time < y.time ? 1 : x.time > y.time ? -1 : y.id.localeCompare(x.id)));
}
