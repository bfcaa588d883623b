/** "Did you mean …?" for a misspelt name: the nearest candidate by edit distance, or a name it prefixes. */
import { distance } from 'fastest-levenshtein';

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const n = name.toLowerCase();
  const limit = Math.max(2, Math.floor(n.length / 3));
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    if (c === name) continue;
    const lc = c.toLowerCase();
    const d = distance(n, lc);
    // A truncated name ("envoy-gatew") is close to what it starts, however long the rest.
    const prefix = n.length >= 3 && (lc.startsWith(n) || n.startsWith(lc));
    if (d > limit && !prefix) continue;
    const score = prefix ? Math.min(d, limit) : d;
    if (!best || score < best.d || (score === best.d && c < best.c)) best = { c, d: score };
  }
  return best?.c;
}
