import { describe, expect, it } from 'vitest';
import { countByKind, generateCluster, SIZES } from './generate';

describe('synthetic cluster generator', () => {
  it('produces the counts of each size', () => {
    for (const size of ['small', 'medium'] as const) {
      const c = countByKind(generateCluster(size, 1));
      expect(c.HTTPRoute).toBe(SIZES[size].httpRoutes);
      expect(c.Gateway).toBe(SIZES[size].gateways);
      expect(c.Namespace).toBe(SIZES[size].namespaces + 1);
      // base Services plus one per version of every fifth (split) Service
      expect(c.Service).toBe(SIZES[size].services + 2 * Math.ceil(SIZES[size].services / 5));
      expect(c.GRPCRoute).toBeGreaterThan(0);
      expect(c.TCPRoute).toBeGreaterThan(0);
    }
  });

  it('is the large cluster the benchmark asks for', () => {
    const c = countByKind(generateCluster('large', 1));
    expect([c.HTTPRoute, c.Namespace - 1, c.Gateway]).toEqual([10_000, 500, 50]);
    expect(c.Service).toBeGreaterThanOrEqual(10_000);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(JSON.stringify(generateCluster('small', 7))).toBe(JSON.stringify(generateCluster('small', 7)));
    expect(JSON.stringify(generateCluster('small', 7))).not.toBe(JSON.stringify(generateCluster('small', 8)));
  });

  it('includes broken references and weighted multi-backend rules', () => {
    const objs = generateCluster('medium', 1);
    const routes = objs.filter((o) => o.kind === 'HTTPRoute') as { spec: { parentRefs: { sectionName?: string }[]; rules: { backendRefs: { name: string; weight?: number }[] }[] } }[];
    const refs = routes.flatMap((r) => r.spec.rules.flatMap((x) => x.backendRefs));
    expect(refs.some((b) => b.name.startsWith('missing-'))).toBe(true);
    expect(routes.some((r) => r.spec.parentRefs.some((p) => p.sectionName === 'no-such-listener'))).toBe(true);
    expect(routes.some((r) => r.spec.rules.some((x) => x.backendRefs.length > 1 && x.backendRefs.some((b) => (b.weight ?? 1) !== 1)))).toBe(true);
    const ruleCounts = new Set(routes.map((r) => r.spec.rules.length));
    expect([...ruleCounts].sort()).toEqual([1, 2, 3, 4]);
    expect(objs.some((o) => o.kind === 'Gateway' && (o.spec as { gatewayClassName: string }).gatewayClassName === 'bench-missing-class')).toBe(true);
  });
});
