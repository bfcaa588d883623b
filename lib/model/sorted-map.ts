/**
 * A map whose values are also kept as an array sorted by key, patched in place between reads, so
 * that each revision's node and edge lists come out in id order without re-sorting everything.
 */
import { cmp } from './object-index';

function lowerBound(a: readonly string[], key: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedMap<V> {
  private readonly map = new Map<string, V>();
  private order: string[] = [];
  private vals: V[] = [];
  private readonly adds = new Set<string>();
  private readonly removes = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Set by load(): the sorted arrays are rebuilt on the next read. */
  private stale = false;

  get size(): number {
    return this.map.size;
  }
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Bulk insert (initial build): cheaper than set() when most keys are new. */
  load(key: string, v: V): void {
    this.map.set(key, v);
    this.stale = true;
  }

  set(key: string, v: V): void {
    const present = this.map.has(key);
    this.map.set(key, v);
    if (present) {
      if (!this.adds.has(key)) this.dirty.add(key);
    } else if (this.removes.has(key)) {
      this.removes.delete(key);
      this.dirty.add(key);
    } else this.adds.add(key);
  }

  delete(key: string): void {
    if (!this.map.delete(key)) return;
    if (this.adds.has(key)) this.adds.delete(key);
    else {
      this.removes.add(key);
      this.dirty.delete(key);
    }
  }

  /** Values in key order. The array is owned by the map: copy it before handing it out. */
  values(): readonly V[] {
    const structural = this.adds.size + this.removes.size;
    if (this.stale || (structural > 64 && structural * 8 > this.order.length)) {
      this.stale = false;
      this.order = [...this.map.keys()].sort(cmp);
      this.vals = this.order.map((k) => this.map.get(k) as V);
    } else {
      for (const k of this.removes) {
        const i = lowerBound(this.order, k);
        if (this.order[i] === k) {
          this.order.splice(i, 1);
          this.vals.splice(i, 1);
        }
      }
      for (const k of this.adds) {
        const i = lowerBound(this.order, k);
        this.order.splice(i, 0, k);
        this.vals.splice(i, 0, this.map.get(k) as V);
      }
      for (const k of this.dirty) {
        const i = lowerBound(this.order, k);
        if (this.order[i] === k) this.vals[i] = this.map.get(k) as V;
      }
    }
    this.adds.clear();
    this.removes.clear();
    this.dirty.clear();
    return this.vals;
  }
}
