/** Positions by structural hash (small LRU), so toggling a filter back returns the same picture instantly. */
import type { Positions } from './input';

export class PositionsCache {
  private readonly entries = new Map<string, Positions>();
  constructor(private readonly capacity = 12) {}

  get(hash: string): Positions | undefined {
    const hit = this.entries.get(hash);
    if (hit) {
      this.entries.delete(hash);
      this.entries.set(hash, hit);
    }
    return hit;
  }

  set(hash: string, positions: Positions): void {
    this.entries.delete(hash);
    this.entries.set(hash, positions);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
