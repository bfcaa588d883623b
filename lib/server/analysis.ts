/**
 * The analyzer as the server core sees it: findings for the live snapshot, re-run per change for
 * what the change touches, and the topology decorated with per-node problem counts.
 */
import { createIncrementalAnalyzer, decorateTopology, problemSummaries } from '../analyze';
import type { ObjectChange } from '../model';
import type { ClusterSnapshot } from '../model/snapshot';
import type { Finding, Topology } from '../wire/types';

export interface LiveAnalysis {
  findings(): Finding[];
  /** Re-analyzes; returns the node ids whose problem summary changed (they count as changed nodes). */
  update(changed: readonly ObjectChange[]): string[];
  decorate(t: Topology): Topology;
}

export function createLiveAnalysis(snapshot: ClusterSnapshot): LiveAnalysis {
  const analyzer = createIncrementalAnalyzer(snapshot);
  let findings = analyzer.all();
  return {
    findings: () => findings,
    update(changed) {
      const before = problemSummaries(findings);
      findings = analyzer.update(changed);
      const after = problemSummaries(findings);
      const ids: string[] = [];
      for (const id of new Set([...before.keys(), ...after.keys()])) {
        if (JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))) ids.push(id);
      }
      return ids;
    },
    decorate: (t) => decorateTopology(t, findings),
  };
}
