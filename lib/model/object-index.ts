/**
 * Objects by kind and namespace, so that fragment builders can ask "the Deployments of namespace X"
 * without scanning the whole cluster. The incremental builder keeps it current from applyChanges.
 */
import type { KObject } from '../gateway-api/types';
import type { ClusterSnapshot } from './snapshot';

const CLUSTER = '';

export class ObjectIndex {
  private readonly byKind = new Map<string, Map<string, Map<string, KObject>>>();
  /** kind/namespace → objects sorted by name; dropped when that namespace's objects of the kind change */
  private readonly sorted = new Map<string, KObject[]>();

  static fromSnapshot(snapshot: ClusterSnapshot, kinds: readonly string[]): ObjectIndex {
    const index = new ObjectIndex();
    for (const kind of kinds) for (const o of snapshot.list(kind)) index.set(kind, o);
    return index;
  }

  set(kind: string, o: KObject): void {
    let byNs = this.byKind.get(kind);
    if (!byNs) this.byKind.set(kind, (byNs = new Map()));
    const ns = o.metadata.namespace ?? CLUSTER;
    let byName = byNs.get(ns);
    if (!byName) byNs.set(ns, (byName = new Map()));
    byName.set(o.metadata.name, o);
    this.sorted.delete(`${kind}/${ns}`);
  }

  delete(kind: string, namespace: string | undefined, name: string): void {
    const byName = this.byKind.get(kind)?.get(namespace ?? CLUSTER);
    if (!byName) return;
    byName.delete(name);
    this.sorted.delete(`${kind}/${namespace ?? CLUSTER}`);
    if (byName.size === 0) this.byKind.get(kind)?.delete(namespace ?? CLUSTER);
  }

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.byKind.get(kind)?.get(namespace ?? CLUSTER)?.get(name);
  }

  /** Objects of a kind in one namespace, sorted by name. Shared: never mutate the array. */
  inNamespace(kind: string, namespace: string | undefined): readonly KObject[] {
    const key = `${kind}/${namespace ?? CLUSTER}`;
    let list = this.sorted.get(key);
    if (!list) {
      list = [...(this.byKind.get(kind)?.get(namespace ?? CLUSTER)?.values() ?? [])].sort((a, b) => cmp(a.metadata.name, b.metadata.name));
      this.sorted.set(key, list);
    }
    return list;
  }

  *all(kind: string): Iterable<KObject> {
    for (const byName of this.byKind.get(kind)?.values() ?? []) yield* byName.values();
  }
}

/** What a fragment builder may read; every read is recorded as a dependency. */
export interface Reader {
  get<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T | undefined;
  /** Objects of a kind in one namespace, sorted by name (deterministic output). Never mutate it. */
  inNamespace<T extends KObject = KObject>(kind: string, namespace: string | undefined): readonly T[];
}

/** Dependency keys: an exact object, or every object of a kind in a namespace. */
export const depKey = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}/${namespace ?? CLUSTER}/${name}`;
export const depKeyAll = (kind: string, namespace: string | undefined): string => `${kind}/${namespace ?? CLUSTER}/*`;

export function trackingReader(index: ObjectIndex, deps: Set<string>): Reader {
  return {
    get<T extends KObject>(kind: string, namespace: string | undefined, name: string) {
      deps.add(depKey(kind, namespace, name));
      return index.get(kind, namespace, name) as T | undefined;
    },
    inNamespace<T extends KObject>(kind: string, namespace: string | undefined) {
      deps.add(depKeyAll(kind, namespace));
      return index.inNamespace(kind, namespace) as readonly T[];
    },
  };
}

/** Code-unit string order: fast and locale-independent, so ids sort the same everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
