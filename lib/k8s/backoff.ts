/**
 * Capped exponential backoff with jitter, after client-go's reflector (800 ms doubling to 30 s,
 * reset after a stretch of health), plus a floor so a kind never sends more than one request per
 * `minIntervalMs` while reconnecting.
 */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** 0..1: each delay is drawn from [d·(1−jitter), d]. */
  jitter?: number;
  /** Lower bound between two request starts. */
  minIntervalMs?: number;
  random?: () => number;
}

export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly jitter: number;
  readonly minIntervalMs: number;
  private readonly random: () => number;
  private failures = 0;

  constructor(o: BackoffOptions = {}) {
    this.initialMs = o.initialMs ?? 800;
    this.maxMs = o.maxMs ?? 30_000;
    this.jitter = o.jitter ?? 0.2;
    this.minIntervalMs = o.minIntervalMs ?? 1_000;
    this.random = o.random ?? Math.random;
  }

  /** Delay before the next attempt after one more failure. */
  nextDelay(): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    const d = base * (1 - this.jitter * this.random());
    return Math.max(this.minIntervalMs, Math.round(d));
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}

/** Spaces request starts at least `minIntervalMs` apart: returns how long to wait now. */
export class RequestPacer {
  private last = -Infinity;
  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  waitMs(): number {
    return Math.max(0, this.last + this.minIntervalMs - this.now());
  }

  mark(): void {
    this.last = this.now();
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
