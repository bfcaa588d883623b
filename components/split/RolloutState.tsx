'use client';
/**
 * After an apply: written (resourceVersion, generation) → reconciled (the route's parent status reaches
 * that observedGeneration; the route prop follows the live topology) → traffic converged (observed shares
 * from /api/telemetry near the configured ones, polled while not converged).
 */
import { useEffect, useState } from 'react';
import type { RouteNode } from '@/lib/wire/types';
import { edgeIds } from '@/lib/wire/ids';
import { convergence, reconcileState } from '@/lib/split/rollout';
import { formatShare } from '@/lib/split/weights';
import { fetchObservedShares } from './api';

export interface RolloutStateProps {
  route: RouteNode;
  ruleIndex: number;
  written: { resourceVersion?: string; generation?: number; shares: number[] };
}

const POLL_MS = 5000;

export function RolloutState({ route, ruleIndex, written }: RolloutStateProps) {
  const reconciled = reconcileState(route, written.generation);
  const [observed, setObserved] = useState<(number | undefined)[] | undefined>();
  const converged = convergence(written.shares, observed);
  const count = written.shares.length;

  useEffect(() => {
    if (reconciled === 'pending' || converged === 'converged') return;
    let live = true;
    const ids = Array.from({ length: count }, (_, i) => edgeIds.backend(route.id, ruleIndex, i));
    const tick = () =>
      void fetchObservedShares(ids).then((o) => {
        if (live) setObserved(o);
      });
    tick();
    const t = setInterval(tick, POLL_MS);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [reconciled, converged, route.id, ruleIndex, count]);

  const obsText = observed?.every((o) => o !== undefined)
    ? ` (obs ${observed.map((o) => `${formatShare((o as number) * 100)} %`).join(' / ')})`
    : '';
  return (
    <p className="text-xs" data-testid="split-rollout" data-reconciled={reconciled} data-converged={converged}>
      <span>
        written rv {written.resourceVersion ?? '?'} (generation {written.generation ?? '?'}) ✓
      </span>
      {' → '}
      <span>
        {reconciled === 'reconciled' && `reconciled gen ${written.generation} ✓`}
        {reconciled === 'pending' && 'waiting for the controller…'}
        {reconciled === 'no-status' && 'no controller writes status for this route'}
      </span>
      {reconciled !== 'pending' && (
        <>
          {' → '}
          <span>
            {converged === 'converged' && `traffic converged${obsText} ✓`}
            {converged === 'converging' && `traffic converging${obsText}`}
            {converged === 'unknown' && 'no traffic observed yet'}
          </span>
        </>
      )}
    </p>
  );
}
