import { describe, expect, it } from 'vitest';
import { Backoff, RequestPacer } from './backoff';

describe('Backoff', () => {
  it("doubles from 800 ms (floored at 1 s) and caps at 30 s", () => {
    const b = new Backoff({ jitter: 0 });
    const ds = Array.from({ length: 10 }, () => b.nextDelay());
    // 800 ms is lifted to the one-request-per-second floor.
    expect(ds.slice(0, 4)).toEqual([1000, 1600, 3200, 6400]);
    expect(Math.max(...ds)).toBe(30_000);
    expect(ds.at(-1)).toBe(30_000);
    b.reset();
    expect(b.nextDelay()).toBe(1000);
  });

  it('never goes below one request per second, even with full jitter', () => {
    const b = new Backoff({ initialMs: 10, jitter: 1, random: () => 1 });
    for (let i = 0; i < 5; i++) expect(b.nextDelay()).toBeGreaterThanOrEqual(1000);
  });

  it('jitter stays within [d·(1−j), d]', () => {
    const b = new Backoff({ jitter: 0.5, random: () => 0.999 });
    b.nextDelay();
    const d = b.nextDelay();
    expect(d).toBeGreaterThanOrEqual(1000);
    expect(d).toBeLessThanOrEqual(1600);
  });
});

describe('RequestPacer', () => {
  it('spaces request starts at least minInterval apart', () => {
    let now = 10_000;
    const p = new RequestPacer(1000, () => now);
    expect(p.waitMs()).toBe(0);
    p.mark();
    now += 300;
    expect(p.waitMs()).toBe(700);
    now += 700;
    expect(p.waitMs()).toBe(0);
  });
});
