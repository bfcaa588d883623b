/**
 * A minimal in-memory EmulatorStore for the controller's unit tests and benchmark: resourceVersion,
 * generation bumps on spec change, status-only writes, synchronous events. No validation.
 */
import type { KObject } from '../../../gateway-api/types';
import type { EmulatorStore, ObjectRef, StoreEvent } from '../../api';

const key = (r: { group?: string; kind: string; namespace?: string; name: string }) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;

export class MemoryStore implements EmulatorStore {
  private objects = new Map<string, KObject>();
  private listeners = new Set<(ev: StoreEvent) => void>();
  private rv = 1;
  statusWrites = 0;

  private emit(ev: StoreEvent) {
    for (const l of this.listeners) l(ev);
  }
  list(_group: string, kind: string, namespace?: string): KObject[] {
    return [...this.objects.values()].filter((o) => o.kind === kind && (!namespace || o.metadata.namespace === namespace));
  }
  get(ref: ObjectRef): KObject | undefined {
    return this.objects.get(key(ref));
  }
  create(obj: KObject): KObject {
    const o = structuredClone(obj);
    o.metadata = { ...o.metadata, resourceVersion: String(++this.rv), generation: 1, uid: `uid-${this.rv}` };
    this.objects.set(key({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name }), o);
    this.emit({ type: 'ADDED', object: o });
    return o;
  }
  update(obj: KObject): KObject {
    const k = key({ kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name });
    const old = this.objects.get(k);
    if (!old) throw new Error('not found');
    const specChanged = JSON.stringify(old.spec) !== JSON.stringify(obj.spec);
    const o: KObject = { ...structuredClone(obj), status: old.status };
    o.metadata = { ...o.metadata, resourceVersion: String(++this.rv), generation: (old.metadata.generation ?? 1) + (specChanged ? 1 : 0) };
    this.objects.set(k, o);
    this.emit({ type: 'MODIFIED', object: o });
    return o;
  }
  updateStatus(ref: ObjectRef, status: unknown): KObject {
    const old = this.objects.get(key(ref));
    if (!old) throw new Error('not found');
    this.statusWrites++;
    const o: KObject = { ...old, status: structuredClone(status), metadata: { ...old.metadata, resourceVersion: String(++this.rv) } };
    this.objects.set(key(ref), o);
    this.emit({ type: 'MODIFIED', object: o });
    return o;
  }
  delete(ref: ObjectRef): KObject {
    const old = this.objects.get(key(ref));
    if (!old) throw new Error('not found');
    this.objects.delete(key(ref));
    this.emit({ type: 'DELETED', object: old });
    return old;
  }
  subscribe(listener: (ev: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  resourceVersion(): string {
    return String(this.rv);
  }
}
