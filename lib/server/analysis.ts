/**
 * The analyzer as the server core sees it: findings for the live snapshot, re-run per change for
 * what the change touches, and the topology decorated with per-node problem counts.
 */
import { createIncrementalAnalyzer, decorateWithSummaries } from '../analyze';
import type { ObjectChange } from '../model';
import type { ClusterSnapshot } from '../model/snapshot';
import type { Finding, ProblemSummary, Topology } from '../wire/types';

export interface LiveAnalysis {
  /** Every finding, sorted (materialised on demand, then cached until the next change). */
  findings(): Finding[];
  /** Re-analyzes; returns the node ids whose problem summary changed (they count as changed nodes). */
  update(changed: readonly ObjectChange[]): string[];
  decorate(t: Topology): Topology;
  /** Problem counts per node id (current; do not modify). */
  summaries(): ReadonlyMap<string, ProblemSummary>;
}

/** Node ids whose problem counts differ between two analyses (after a full re-analysis). */
export function summaryChanges(before: ReadonlyMap<string, ProblemSummary>, after: ReadonlyMap<string, ProblemSummary>): string[] {
  const ids: string[] = [];
  for (const [id, a] of before) {
    const b = after.get(id);
    if (!b || a.errors !== b.errors || a.warnings !== b.warnings || a.infos !== b.infos) ids.push(id);
  }
  for (const id of after.keys()) if (!before.has(id)) ids.push(id);
  return ids;
}

export function createLiveAnalysis(snapshot: ClusterSnapshot): LiveAnalysis {
  const analyzer = createIncrementalAnalyzer(snapshot);
  return {
    findings: () => analyzer.all(),
    update: (changed) => analyzer.apply(changed),
    decorate: (t) => decorateWithSummaries(t, analyzer.summaries()),
    summaries: () => analyzer.summaries(),
  };
}
