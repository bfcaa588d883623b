import { describe, expect, it } from 'vitest';
import type { RouteNode, WireCondition } from '../wire/types';
import { convergence, reconcileState } from './rollout';

function route(generation: number, observed: number[]): RouteNode {
  const cond = (g: number): WireCondition => ({ type: 'Accepted', status: 'True', reason: 'Accepted', message: '', observedGeneration: g, stale: false });
  return {
    id: 'HTTPRoute:app2/b-split', kind: 'HTTPRoute', name: 'b-split', namespace: 'app2', group: 'gateway.networking.k8s.io', version: 'v1',
    generation, conditions: [], hostnames: [], rules: [], mesh: true,
    parents: observed.length
      ? [{ index: 0, parentRef: { group: '', kind: 'Service', namespace: 'app2', name: 'b' }, target: 'Service:app2/b', accepted: true,
          statuses: observed.map((g) => ({ controllerName: 'c', conditions: [cond(g)] })) }]
      : [],
  };
}

describe('rollout', () => {
  it('reconciled once every status observed the written generation', () => {
    expect(reconcileState(route(4, [3]), 4)).toBe('pending');
    expect(reconcileState(route(4, [4]), 4)).toBe('reconciled');
    expect(reconcileState(route(4, [4, 3]), 4)).toBe('pending');
    expect(reconcileState(route(3, [3]), 4)).toBe('pending');
    expect(reconcileState(route(4, []), 4)).toBe('no-status');
  });

  it('converged when observed shares are near the configured ones', () => {
    expect(convergence([40, 60], [0.537, 0.463])).toBe('converging');
    expect(convergence([40, 60], [0.45, 0.55])).toBe('converged');
    expect(convergence([0, 100], [0, 1])).toBe('converged');
    expect(convergence([40, 60], undefined)).toBe('unknown');
    expect(convergence([40, 60], [0.4, undefined])).toBe('unknown');
  });
});
