import { describe, expect, it } from 'vitest';
import { buildTopology, snapshotFromObjects } from '../model';
import { generateCluster } from '../bench/generate';
import { jsonSlices, topologyStream } from './topology-body';

const topology = buildTopology(snapshotFromObjects(generateCluster('small', 2)), { cluster: { mode: 'demo', label: 'demo' }, health: { state: 'ok' }, kinds: [] }, 3);

describe('topology body', () => {
  it('writes the same JSON as JSON.stringify, in slices', () => {
    expect([...jsonSlices(topology)].join('')).toBe(JSON.stringify(topology));
    const odd = { a: undefined, b: [1, 2], c: Array.from({ length: 100 }, (_, i) => (i === 5 ? undefined : { i })), d: 'x', e: [] };
    expect([...jsonSlices(odd)].join('')).toBe(JSON.stringify(odd));
  });

  it('streams bytes that parse back to the topology', async () => {
    const text = await new Response(topologyStream(topology)).text();
    expect(JSON.parse(text)).toEqual(topology);
  });
});
