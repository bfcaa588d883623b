/** Puts the analyzer's counts on topology nodes (`node.problems`), without touching the input. */
import type { Finding, ProblemSummary, Topology } from '../wire/types';

export function problemSummaries(findings: readonly Finding[]): Map<string, ProblemSummary> {
  const out = new Map<string, ProblemSummary>();
  for (const f of findings) {
    if (!f.nodeId) continue;
    let s = out.get(f.nodeId);
    if (!s) out.set(f.nodeId, (s = { errors: 0, warnings: 0, infos: 0 }));
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return out;
}

export function decorateTopology(topology: Topology, findings: readonly Finding[]): Topology {
  return decorateWithSummaries(topology, problemSummaries(findings));
}

/** As decorateTopology, from per-node counts already at hand (the live analyzer keeps them current). */
export function decorateWithSummaries(topology: Topology, summaries: ReadonlyMap<string, ProblemSummary>): Topology {
  return {
    ...topology,
    nodes: topology.nodes.map((n) => {
      const p = summaries.get(n.id);
      if (p) return { ...n, problems: p };
      if (n.problems === undefined) return n;
      const { problems: _dropped, ...rest } = n;
      void _dropped;
      return rest as typeof n;
    }),
  };
}
