/**
 * Positions by structural hash (small LRU), so toggling a filter back returns the same picture instantly;
 * optionally backed by a persistent store (sessionStorage), so a reload does too.
 */
import type { Positions } from './input';
import type { StoredPositions } from './persist';

export class PositionsCache {
  private readonly entries = new Map<string, Positions>();
  constructor(
    private readonly capacity = 12,
    private readonly backing: StoredPositions | null = null,
  ) {}

  get(hash: string): Positions | undefined {
    const hit = this.entries.get(hash);
    if (hit) {
      this.entries.delete(hash);
      this.entries.set(hash, hit);
      return hit;
    }
    const stored = this.backing?.get(hash);
    if (stored) this.remember(hash, stored);
    return stored;
  }

  set(hash: string, positions: Positions): void {
    this.remember(hash, positions);
    this.backing?.set(hash, positions);
  }

  private remember(hash: string, positions: Positions): void {
    this.entries.delete(hash);
    this.entries.set(hash, positions);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
