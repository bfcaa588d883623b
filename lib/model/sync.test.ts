/**
 * The server's path: an empty builder fed the initial lists kind by kind (in any order), then
 * deletions, must agree with a full build at every step.
 */
import { describe, expect, it } from 'vitest';
import { generateCluster } from '../bench/generate';
import type { KObject } from '../gateway-api/types';
import { buildTopology, createTopologyBuilder, MutableSnapshot, type ModelContext } from './index';
import { rng } from './testing/prng';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'x' }, health: { state: 'ok' }, kinds: [], generatedAt: 't' };
const change = (o: KObject) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });

describe('initial sync through applyChanges', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches a full build whatever the order kinds arrive in (seed ${seed})`, () => {
      const objects = generateCluster('small', seed);
      const r = rng(seed);
      const kinds = [...new Set(objects.map((o) => o.kind))].sort(() => r.next() - 0.5);
      const snap = new MutableSnapshot();
      const builder = createTopologyBuilder(snap);
      for (const kind of kinds) {
        const batch = objects.filter((o) => o.kind === kind);
        for (const o of batch) snap.put(o);
        builder.applyChanges(batch.map(change));
        expect(builder.topology(ctx, 1), kind).toEqual(buildTopology(snap, ctx, 1));
      }
      // then everything of a few kinds goes away again
      for (const kind of kinds.slice(0, 3)) {
        const batch = objects.filter((o) => o.kind === kind);
        for (const o of batch) snap.remove(o.kind, o.metadata.namespace, o.metadata.name);
        const cs = builder.applyChanges(batch.map(change));
        expect(builder.topology(ctx, 2), `remove ${kind}`).toEqual(buildTopology(snap, ctx, 2));
        if (batch.length && ['HTTPRoute', 'Service', 'Gateway'].includes(kind)) expect(cs.removed.length).toBeGreaterThan(0);
      }
    });
  }
});
