/**
 * Condition helpers (spec digest §3.1): lookup, staleness (observedGeneration behind the object's
 * generation), the CRD default "Pending" condition, and setting a condition while keeping its
 * lastTransitionTime when its status did not change.
 */
import type { Condition, ConditionStatus } from './types';

/** The CRD default timestamp: a condition carrying it was never written by a controller. */
export const CRD_DEFAULT_TIME = '1970-01-01T00:00:00Z';

export function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return Array.isArray(conditions) ? conditions.find((c) => c && c.type === type) : undefined;
}

export function isTrue(conditions: readonly Condition[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

export function isFalse(conditions: readonly Condition[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'False';
}

/** Written for an older generation of the object than the current one. */
export function isStale(c: Pick<Condition, 'observedGeneration'>, generation: number | undefined): boolean {
  return typeof c.observedGeneration === 'number' && typeof generation === 'number' && c.observedGeneration < generation;
}

/** Still the CRD default: reason Pending at the 1970 timestamp. */
export function isPending(c: Pick<Condition, 'reason' | 'lastTransitionTime'>): boolean {
  return c.reason === 'Pending' && typeof c.lastTransitionTime === 'string' && c.lastTransitionTime.startsWith('1970-01-01');
}

export interface ConditionInput {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  observedGeneration?: number;
}

/**
 * Builds the condition to write: keeps the previous lastTransitionTime when the status is unchanged
 * (metav1.Condition semantics), otherwise stamps `now`.
 */
export function nextCondition(input: ConditionInput, previous: readonly Condition[] | undefined, now: string): Condition {
  const prev = findCondition(previous, input.type);
  const keep = prev && prev.status === input.status && typeof prev.lastTransitionTime === 'string' && !isPending(prev);
  const out: Condition = {
    type: input.type,
    status: input.status,
    reason: input.reason,
    message: input.message,
    lastTransitionTime: keep ? prev.lastTransitionTime : now,
  };
  if (input.observedGeneration !== undefined) out.observedGeneration = input.observedGeneration;
  return out;
}

/** nextCondition over a list, in the given order. */
export function nextConditions(inputs: readonly ConditionInput[], previous: readonly Condition[] | undefined, now: string): Condition[] {
  return inputs.map((i) => nextCondition(i, previous, now));
}
