/** What the rules share during one analysis: the snapshot, the conformance context, name lists, the ref index. */
import { createContext, type EvalContext, type EvalOptions } from '../conformance';
import type { ClusterSnapshot } from '../model/snapshot';
import { RefIndex } from './ref-index';

export interface AnalyzeOptions extends EvalOptions {
  /**
   * Expect controllers to have written status (a live cluster). When false (manifest files), missing
   * status is not a finding and Services are checked against Deployments only where some exist.
   * Default true.
   */
  expectStatus?: boolean;
}

export interface AnalyzeContext {
  snapshot: ClusterSnapshot;
  eval: EvalContext;
  expectStatus: boolean;
  refs: RefIndex;
  /** Names of objects of a kind in a namespace ('' for cluster-scoped kinds). */
  names(kind: string, namespace: string | undefined): readonly string[];
  /** Namespaces holding at least one object of the kind. */
  namespacesWith(kind: string): ReadonlySet<string>;
  invalidate(kind: string): void;
  /**
   * One object was added, changed or deleted (the snapshot already shows it): keeps the name lists
   * current in O(names in its namespace) instead of dropping the kind's whole index.
   */
  noteChange(kind: string, namespace: string | undefined, name: string): void;
}

export function createAnalyzeContext(snapshot: ClusterSnapshot, options: AnalyzeOptions = {}, refs?: RefIndex): AnalyzeContext {
  const evalCtx = createContext(snapshot, options);
  const byKind = new Map<string, Map<string, string[]>>();
  const index = (kind: string) => {
    let m = byKind.get(kind);
    if (!m) {
      m = new Map();
      for (const o of snapshot.list(kind)) {
        const ns = o.metadata.namespace ?? '';
        let list = m.get(ns);
        if (!list) m.set(ns, (list = []));
        list.push(o.metadata.name);
      }
      byKind.set(kind, m);
    }
    return m;
  };
  return {
    snapshot,
    eval: evalCtx,
    expectStatus: options.expectStatus ?? true,
    refs: refs ?? RefIndex.build(snapshot),
    names: (kind, namespace) => index(kind).get(namespace ?? '') ?? [],
    namespacesWith: (kind) => new Set([...index(kind).entries()].filter(([, v]) => v.length > 0).map(([k]) => k)),
    invalidate(kind) {
      byKind.delete(kind);
      evalCtx.invalidate(kind);
    },
    noteChange(kind, namespace, name) {
      evalCtx.invalidate(kind);
      const m = byKind.get(kind);
      if (!m) return; // not indexed yet: built from the snapshot on first use
      const ns = namespace ?? '';
      const list = m.get(ns);
      const at = list ? list.indexOf(name) : -1;
      const exists = snapshot.get(kind, namespace, name) !== undefined;
      // Same order as the store's (insertion order: a new name goes last, an update keeps its place).
      if (exists && at < 0) {
        if (list) list.push(name);
        else m.set(ns, [name]);
      } else if (!exists && at >= 0) list!.splice(at, 1);
    },
  };
}
