/** Seeded random helpers (mulberry32) so that random tests and synthetic clusters are reproducible. */
import { seededRng as mulberry32 } from '../../emulator/traffic/random';

export { mulberry32 };

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}
