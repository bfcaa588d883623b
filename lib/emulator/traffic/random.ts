/** Small seeded random helpers, so a test can replay the same traffic. */
export type Rng = () => number;

/** mulberry32: a tiny, good-enough PRNG for simulation noise. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Number of events in an interval with the given mean (Knuth for small means, normal beyond). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Log-normal around a median: latencies have a long right tail. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Index chosen with probability weight/sum; -1 when all weights are 0. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (!(total > 0)) return -1;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= Math.max(0, weights[i]!);
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A status code from a mix like {200: 0.9, 503: 0.1}. */
export function pickFromMix(rng: Rng, mix: Readonly<Record<string, number>>): string {
  const keys = Object.keys(mix);
  const i = pickWeighted(rng, keys.map((k) => mix[k]!));
  return keys[Math.max(0, i)]!;
}
