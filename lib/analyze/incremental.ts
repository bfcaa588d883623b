/**
 * The analyzer for a live cluster: findings are kept per object and, on each change, only the changed
 * objects and their dependents are re-analyzed (a Service change re-checks the routes that name it,
 * a Gateway change the routes attached to it, a ReferenceGrant the references into its namespace, …).
 * The snapshot must be live: it reflects each change before `update` is called.
 */
import { isRouteKind, ROUTE_KINDS } from '../gateway-api/kinds';
import type { ClusterSnapshot } from '../model/snapshot';
import type { Finding } from '../wire/types';
import { analyzeObject, SUBJECT_KINDS } from './analyze';
import { createAnalyzeContext, type AnalyzeOptions } from './context';
import { sortFindings } from './finding';
import { keyOf, RefIndex } from './ref-index';

export interface ChangedObject {
  kind: string;
  namespace?: string;
  name: string;
}

export interface IncrementalAnalyzer {
  all(): Finding[];
  /** Re-analyzes what the changes touch; returns the complete current findings. */
  update(changed: readonly ChangedObject[]): Finding[];
}

const SUBJECTS = new Set<string>(SUBJECT_KINDS);

function splitKey(key: string): ChangedObject {
  const [kind, namespace, ...rest] = key.split('/');
  return namespace ? { kind: kind!, namespace, name: rest.join('/') } : { kind: kind!, name: rest.join('/') };
}

export function createIncrementalAnalyzer(snapshot: ClusterSnapshot, options?: AnalyzeOptions): IncrementalAnalyzer {
  const refs = RefIndex.build(snapshot);
  const ctx = createAnalyzeContext(snapshot, options, refs);
  const byObject = new Map<string, Finding[]>();
  let cached: Finding[] | undefined;

  const reanalyze = (key: string) => {
    const { kind, namespace, name } = splitKey(key);
    const obj = snapshot.get(kind, namespace, name);
    if (!obj) byObject.delete(key);
    else byObject.set(key, analyzeObject(ctx, obj));
  };

  for (const kind of SUBJECT_KINDS) for (const o of snapshot.list(kind)) byObject.set(keyOf(kind, o.metadata.namespace, o.metadata.name), analyzeObject(ctx, o));

  /** Keys to re-analyze for one change (the object and what depends on it). */
  const dependents = (c: ChangedObject, out: Set<string>) => {
    const key = keyOf(c.kind, c.namespace, c.name);
    if (SUBJECTS.has(c.kind)) out.add(key);
    const add = (keys: Iterable<string>) => {
      for (const k of keys) out.add(k);
    };
    switch (c.kind) {
      case 'GatewayClass':
        for (const gw of refs.referrers(key)) {
          out.add(gw);
          add(refs.referrers(gw));
        }
        break;
      case 'Gateway':
      case 'Service':
      case 'Secret':
        add(refs.referrers(key));
        break;
      case 'ReferenceGrant':
      case 'Namespace': {
        // Grants change references into their namespace; a Namespace's labels change Selector admission.
        const ns = c.kind === 'Namespace' ? c.name : (c.namespace ?? '');
        add(refs.referrers(`ns:${ns}`));
        if (c.kind === 'Namespace') for (const kind of ROUTE_KINDS) for (const r of snapshot.list(kind)) if (r.metadata.namespace === ns) out.add(keyOf(kind, ns, r.metadata.name));
        break;
      }
      case 'Deployment':
        for (const s of snapshot.list('Service')) if (s.metadata.namespace === c.namespace) out.add(keyOf('Service', s.metadata.namespace, s.metadata.name));
        break;
    }
  };

  return {
    all() {
      cached ??= sortFindings([...byObject.values()].flat());
      return cached;
    },
    update(changed) {
      const touched = new Set<string>();
      for (const c of changed) {
        ctx.invalidate(c.kind);
        const key = keyOf(c.kind, c.namespace, c.name);
        // Services named by the route before and after the change (the old refs come off the index).
        if (isRouteKind(c.kind)) for (const r of refs.references(key)) if (r.startsWith('Service/')) touched.add(r);
        if (c.kind === 'Gateway' || isRouteKind(c.kind)) {
          const obj = snapshot.get(c.kind, c.namespace, c.name);
          if (obj) refs.set(obj);
          else refs.remove(key);
        }
        if (isRouteKind(c.kind)) for (const r of refs.references(key)) if (r.startsWith('Service/')) touched.add(r);
        dependents(c, touched);
      }
      for (const k of touched) if (SUBJECTS.has(splitKey(k).kind)) reanalyze(k);
      cached = undefined;
      return this.all();
    },
  };
}
