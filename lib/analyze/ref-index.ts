/**
 * Who refers to whom: for each route its parents and backends, for each Gateway its class and
 * certificate Secrets, and the reverse. The incremental analyzer uses it to find the dependents of a
 * changed object; the Service rule uses it to know which Services back a route.
 */
import { ROUTE_KINDS } from '../gateway-api/kinds';
import { defaultBackendRef, defaultParentRef, defaultSecretRef } from '../gateway-api/refs';
import type { Gateway, KObject, Route } from '../gateway-api/types';
import type { ClusterSnapshot } from '../model/snapshot';

export const keyOf = (kind: string, namespace: string | undefined, name: string) => `${kind}/${namespace ?? ''}/${name}`;

/** Keys of the objects `obj` refers to (plus `ns:<namespace>` for namespaces it reaches into). */
export function referencesOf(obj: KObject): string[] {
  const ns = obj.metadata.namespace ?? '';
  const out = new Set<string>();
  if (obj.kind === 'Gateway') {
    const gw = obj as Gateway;
    out.add(keyOf('GatewayClass', undefined, String(gw.spec?.gatewayClassName ?? '')));
    for (const l of Array.isArray(gw.spec?.listeners) ? gw.spec.listeners : []) {
      for (const c of l?.tls?.certificateRefs ?? []) {
        if (!c || typeof c.name !== 'string') continue;
        const r = defaultSecretRef(c, ns);
        out.add(keyOf('Secret', r.namespace, r.name));
        out.add(`ns:${r.namespace}`);
      }
    }
  } else if ((ROUTE_KINDS as readonly string[]).includes(obj.kind)) {
    const route = obj as Route;
    for (const p of Array.isArray(route.spec?.parentRefs) ? route.spec.parentRefs : []) {
      if (!p || typeof p.name !== 'string') continue;
      const r = defaultParentRef(p, ns);
      out.add(keyOf(r.kind, r.namespace, r.name));
    }
    for (const rule of Array.isArray(route.spec?.rules) ? route.spec.rules : []) {
      const refs = [...(rule?.backendRefs ?? [])];
      for (const f of rule?.filters ?? []) {
        const m = (f as { requestMirror?: { backendRef?: { name: string } } })?.requestMirror?.backendRef;
        if (m) refs.push(m);
      }
      for (const b of refs) {
        if (!b || typeof b.name !== 'string') continue;
        const r = defaultBackendRef(b, ns);
        out.add(keyOf(r.kind, r.namespace, r.name));
        out.add(`ns:${r.namespace}`);
      }
    }
    out.add(`ns:${ns}`);
  }
  return [...out];
}

export class RefIndex {
  private forward = new Map<string, string[]>();
  private reverse = new Map<string, Set<string>>();

  static build(snapshot: ClusterSnapshot): RefIndex {
    const idx = new RefIndex();
    for (const kind of ['Gateway', ...ROUTE_KINDS]) for (const o of snapshot.list(kind)) idx.set(o);
    return idx;
  }

  /** Records (or replaces) what `obj` refers to. */
  set(obj: KObject): void {
    const k = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
    this.remove(k);
    const refs = referencesOf(obj);
    this.forward.set(k, refs);
    for (const r of refs) {
      let s = this.reverse.get(r);
      if (!s) this.reverse.set(r, (s = new Set()));
      s.add(k);
    }
  }

  remove(key: string): void {
    for (const r of this.forward.get(key) ?? []) this.reverse.get(r)?.delete(key);
    this.forward.delete(key);
  }

  /** Keys of objects that refer to `key` (e.g. routes naming a Service). */
  referrers(key: string): ReadonlySet<string> {
    return this.reverse.get(key) ?? new Set();
  }

  references(key: string): readonly string[] {
    return this.forward.get(key) ?? [];
  }
}
