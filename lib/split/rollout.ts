/**
 * Rollout state of an applied weight change: written (the API server stored it: new resourceVersion
 * and generation) → reconciled (every controller writing status for the route's parents reports that
 * generation as observedGeneration) → converged (observed traffic shares near the configured ones).
 */
import type { RouteNode } from '../wire/types';

export type ReconcileState = 'reconciled' | 'pending' | 'no-status';

/** Has the controller caught up with `generation`? 'no-status' when no controller writes status for the route. */
export function reconcileState(route: RouteNode, generation: number | undefined): ReconcileState {
  const statuses = route.parents.flatMap((p) => p.statuses);
  if (statuses.length === 0) return 'no-status';
  if (generation === undefined) return 'pending';
  if ((route.generation ?? 0) < generation) return 'pending';
  const caughtUp = statuses.every((s) => {
    const gens = s.conditions.map((c) => c.observedGeneration).filter((g): g is number => g !== undefined);
    return gens.length > 0 && Math.min(...gens) >= generation;
  });
  return caughtUp ? 'reconciled' : 'pending';
}

/** Largest distance allowed between observed and configured share (0..1) to call traffic converged. */
export const CONVERGED_WITHIN = 0.1;

/**
 * 'converged' when every backend's observed share (0..1) is within CONVERGED_WITHIN of the configured
 * one (percent), 'converging' otherwise, 'unknown' without observations (no telemetry or no traffic).
 */
export function convergence(configuredPercent: readonly number[], observed: readonly (number | undefined)[] | undefined): 'converged' | 'converging' | 'unknown' {
  if (!observed || observed.length !== configuredPercent.length || observed.some((o) => o === undefined)) return 'unknown';
  return observed.every((o, i) => Math.abs((o as number) - configuredPercent[i] / 100) <= CONVERGED_WITHIN) ? 'converged' : 'converging';
}
