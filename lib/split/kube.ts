/**
 * The few client-node calls of lib/split (read a route, JSON-patch it, create and list Events,
 * SelfSubjectAccessReview), and the reading of API errors into their HTTP code and Status message.
 */
import {
  ApiException,
  AuthorizationV1Api,
  CustomObjectsApi,
  EventsV1Api,
  type EventsV1Event,
  type KubeConfig,
} from '@kubernetes/client-node';
import { GATEWAY_GROUP, kindInfo, type RouteKind } from '../gateway-api/kinds';
import type { Route } from '../gateway-api/types';
import type { JsonPatchOp } from './patch';

export const FIELD_MANAGER = 'gatewatch';

export interface ApiFailure {
  /** HTTP status, 0 when the API server could not be reached. */
  code: number;
  /** Status.message from the API server, or the transport error. */
  message: string;
  /** Status.reason (NotFound, Forbidden, Conflict, Invalid, …). */
  reason?: string;
  /** Status.details.name: set on object-level errors (a missing object, not a missing resource type). */
  detailsName?: string;
}

/** Reads an error thrown by client-node into code/message/reason. */
export function apiFailure(err: unknown): ApiFailure {
  if (err instanceof ApiException) {
    let body: unknown = err.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* a plain-text body: keep the string */
      }
    }
    const status = (body && typeof body === 'object' ? body : {}) as {
      message?: string;
      reason?: string;
      details?: { name?: string };
    };
    const message = status.message ?? (typeof body === 'string' && body ? body : `HTTP ${err.code}`);
    return { code: err.code, message, reason: status.reason, detailsName: status.details?.name };
  }
  const e = err as { message?: string; cause?: { code?: string; message?: string }; code?: string };
  return { code: 0, message: e?.cause?.message ?? e?.message ?? String(err) };
}

/** Versions to try for a route kind: the caller's first (from discovery), then the kinds table's. */
function versionsFor(kind: RouteKind, preferred?: string): string[] {
  const table = kindInfo(kind)?.versions ?? ['v1'];
  return preferred ? [preferred, ...table.filter((v) => v !== preferred)] : [...table];
}

export interface RouteHandle {
  kind: RouteKind;
  namespace: string;
  name: string;
  /** API version to use, e.g. v1 (from discovery / the topology); others are tried when not served. */
  version?: string;
}

function plural(kind: RouteKind): string {
  return kindInfo(kind)?.plural ?? `${kind.toLowerCase()}s`;
}

/**
 * GETs the route, trying the served versions in order: a 404 without details.name means the version
 * is not served (a missing object names itself in details). Returns the route and the version used.
 */
export async function readRoute(kc: KubeConfig, h: RouteHandle): Promise<{ route: Route; version: string }> {
  const api = kc.makeApiClient(CustomObjectsApi);
  let last: unknown;
  for (const version of versionsFor(h.kind, h.version)) {
    try {
      const route = (await api.getNamespacedCustomObject({
        group: GATEWAY_GROUP,
        version,
        namespace: h.namespace,
        plural: plural(h.kind),
        name: h.name,
      })) as Route;
      return { route, version };
    } catch (err) {
      const f = apiFailure(err);
      if (f.code === 404 && f.detailsName !== h.name) {
        last = err;
        continue;
      }
      throw err;
    }
  }
  throw last;
}

/** Sends a JSON patch (application/json-patch+json is the generated client's default for this call). */
export async function patchRoute(kc: KubeConfig, h: RouteHandle & { version: string }, ops: JsonPatchOp[]): Promise<Route> {
  const api = kc.makeApiClient(CustomObjectsApi);
  return (await api.patchNamespacedCustomObject({
    group: GATEWAY_GROUP,
    version: h.version,
    namespace: h.namespace,
    plural: plural(h.kind),
    name: h.name,
    body: ops,
    fieldManager: FIELD_MANAGER,
  })) as Route;
}

export async function createEvent(kc: KubeConfig, namespace: string, body: EventsV1Event): Promise<void> {
  await kc.makeApiClient(EventsV1Api).createNamespacedEvent({ namespace, body });
}

/**
 * Lists the Events of a namespace regarding one object. Field selectors narrow it on a real API server;
 * a server that refuses the selector (400) gets a plain list, and the caller filters anyway.
 */
export async function listEventsRegarding(kc: KubeConfig, namespace: string, name: string): Promise<EventsV1Event[]> {
  const api = kc.makeApiClient(EventsV1Api);
  try {
    const list = await api.listNamespacedEvent({ namespace, fieldSelector: `regarding.name=${name},reason=WeightsChanged` });
    return list.items;
  } catch (err) {
    if (apiFailure(err).code !== 400) throw err;
    return (await api.listNamespacedEvent({ namespace })).items;
  }
}

export interface AccessCheck {
  allowed: boolean;
  /** The authorizer's reason, when it gave one. */
  reason?: string;
}

/** SelfSubjectAccessReview: may the current identity do `verb` on `resource` (in group) in namespace? */
export async function canI(
  kc: KubeConfig,
  attrs: { verb: string; group: string; resource: string; namespace: string; name?: string },
): Promise<AccessCheck> {
  const api = kc.makeApiClient(AuthorizationV1Api);
  const review = await api.createSelfSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attrs },
    },
  });
  return { allowed: review.status?.allowed === true, reason: review.status?.reason || undefined };
}

export { plural as routePlural };
