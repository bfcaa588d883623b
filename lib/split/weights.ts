/**
 * Pure maths of a traffic split: shares (percent, total 100) ↔ backendRef weights (integers), the
 * linked mode of the editor (moving one backend spreads the difference over the unlocked others),
 * "evenly" and presets. Imports nothing.
 */

/** Gateway API bound for backendRef.weight. */
export const MAX_WEIGHT = 1_000_000;

/** Largest weight total tried when looking for the smallest weights that express some shares. */
const MAX_TOTAL = 1000;

/** Shares (percent, 0..100) of raw weights; all 0 when the weights sum to 0. */
export function sharesFromWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? (w * 100) / total : 0));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Divides integer weights by their greatest common divisor (2,4 → 1,2; 0,5 → 0,1; 0,0 stays). */
export function reduceWeights(weights: readonly number[]): number[] {
  const g = weights.reduce((acc, w) => gcd(acc, w), 0);
  return g > 1 ? weights.map((w) => w / g) : [...weights];
}

/**
 * The smallest integer weights that express the given shares.
 *
 * Method: whole-percent shares are divided by their gcd, which expresses them exactly (40/60 → 2,3;
 * 0/100 → 0,1; 50/50 → 1,1; 33/67 → 33,67). Fractional shares (from linked moves over three or more
 * backends, "evenly", or typed decimals) use a bounded search: for totals d = 1, 2, … 1000, round every
 * share to `share·d/100` and accept the first d whose weights reproduce each share to within
 * `tolerance` percentage points (default 0.05, the 0.1 % the editor displays): 33.3/66.7 → 1,2;
 * 33.3̅ ×3 → 1,1,1; 12.5/87.5 → 1,7. When no total up to 1000 fits (very uneven shares
 * over many backends), the shares are rounded to tenths of a percent with the largest-remainder
 * method and divided by their gcd. All-zero shares give all-zero weights.
 */
export function weightsFromShares(shares: readonly number[], tolerance = 0.05): number[] {
  if (shares.length === 0) return [];
  const sum = shares.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum <= 0) return shares.map(() => 0);
  // Normalise so callers may pass shares that do not quite add up to 100.
  const target = shares.map((s) => (Math.max(0, s) * 100) / sum);
  if (Math.abs(sum - 100) < 1e-9 && shares.every((s) => Number.isInteger(s))) return reduceWeights(shares.map((s) => Math.max(0, s)));
  for (let d = 1; d <= MAX_TOTAL; d++) {
    const w = target.map((s) => Math.round((s * d) / 100));
    const total = w.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    if (w.every((wi, i) => Math.abs((wi * 100) / total - target[i]) <= tolerance + 1e-9)) return w;
  }
  return reduceWeights(largestRemainder(target, MAX_TOTAL));
}

/** Integers proportional to `values` that add up to exactly `total` (Hamilton's method). */
export function largestRemainder(values: readonly number[], total: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v * total) / sum);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** Keeps the total at exactly 100 after floating-point arithmetic, by nudging the largest free share. */
function settle(shares: number[], free: readonly number[]): number[] {
  const out = shares.map((s) => Math.max(0, Math.round(s * 1e6) / 1e6));
  const diff = 100 - out.reduce((a, b) => a + b, 0);
  if (Math.abs(diff) > 1e-9 && free.length > 0) {
    const j = free.reduce((best, i) => (out[i] > out[best] ? i : best), free[0]);
    out[j] = Math.max(0, out[j] + diff);
  }
  return out;
}

/**
 * Linked mode: sets backend `index` to `value` percent and spreads the difference over the unlocked
 * others in proportion to their current shares (evenly when they are all 0), so the total stays 100.
 * The value is clamped to what the locked backends leave. With no unlocked other backend the shares
 * are returned unchanged (nothing can absorb the difference).
 */
export function moveLinked(
  shares: readonly number[],
  locked: readonly boolean[],
  index: number,
  value: number,
): number[] {
  const others = shares.map((_, i) => i).filter((i) => i !== index && !locked[i]);
  if (others.length === 0 || index < 0 || index >= shares.length) return [...shares];
  const lockedSum = shares.reduce((a, s, i) => (i !== index && locked[i] ? a + s : a), 0);
  const v = Math.min(Math.max(0, Number.isFinite(value) ? value : 0), 100 - lockedSum);
  const othersSum = others.reduce((a, i) => a + shares[i], 0);
  const give = 100 - lockedSum - v; // what the unlocked others share between them
  const out = [...shares];
  out[index] = v;
  for (const i of others) out[i] = othersSum > 0 ? (shares[i] * give) / othersSum : give / others.length;
  return settle(out, others);
}

/** Evenly distributes what the locked backends leave over the unlocked ones. */
export function evenly(shares: readonly number[], locked: readonly boolean[]): number[] {
  const free = shares.map((_, i) => i).filter((i) => !locked[i]);
  if (free.length === 0) return [...shares];
  const lockedSum = shares.reduce((a, s, i) => (locked[i] ? a + s : a), 0);
  const each = Math.max(0, 100 - lockedSum) / free.length;
  return settle(
    shares.map((s, i) => (locked[i] ? s : each)),
    free,
  );
}

export type PresetId = '100-0' | '0-100' | '50-50' | '90-10';

export interface Preset {
  id: PresetId;
  label: string;
  shares: number[];
}

/**
 * Presets for n backends. Two backends: 100/0, 0/100, 50/50, 90/10. More: "all to the first",
 * "all to the last", "evenly" and "90 to the first, 10 spread over the rest" (a canary in reverse).
 * Presets set every backend and ignore locks.
 */
export function presets(n: number): Preset[] {
  if (n < 1) return [];
  if (n === 1) return [{ id: '100-0', label: '100', shares: [100] }];
  const first = Array.from({ length: n }, (_, i) => (i === 0 ? 100 : 0));
  const last = Array.from({ length: n }, (_, i) => (i === n - 1 ? 100 : 0));
  const even = evenly(Array(n).fill(0), Array(n).fill(false));
  const canary = Array.from({ length: n }, (_, i) => (i === 0 ? 90 : 10 / (n - 1)));
  if (n === 2) {
    return [
      { id: '100-0', label: '100/0', shares: first },
      { id: '0-100', label: '0/100', shares: last },
      { id: '50-50', label: '50/50', shares: even },
      { id: '90-10', label: '90/10', shares: canary },
    ];
  }
  return [
    { id: '100-0', label: 'all → first', shares: first },
    { id: '0-100', label: 'all → last', shares: last },
    { id: '50-50', label: 'equal', shares: even },
    { id: '90-10', label: '90/10 (rest)', shares: settle(canary, [0]) },
  ];
}

/** A share for display: integer percents plain, others with one decimal ("40", "33.3"). */
export function formatShare(share: number): string {
  const r = Math.round(share * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** True when two weight lists are equal element-wise. */
export function sameWeights(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
