/**
 * Finished layouts kept in a key-value store (the browser's sessionStorage) by structural hash, so a
 * reload draws the final picture at once instead of the quick layout and a fresh ELK run. Capped in
 * entries and characters (sessionStorage holds about 5 MB per origin, shared with the rest of the page);
 * a full store or one that throws (private mode, quota) only means no persistence.
 */
import type { Positions } from './input';

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredPositionsOptions {
  prefix?: string;
  maxEntries?: number;
  /** Total characters of stored layouts (JavaScript strings: about 2 bytes each). */
  maxChars?: number;
}

/** Compact form: id → [x, y]. */
type Packed = Record<string, [number, number]>;

export class StoredPositions {
  private readonly prefix: string;
  private readonly maxEntries: number;
  private readonly maxChars: number;

  constructor(
    private readonly store: KeyValueStore | null,
    options: StoredPositionsOptions = {},
  ) {
    this.prefix = options.prefix ?? 'gatewatch.layout.v1:';
    this.maxEntries = options.maxEntries ?? 8;
    this.maxChars = options.maxChars ?? 1_000_000;
  }

  /** Least recently used first: [hash, characters]. */
  private index(): [string, number][] {
    try {
      const raw = this.store?.getItem(`${this.prefix}index`);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
    } catch {
      return [];
    }
  }

  private writeIndex(entries: [string, number][]): void {
    this.store?.setItem(`${this.prefix}index`, JSON.stringify(entries));
  }

  get(hash: string): Positions | undefined {
    if (!this.store) return undefined;
    try {
      const raw = this.store.getItem(this.prefix + hash);
      if (!raw) return undefined;
      const packed = JSON.parse(raw) as Packed;
      const out: Positions = {};
      for (const [id, p] of Object.entries(packed)) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return undefined;
        out[id] = { x: p[0], y: p[1] };
      }
      // Most recently used last.
      const entries = this.index().filter(([h]) => h !== hash);
      entries.push([hash, raw.length]);
      this.writeIndex(entries);
      return out;
    } catch {
      return undefined;
    }
  }

  set(hash: string, positions: Positions): void {
    if (!this.store) return;
    const packed: Packed = {};
    for (const [id, p] of Object.entries(positions)) packed[id] = [Math.round(p.x), Math.round(p.y)];
    const raw = JSON.stringify(packed);
    if (raw.length > this.maxChars) return;
    try {
      const entries = this.index().filter(([h]) => h !== hash);
      entries.push([hash, raw.length]);
      let total = entries.reduce((s, [, n]) => s + n, 0);
      while (entries.length > this.maxEntries || total > this.maxChars) {
        const [old, n] = entries.shift()!;
        this.store.removeItem(this.prefix + old);
        total -= n;
      }
      this.writeIndex(entries);
      this.store.setItem(this.prefix + hash, raw);
    } catch {
      // Quota or a disabled store: forget this layout rather than fail the page.
      try {
        this.store.removeItem(this.prefix + hash);
        this.writeIndex(this.index().filter(([h]) => h !== hash));
      } catch {
        /* nothing more to do */
      }
    }
  }
}
