/**
 * core/v1 Event and events.k8s.io/v1 Event are one stored object seen two ways, as in kube-apiserver.
 * Storage is core/v1; these convert field by field (involvedObject↔regarding, message↔note, ...).
 */
import type { KObject } from '../gateway-api/types';

type Obj = Record<string, unknown>;

function put(out: Obj, key: string, value: unknown): void {
  if (value !== undefined && value !== null) out[key] = value;
}

/** events.k8s.io/v1 → core/v1 (storage). */
export function eventToCore(e: KObject): KObject {
  const src = e as Obj;
  const out: Obj = { apiVersion: 'v1', kind: 'Event', metadata: e.metadata };
  put(out, 'involvedObject', src.regarding ?? {});
  put(out, 'reason', src.reason);
  put(out, 'message', src.note);
  const deprecatedSource = src.deprecatedSource as Obj | undefined;
  const controller = src.reportingController as string | undefined;
  put(out, 'source', deprecatedSource ?? (controller ? { component: controller, ...(src.reportingInstance ? { host: src.reportingInstance } : {}) } : undefined));
  put(out, 'firstTimestamp', src.deprecatedFirstTimestamp);
  put(out, 'lastTimestamp', src.deprecatedLastTimestamp);
  put(out, 'count', src.deprecatedCount);
  put(out, 'type', src.type);
  put(out, 'eventTime', src.eventTime);
  put(out, 'series', src.series);
  put(out, 'action', src.action);
  put(out, 'related', src.related);
  put(out, 'reportingComponent', controller ?? deprecatedSource?.component);
  put(out, 'reportingInstance', src.reportingInstance);
  return out as KObject;
}

/** core/v1 (storage) → events.k8s.io/v1. */
export function eventFromCore(e: KObject): KObject {
  const src = e as Obj;
  const source = src.source as Obj | undefined;
  const out: Obj = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: e.metadata };
  put(out, 'eventTime', src.eventTime ?? null);
  put(out, 'series', src.series);
  put(out, 'reportingController', src.reportingComponent || source?.component);
  put(out, 'reportingInstance', src.reportingInstance || source?.host);
  put(out, 'action', src.action);
  put(out, 'reason', src.reason);
  put(out, 'regarding', src.involvedObject);
  put(out, 'related', src.related);
  put(out, 'note', src.message);
  put(out, 'type', src.type);
  // A source synthesized from reportingController on the way in is not a separate deprecated field.
  const synthesized = source && source.component === src.reportingComponent && (source.host ?? undefined) === (src.reportingInstance ?? undefined);
  if (!synthesized) put(out, 'deprecatedSource', source);
  put(out, 'deprecatedFirstTimestamp', src.firstTimestamp);
  put(out, 'deprecatedLastTimestamp', src.lastTimestamp);
  put(out, 'deprecatedCount', src.count);
  return out as KObject;
}

/** Field selector keys kube-apiserver accepts for core Events. */
export const CORE_EVENT_FIELDS = [
  'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
  'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath',
  'reason', 'reportingComponent', 'source', 'type',
];

export const EVENTS_V1_FIELDS = [
  'regarding.kind', 'regarding.namespace', 'regarding.name', 'regarding.uid', 'regarding.apiVersion',
  'regarding.resourceVersion', 'regarding.fieldPath', 'reason', 'reportingController', 'type',
];
