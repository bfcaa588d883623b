/**
 * The analyzer for a live cluster: findings are kept per object and, on each change, only the changed
 * objects and their dependents are re-analyzed (a Service change re-checks the routes that name it,
 * a Gateway change the routes attached to it, a ReferenceGrant the references into its namespace, …).
 * Per-node problem summaries are maintained alongside, so one event costs what it touches; the full,
 * sorted finding list is materialised only when asked for.
 * The snapshot must be live: it reflects each change before `update` is called.
 */
import { isRouteKind, ROUTE_KINDS } from '../gateway-api/kinds';
import type { ClusterSnapshot } from '../model/snapshot';
import type { Finding, ProblemSummary } from '../wire/types';
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
  /** Re-analyzes what the changes touch; returns the node ids whose problem summary changed. */
  apply(changed: readonly ChangedObject[]): string[];
  /** Current problem counts per node id (maintained incrementally; do not modify). */
  summaries(): ReadonlyMap<string, ProblemSummary>;
}

const SUBJECTS = new Set<string>(SUBJECT_KINDS);

function splitKey(key: string): ChangedObject {
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  const kind = key.slice(0, a);
  const namespace = key.slice(a + 1, b);
  const name = key.slice(b + 1);
  return namespace ? { kind, namespace, name } : { kind, name };
}

const sameSummary = (a: ProblemSummary | undefined, b: ProblemSummary | undefined) =>
  a === b || (!!a && !!b && a.errors === b.errors && a.warnings === b.warnings && a.infos === b.infos);

export function createIncrementalAnalyzer(snapshot: ClusterSnapshot, options?: AnalyzeOptions): IncrementalAnalyzer {
  const refs = RefIndex.build(snapshot);
  const ctx = createAnalyzeContext(snapshot, options, refs);
  const byObject = new Map<string, Finding[]>();
  const summaries = new Map<string, ProblemSummary>();
  let cached: Finding[] | undefined;

  /** Adds (sign 1) or removes (sign -1) findings from the per-node counts; records the nodes touched. */
  const count = (findings: readonly Finding[], sign: 1 | -1, touched?: Map<string, ProblemSummary | undefined>) => {
    for (const f of findings) {
      if (!f.nodeId) continue;
      let s = summaries.get(f.nodeId);
      if (touched && !touched.has(f.nodeId)) touched.set(f.nodeId, s && { ...s });
      if (!s) summaries.set(f.nodeId, (s = { errors: 0, warnings: 0, infos: 0 }));
      if (f.severity === 'error') s.errors += sign;
      else if (f.severity === 'warning') s.warnings += sign;
      else s.infos += sign;
      if (s.errors === 0 && s.warnings === 0 && s.infos === 0) summaries.delete(f.nodeId);
    }
  };

  const reanalyze = (key: string, touched: Map<string, ProblemSummary | undefined>) => {
    const { kind, namespace, name } = splitKey(key);
    const obj = snapshot.get(kind, namespace, name);
    const old = byObject.get(key);
    if (old) count(old, -1, touched);
    if (!obj) {
      byObject.delete(key);
      return;
    }
    const now = analyzeObject(ctx, obj);
    if (now.length) byObject.set(key, now);
    else byObject.delete(key);
    count(now, 1, touched);
  };

  for (const kind of SUBJECT_KINDS) {
    for (const o of snapshot.list(kind)) {
      const fs = analyzeObject(ctx, o);
      if (!fs.length) continue;
      byObject.set(keyOf(kind, o.metadata.namespace, o.metadata.name), fs);
      count(fs, 1);
    }
  }

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
        if (c.kind === 'Namespace') for (const kind of ROUTE_KINDS) for (const n of ctx.names(kind, ns)) out.add(keyOf(kind, ns, n));
        break;
      }
      case 'Deployment':
        for (const n of ctx.names('Service', c.namespace)) out.add(keyOf('Service', c.namespace, n));
        break;
    }
  };

  const apply = (changed: readonly ChangedObject[]): string[] => {
    const touched = new Set<string>();
    for (const c of changed) {
      ctx.noteChange(c.kind, c.namespace, c.name);
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
    const before = new Map<string, ProblemSummary | undefined>();
    for (const k of touched) if (SUBJECTS.has(k.slice(0, k.indexOf('/')))) reanalyze(k, before);
    if (touched.size) cached = undefined;
    const ids: string[] = [];
    for (const [id, was] of before) if (!sameSummary(was, summaries.get(id))) ids.push(id);
    return ids;
  };

  const all = () => {
    cached ??= sortFindings([...byObject.values()].flat());
    return cached;
  };

  return {
    all,
    apply,
    update(changed) {
      apply(changed);
      return all();
    },
    summaries: () => summaries,
  };
}
