/**
 * The read-only view of cluster objects that the pure layers (model, conformance, analyzer) take.
 * lib/k8s's store implements it for a live cluster; `snapshotFromObjects` builds one from manifest
 * files or test fixtures. Kinds are the Kubernetes kind names of lib/gateway-api/kinds.ts.
 */
import type { KObject } from '../gateway-api/types';

export interface ClusterSnapshot {
  /** Every object of a kind, in no particular order. Never mutate what is returned. */
  list(kind: string): readonly KObject[];
  /** One object; namespace undefined for cluster-scoped kinds. */
  get(kind: string, namespace: string | undefined, name: string): KObject | undefined;
}

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}//${name}`;
}

/** Builds a snapshot from a flat list (later duplicates of the same kind/namespace/name win). */
export function snapshotFromObjects(objects: readonly KObject[]): ClusterSnapshot {
  const byKind = new Map<string, Map<string, KObject>>();
  for (const o of objects) {
    if (!o || typeof o !== 'object' || !o.kind || !o.metadata?.name) continue;
    let m = byKind.get(o.kind);
    if (!m) byKind.set(o.kind, (m = new Map()));
    m.set(objectKey(o.kind, o.metadata.namespace, o.metadata.name), o);
  }
  return {
    list: (kind) => [...(byKind.get(kind)?.values() ?? [])],
    get: (kind, namespace, name) => byKind.get(kind)?.get(objectKey(kind, namespace, name)),
  };
}
