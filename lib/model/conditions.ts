/**
 * Status conditions as the wire shows them: each one marked `stale` when the controller wrote it
 * for an older generation, and `pending` when it is still the CRD default (never reconciled).
 */
import { isPending, isStale } from '../gateway-api/conditions';
import type { Condition } from '../gateway-api/types';
import type { WireCondition } from '../wire/types';

export function toWireCondition(c: Condition, generation: number | undefined, controllerName?: string): WireCondition {
  const out: WireCondition = {
    type: String(c.type ?? ''),
    status: c.status === 'True' || c.status === 'False' ? c.status : 'Unknown',
    reason: String(c.reason ?? ''),
    message: String(c.message ?? ''),
    stale: isStale(c, generation),
    pending: isPending(c),
  };
  if (c.lastTransitionTime) out.lastTransitionTime = c.lastTransitionTime;
  if (c.observedGeneration !== undefined) out.observedGeneration = c.observedGeneration;
  if (controllerName) out.controllerName = controllerName;
  return out;
}

export function toWireConditions(
  conditions: readonly Condition[] | undefined,
  generation: number | undefined,
  controllerName?: string,
): WireCondition[] {
  if (!Array.isArray(conditions)) return [];
  return conditions.filter((c) => c && typeof c === 'object').map((c) => toWireCondition(c, generation, controllerName));
}

/** The verdict of one condition type across a set of conditions: True wins, then False, then Unknown. */
export function conditionVerdict(
  conditions: readonly WireCondition[],
  type: string,
): { status: boolean | 'unknown'; reason?: string } {
  const of = conditions.filter((c) => c.type === type);
  const t = of.find((c) => c.status === 'True');
  if (t) return { status: true, reason: t.reason || undefined };
  const f = of.find((c) => c.status === 'False');
  if (f) return { status: false, reason: f.reason || undefined };
  const u = of[0];
  return { status: 'unknown', reason: u?.reason || undefined };
}
