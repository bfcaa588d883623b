/**
 * `GET /api/objects/<group>/<version>/<kind>/<namespace>/<name>` (cluster-scoped kinds without the
 * namespace segment; the core group is spelled `core`): path parsing and lookup in the store.
 */
import { kindInfo, type KindInfo } from '../gateway-api/kinds';
import type { KObject } from '../gateway-api/types';
import type { ClusterSnapshot } from '../model/snapshot';
import type { KindStatus } from '../wire/types';

const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const SEGMENT = /^[A-Za-z0-9][-A-Za-z0-9.]*$/;

export type ObjectLookup =
  | { ok: true; object: KObject }
  | { ok: false; status: 400 | 404; error: 'bad_request' | 'not_found'; message: string };

export interface ObjectPath {
  info: KindInfo;
  version: string;
  namespace?: string;
  name: string;
}

export function parseObjectPath(segments: readonly string[]): ObjectPath | { error: string; status: 400 | 404 } {
  if (segments.length < 4 || segments.length > 5 || !segments.every((s) => SEGMENT.test(s))) {
    return { status: 400, error: 'expected /api/objects/<group>/<version>/<kind>/[<namespace>/]<name> (core group: "core")' };
  }
  const [groupSeg, version, kind] = segments;
  const group = groupSeg === 'core' ? '' : groupSeg;
  const info = kindInfo(kind);
  if (!info) return { status: 404, error: `kind ${kind} is not watched by Gatewatch` };
  if (info.group !== group) return { status: 404, error: `${kind} is in group ${info.group || 'core'}, not ${groupSeg}` };
  const namespace = info.namespaced ? segments[3] : undefined;
  const name = info.namespaced ? segments[4] : segments[3];
  if (info.namespaced && segments.length !== 5) return { status: 400, error: `${kind} is namespaced: give <namespace>/<name>` };
  if (!info.namespaced && segments.length !== 4) return { status: 400, error: `${kind} is cluster-scoped: give <name> only` };
  if (!NAME.test(name) || (namespace !== undefined && !NAME.test(namespace))) return { status: 400, error: 'invalid object name' };
  return { info, version, namespace, name };
}

export function lookupObject(segments: readonly string[], snapshot: ClusterSnapshot, kinds: readonly KindStatus[]): ObjectLookup {
  const p = parseObjectPath(segments);
  if ('error' in p) return { ok: false, status: p.status, error: p.status === 400 ? 'bad_request' : 'not_found', message: p.error };
  const st = kinds.find((k) => k.kind === p.info.kind);
  if (!st?.installed || !st.version) return { ok: false, status: 404, error: 'not_found', message: `${p.info.kind}: not installed in this cluster` };
  if (st.version !== p.version) {
    return { ok: false, status: 404, error: 'not_found', message: `${p.info.kind} is read as ${st.version} from this cluster, not ${p.version}` };
  }
  const object = snapshot.get(p.info.kind, p.namespace, p.name);
  if (!object) {
    const where = p.namespace ? `${p.namespace}/${p.name}` : p.name;
    return { ok: false, status: 404, error: 'not_found', message: `${p.info.kind} ${where} not found` };
  }
  return { ok: true, object };
}
