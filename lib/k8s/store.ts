/**
 * The object store the informers fill: one map per kind keyed `namespace/name`, O(1) per event.
 * No HTTP and no resourceVersion logic here (that is the reflector's job). Implements the
 * ClusterSnapshot the pure layers read.
 */
import type { KObject } from '../gateway-api/types';
import type { ClusterSnapshot } from '../model/snapshot';

export type DeltaType = 'Added' | 'Updated' | 'Deleted';

export interface Delta {
  type: DeltaType;
  kind: string;
  /** `namespace/name`, or `/name` for cluster-scoped objects */
  key: string;
  /** The new object (the last known state for Deleted). */
  object: KObject;
  old?: KObject;
}

export function storeKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

const keyOf = (o: KObject) => storeKey(o.metadata.namespace, o.metadata.name);

export class ObjectStore implements ClusterSnapshot {
  private readonly byKind = new Map<string, Map<string, KObject>>();
  /** list() result per kind, dropped on the next change to that kind. */
  private readonly listCache = new Map<string, readonly KObject[]>();

  private bucket(kind: string): Map<string, KObject> {
    let m = this.byKind.get(kind);
    if (!m) this.byKind.set(kind, (m = new Map()));
    return m;
  }

  list(kind: string): readonly KObject[] {
    let l = this.listCache.get(kind);
    if (!l) {
      l = Object.freeze([...(this.byKind.get(kind)?.values() ?? [])]);
      this.listCache.set(kind, l);
    }
    return l;
  }

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.byKind.get(kind)?.get(storeKey(namespace, name));
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** Add or update; returns undefined when nothing changed (same resourceVersion). */
  upsert(kind: string, obj: KObject): Delta | undefined {
    const m = this.bucket(kind);
    const key = keyOf(obj);
    const old = m.get(key);
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion && old.metadata.resourceVersion !== undefined) return undefined;
    m.set(key, obj);
    this.listCache.delete(kind);
    return old ? { type: 'Updated', kind, key, object: obj, old } : { type: 'Added', kind, key, object: obj };
  }

  delete(kind: string, obj: KObject): Delta | undefined {
    const m = this.byKind.get(kind);
    const key = keyOf(obj);
    const old = m?.get(key);
    if (!m || !old) return undefined;
    m.delete(key);
    this.listCache.delete(kind);
    return { type: 'Deleted', kind, key, object: old };
  }

  /**
   * Replace semantics (after a list): afterwards the kind holds exactly `items`. Keys that vanished
   * become Deleted deltas; new keys Added; changed ones Updated; unchanged ones produce nothing.
   */
  replace(kind: string, items: readonly KObject[]): Delta[] {
    const m = this.bucket(kind);
    const deltas: Delta[] = [];
    const seen = new Set<string>();
    for (const obj of items) {
      seen.add(keyOf(obj));
      const d = this.upsert(kind, obj);
      if (d) deltas.push(d);
    }
    for (const [key, old] of m) {
      if (!seen.has(key)) {
        m.delete(key);
        deltas.push({ type: 'Deleted', kind, key, object: old });
      }
    }
    if (deltas.length) this.listCache.delete(kind);
    return deltas;
  }

  /** Forget a kind entirely (its CRD was removed). */
  clear(kind: string): Delta[] {
    return this.replace(kind, []);
  }
}
