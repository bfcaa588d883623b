import { describe, expect, it } from 'vitest';
import { generateCluster } from './generate';
import { namespacesForNodes } from './views';

describe('namespacesForNodes', () => {
  it('takes namespaces in name order until the view holds the wanted number of nodes', () => {
    const v = namespacesForNodes(generateCluster('medium', 1), 1000);
    expect(v.nodes).toBeGreaterThanOrEqual(1000);
    expect(v.namespaces).toEqual([...v.namespaces].sort());
    // One namespace fewer would not have been enough.
    const fewer = namespacesForNodes(generateCluster('medium', 1), v.nodes - 1);
    expect(fewer.namespaces.length).toBeLessThanOrEqual(v.namespaces.length);
  });

  it('stops at every namespace when the cluster is smaller than the wanted view', () => {
    const v = namespacesForNodes(generateCluster('small', 1), 1000);
    expect(v.nodes).toBeLessThan(1000);
    expect(v.namespaces.length).toBeGreaterThan(1);
  });
});
