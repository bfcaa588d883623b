/**
 * The object the details panel shows. Deployments, Services and Namespaces are stored slimmed to
 * what the model reads (lib/k8s/slim.ts), so for them the full object is read from the API server
 * at the moment it is asked for (as `kubectl get -o json` would show it, without managedFields).
 * Other kinds come from the store, which holds them whole.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { KObject } from '../gateway-api/types';
import { collectionPath, normalize } from '../k8s/reflector';
import { SLIMMED_KINDS } from '../k8s/slim';
import { ApiStatusError, getJson } from '../k8s/transport';
import type { ClusterSnapshot } from '../model/snapshot';
import type { KindStatus } from '../wire/types';
import { lookupObject, parseObjectPath, type ObjectLookup } from './object-path';

export interface ObjectSource {
  snapshot: ClusterSnapshot;
  kubeConfig: KubeConfig;
  kinds(): KindStatus[];
}

export async function readObject(segments: readonly string[], src: ObjectSource, signal?: AbortSignal): Promise<ObjectLookup> {
  const stored = lookupObject(segments, src.snapshot, src.kinds());
  if (!stored.ok || !SLIMMED_KINDS.has(stored.object.kind)) return stored;
  const p = parseObjectPath(segments);
  if ('error' in p) return stored;
  const base = collectionPath(p.info, p.version);
  const path = p.namespace ? base.replace(/\/([^/]+)$/, `/namespaces/${encodeURIComponent(p.namespace)}/$1`) : base;
  try {
    const raw = await getJson<Record<string, unknown>>(src.kubeConfig, `${path}/${encodeURIComponent(p.name)}`, { signal });
    return { ok: true, object: normalize(p.info, p.version, raw) };
  } catch (e) {
    if (e instanceof ApiStatusError && e.statusCode === 404) {
      const where = p.namespace ? `${p.namespace}/${p.name}` : p.name;
      return { ok: false, status: 404, error: 'not_found', message: `${p.info.kind} ${where} not found` };
    }
    // The cluster did not answer: what the store holds is better than nothing.
    return stored;
  }
}
