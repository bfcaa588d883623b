import { describe, expect, it } from 'vitest';
import { ANNOTATION, buildWeightsEvent, describeChange, historyFromEvents } from './history';
import { bSplit } from './fixtures.test-util';

describe('WeightsChanged events', () => {
  const ev = buildWeightsEvent(
    { route: bSplit(), ruleIndex: 0, backends: ['b-v1', 'b-v2'], from: [2, 3], to: [0, 1], user: 'alice' },
    'gatewatch-host',
    new Date('2026-01-01T00:00:00Z'),
    'abc',
  );

  it('builds an events.k8s.io/v1 Event regarding the route', () => {
    expect(ev).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      reason: 'WeightsChanged',
      action: 'ChangeWeights',
      type: 'Normal',
      reportingController: 'gatewatch',
      reportingInstance: 'gatewatch-host',
      regarding: { kind: 'HTTPRoute', name: 'b-split', namespace: 'app2', uid: 'u-1' },
      metadata: { name: 'b-split.abc', namespace: 'app2' },
    });
    expect(ev.note).toBe('rule 0: b-v1 2→0, b-v2 3→1 (by alice)');
    expect(JSON.parse(ev.metadata.annotations[ANNOTATION.to])).toEqual([0, 1]);
  });

  it('reads history back, newest first, skipping foreign or malformed events', () => {
    const later = { ...ev, metadata: { ...ev.metadata, name: 'b-split.def', annotations: { ...ev.metadata.annotations, [ANNOTATION.from]: '[0,1]', [ANNOTATION.to]: '[2,3]' } }, eventTime: new Date('2026-01-01T00:05:00Z') };
    const other = { ...ev, regarding: { ...ev.regarding, name: 'app2' } };
    const malformed = { ...ev, metadata: { ...ev.metadata, annotations: { [ANNOTATION.rule]: '0' } } };
    const scaled = { ...ev, reason: 'ScalingReplicaSet' };
    const h = historyFromEvents([ev, later, other, malformed, scaled], 'HTTPRoute', 'b-split');
    expect(h.map((e) => e.id)).toEqual(['b-split.def', 'b-split.abc']);
    expect(h[0]).toMatchObject({ user: 'alice', ruleIndex: 0, from: [0, 1], to: [2, 3], backends: ['b-v1', 'b-v2'], time: '2026-01-01T00:05:00.000Z' });
    expect(historyFromEvents([ev], 'HTTPRoute', 'b-split', 1)).toEqual([]);
  });

  it('describes a change', () => {
    expect(describeChange(1, ['x'], [1], [5])).toBe('rule 1: x 1→5');
  });
});
