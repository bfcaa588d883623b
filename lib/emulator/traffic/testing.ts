/**
 * A minimal in-memory EmulatorStore over a list of objects, for the traffic generator's tests
 * (list, get, update and subscribe are all the generator uses).
 */
import type { KObject } from '../../gateway-api/types';
import type { EmulatorStore, ObjectRef, StoreEvent } from '../api';

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const keyOf = (group: string, kind: string, namespace: string | undefined, name: string) => `${group}|${kind}|${namespace ?? ''}|${name}`;

export function memoryStore(objects: readonly KObject[]): EmulatorStore {
  const items = new Map<string, KObject>();
  const listeners = new Set<(ev: StoreEvent) => void>();
  let rv = 1;
  const put = (o: KObject) => items.set(keyOf(groupOf(o.apiVersion), o.kind, o.metadata.namespace, o.metadata.name), o);
  for (const o of objects) put(o);
  const emit = (ev: StoreEvent) => {
    rv++;
    for (const l of listeners) l(ev);
  };
  const unsupported = (): never => {
    throw new Error('not supported by the test store');
  };
  return {
    list: (group, kind, namespace) =>
      [...items.values()].filter((o) => groupOf(o.apiVersion) === group && o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
    get: (ref: ObjectRef) => items.get(keyOf(ref.group, ref.kind, ref.namespace, ref.name)),
    create: (o) => {
      put(o);
      emit({ type: 'ADDED', object: o });
      return o;
    },
    update: (o) => {
      put(o);
      emit({ type: 'MODIFIED', object: o });
      return o;
    },
    updateStatus: unsupported,
    delete: unsupported,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    resourceVersion: () => String(rv),
  };
}
