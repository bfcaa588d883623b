/**
 * The raw object store: one Map per kind (namespace → name → entry), a cluster-wide resourceVersion
 * seeded from the clock, and a bounded history of changes for resuming watches. Entries hold a frozen
 * object and its JSON, so reads never copy and lists serialize by joining strings.
 */
import type { KObject } from '../gateway-api/types';

export interface Entry {
  readonly obj: KObject;
  readonly json: string;
  readonly rv: number;
  /** UTF-8 of `json`, made on first use by a list (see entryBytes). */
  bytes?: Buffer;
}

/** The entry's JSON as bytes, cached: large lists are then one Buffer.concat instead of a string join + encode. */
export function entryBytes(e: Entry): Buffer {
  return (e.bytes ??= Buffer.from(e.json));
}

export interface Change {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  rv: number;
  entry: Entry;
  /** The object before a MODIFIED/DELETED (selector watches need both sides). */
  prev?: Entry;
  /** Cached default watch line ({"type":…,"object":…}\n), filled by the first watcher that needs it. */
  line?: string;
}

export type ChangeListener = (c: Change) => void;

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

export class ObjectStore {
  private kinds = new Map<string, Map<string, Map<string, Entry>>>();
  private sorted = new Map<string, Entry[]>();
  private rv: number;
  private history: Change[] = [];
  private head = 0;
  /** Watches may resume from any RV ≥ this; older ones get 410 Gone. */
  private compactedRv: number;
  private watchers = new Map<string, Set<ChangeListener>>();
  private listeners = new Set<ChangeListener>();

  constructor(private historySize = 10_000) {
    // Microseconds since the epoch: a restarted emulator continues above any RV it handed out before.
    this.rv = Date.now() * 1000;
    this.compactedRv = this.rv;
  }

  currentRv(): number {
    return this.rv;
  }

  nextRv(): number {
    const now = Date.now() * 1000;
    this.rv = now > this.rv ? now : this.rv + 1;
    return this.rv;
  }

  get(key: string, namespace: string, name: string): Entry | undefined {
    return this.kinds.get(key)?.get(namespace)?.get(name);
  }

  /** Entries sorted by namespace/name (stable order for paging), cached until the kind changes. */
  list(key: string, namespace?: string): Entry[] {
    const byNs = this.kinds.get(key);
    if (!byNs) return [];
    if (namespace !== undefined) {
      const m = byNs.get(namespace);
      if (!m) return [];
      return [...m.values()].sort((a, b) => cmp(a.obj.metadata.name, b.obj.metadata.name));
    }
    let s = this.sorted.get(key);
    if (!s) {
      s = [];
      for (const ns of [...byNs.keys()].sort()) {
        const m = byNs.get(ns)!;
        const part = [...m.values()].sort((a, b) => cmp(a.obj.metadata.name, b.obj.metadata.name));
        for (const e of part) s.push(e);
      }
      this.sorted.set(key, s);
    }
    return s;
  }

  count(key: string, namespace?: string): number {
    const byNs = this.kinds.get(key);
    if (!byNs) return 0;
    if (namespace !== undefined) return byNs.get(namespace)?.size ?? 0;
    let n = 0;
    for (const m of byNs.values()) n += m.size;
    return n;
  }

  /** Stores a frozen object that already carries its resourceVersion (from nextRv()). */
  put(key: string, obj: KObject, rv: number): Change {
    deepFreeze(obj);
    const ns = obj.metadata.namespace ?? '';
    let byNs = this.kinds.get(key);
    if (!byNs) this.kinds.set(key, (byNs = new Map()));
    let m = byNs.get(ns);
    if (!m) byNs.set(ns, (m = new Map()));
    const prev = m.get(obj.metadata.name);
    const entry: Entry = { obj, json: JSON.stringify(obj), rv };
    m.set(obj.metadata.name, entry);
    const s = this.sorted.get(key);
    if (s && prev) {
      // In-place swap keeps the cached order valid for modifications (the common case under load).
      const i = s.indexOf(prev);
      if (i >= 0) s[i] = entry;
      else this.sorted.delete(key);
    } else this.sorted.delete(key);
    return this.record({ type: prev ? 'MODIFIED' : 'ADDED', key, rv, entry, prev });
  }

  remove(key: string, namespace: string, name: string, finalObj: KObject, rv: number): Change | undefined {
    const m = this.kinds.get(key)?.get(namespace);
    const prev = m?.get(name);
    if (!m || !prev) return undefined;
    m.delete(name);
    this.sorted.delete(key);
    deepFreeze(finalObj);
    return this.record({ type: 'DELETED', key, rv, entry: { obj: finalObj, json: JSON.stringify(finalObj), rv }, prev });
  }

  /** Drops every object of a kind without events (used when a CRD is deleted, after emitting its own). */
  dropKind(key: string): void {
    this.kinds.delete(key);
    this.sorted.delete(key);
  }

  private record(c: Change): Change {
    this.history.push(c);
    if (this.history.length - this.head > this.historySize) {
      this.compactedRv = this.history[this.head].rv;
      this.head++;
      if (this.head > 4096) {
        this.history = this.history.slice(this.head);
        this.head = 0;
      }
    }
    for (const l of this.listeners) l(c);
    const ws = this.watchers.get(c.key);
    if (ws) for (const w of ws) w(c);
    return c;
  }

  subscribeAll(l: ChangeListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /**
   * Starts a watch of one kind from `fromRv`: returns the retained changes after it (to replay) and
   * subscribes for later ones, atomically. 'gone' when fromRv predates the retained history.
   */
  watch(key: string, fromRv: number | undefined, l: ChangeListener): { replay: Change[]; stop: () => void } | 'gone' {
    let replay: Change[] = [];
    if (fromRv !== undefined) {
      if (fromRv < this.compactedRv) return 'gone';
      for (let i = this.history.length - 1; i >= this.head; i--) {
        const c = this.history[i];
        if (c.rv <= fromRv) break;
        if (c.key === key) replay.push(c);
      }
      replay = replay.reverse();
    }
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(l);
    const s = set;
    return { replay, stop: () => s.delete(l) };
  }

  compact(): void {
    this.compactedRv = this.rv;
    this.history = [];
    this.head = 0;
  }

  watcherCount(): number {
    let n = 0;
    for (const s of this.watchers.values()) n += s.size;
    return n;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
