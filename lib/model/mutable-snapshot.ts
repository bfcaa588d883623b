/**
 * A ClusterSnapshot that can be written to: for tests, the benchmark and offline tools that
 * replay changes into the incremental builder.
 */
import type { KObject } from '../gateway-api/types';
import { objectKey, type ClusterSnapshot } from './snapshot';

export class MutableSnapshot implements ClusterSnapshot {
  private readonly byKind = new Map<string, Map<string, KObject>>();

  constructor(objects: readonly KObject[] = []) {
    for (const o of objects) this.put(o);
  }

  list(kind: string): readonly KObject[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.byKind.get(kind)?.get(objectKey(kind, namespace, name));
  }

  /** Adds or replaces an object. */
  put(o: KObject): void {
    if (!o?.kind || !o.metadata?.name) return;
    let m = this.byKind.get(o.kind);
    if (!m) this.byKind.set(o.kind, (m = new Map()));
    m.set(objectKey(o.kind, o.metadata.namespace, o.metadata.name), o);
  }

  remove(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const m = this.byKind.get(kind);
    const key = objectKey(kind, namespace, name);
    const o = m?.get(key);
    m?.delete(key);
    return o;
  }

  all(): KObject[] {
    return [...this.byKind.values()].flatMap((m) => [...m.values()]);
  }
}
