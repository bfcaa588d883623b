import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CounterHistory } from './history';

describe('counter history', () => {
  it('computes per-second rates over a window, and keeps an hour at coarser steps', async () => {
    const registry = new Registry();
    const c = new Counter({ name: 'x_total', help: 'x', labelNames: ['k'], registers: [registry] });
    const h = new CounterHistory(registry);
    const t0 = 1_000_000;
    await h.sample(t0);
    // 2 per second for 70 minutes.
    for (let s = 1; s <= 70 * 60; s++) {
      c.inc({ k: 'a' }, 2);
      await h.sample(t0 + s * 1000);
    }
    const now = t0 + 70 * 60 * 1000;
    for (const w of [60, 300, 900, 3600]) {
      const [r] = h.rates(w);
      expect(r).toMatchObject({ name: 'x_total', labels: { k: 'a' } });
      expect(r!.value).toBeCloseTo(2, 5);
    }
    const span = h.span()!;
    expect(span.to).toBe(now);
    expect(now - span.from).toBeLessThanOrEqual(65 * 60 * 1000);
    expect(now - span.from).toBeGreaterThan(60 * 60 * 1000);
    // A series that starts later counts from zero.
    c.inc({ k: 'b' }, 30);
    await h.sample(now + 1000);
    const b = h.rates(60).find((r) => r.labels.k === 'b')!;
    expect(b.value).toBeCloseTo(0.5, 5);
  });
});
