/**
 * What the editor needs to know before offering to edit a route: may this identity patch it
 * (SelfSubjectAccessReview), may it record history (create Events), is the route managed by GitOps,
 * and the route's current weights and resourceVersion. Also reads the history back.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { GATEWAY_GROUP, type RouteKind } from '../gateway-api/kinds';
import { detectGitOps, type GitOpsInfo } from './gitops';
import { historyFromEvents, type HistoryEntry } from './history';
import { apiFailure, canI, listEventsRegarding, readRoute, routePlural, type RouteHandle } from './kube';
import { SplitError } from './errors';
import { routeError } from './apply';
import { routeLabel } from './validate';

export interface SplitAccess {
  /** Server started with GATEWATCH_READ_ONLY=1: no writes at all. */
  readOnly: boolean;
  /** SelfSubjectAccessReview for `patch` on this route; 'unknown' when the review itself failed. */
  canPatch: boolean | 'unknown';
  /** SelfSubjectAccessReview for `create` on events.k8s.io Events in the namespace. */
  canRecordHistory: boolean | 'unknown';
  /** Plain words for the editor, when editing is not possible or history will not be recorded. */
  notices: string[];
  gitops: GitOpsInfo;
  resourceVersion?: string;
  generation?: number;
}

async function review(
  kc: KubeConfig,
  attrs: Parameters<typeof canI>[1],
): Promise<{ allowed: boolean | 'unknown'; reason?: string }> {
  try {
    return await canI(kc, attrs);
  } catch (err) {
    return { allowed: 'unknown', reason: apiFailure(err).message };
  }
}

export async function checkAccess(kc: KubeConfig, h: RouteHandle, readOnly: boolean): Promise<SplitAccess> {
  const label = routeLabel(h.kind, h.namespace, h.name);
  let route;
  try {
    ({ route } = await readRoute(kc, h));
  } catch (err) {
    throw routeError(label, apiFailure(err), 'read');
  }
  const [patch, events] = await Promise.all([
    review(kc, { verb: 'patch', group: GATEWAY_GROUP, resource: routePlural(h.kind as RouteKind), namespace: h.namespace, name: h.name }),
    review(kc, { verb: 'create', group: 'events.k8s.io', resource: 'events', namespace: h.namespace }),
  ]);
  const notices: string[] = [];
  if (readOnly) notices.push('Gatewatch runs in read-only mode (GATEWATCH_READ_ONLY=1): weights cannot be changed here.');
  if (patch.allowed === false) notices.push(`Your cluster permissions do not allow patching this route (${label}).`);
  if (patch.allowed === 'unknown') notices.push(`Could not check permissions to patch ${label}: ${patch.reason ?? 'unknown error'}.`);
  if (events.allowed === false)
    notices.push(`Changes can be applied, but the history cannot be recorded: creating Events in ${h.namespace} is not allowed.`);
  return {
    readOnly,
    canPatch: patch.allowed,
    canRecordHistory: events.allowed,
    notices,
    gitops: detectGitOps(route),
    resourceVersion: route.metadata.resourceVersion,
    generation: route.metadata.generation,
  };
}

/** WeightsChanged history of a route, newest first (optionally of one rule). */
export async function listHistory(kc: KubeConfig, h: RouteHandle, ruleIndex?: number): Promise<HistoryEntry[]> {
  try {
    const events = await listEventsRegarding(kc, h.namespace, h.name);
    return historyFromEvents(events, h.kind, h.name, ruleIndex);
  } catch (err) {
    const f = apiFailure(err);
    if (f.code === 403) {
      throw new SplitError('forbidden', `Your cluster permissions do not allow listing Events in ${h.namespace}: ${f.message}`);
    }
    throw new SplitError('unavailable', `Could not read the history of ${routeLabel(h.kind, h.namespace, h.name)}: ${f.message}`);
  }
}
