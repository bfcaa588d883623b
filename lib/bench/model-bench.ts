/**
 * In-process cost of the topology model on a synthetic cluster: a full rebuild versus the
 * incremental builder's update for one changed route (applyChanges alone, and with the new
 * revision's topology()), measured in the same process and run.
 */
import type { KObject, Route } from '../gateway-api/types';
import { buildTopology, createTopologyBuilder, MutableSnapshot, type ModelContext } from '../model';
import { summarize, type Summary } from './stats';

export interface ModelFigures {
  nodes: number;
  edges: number;
  full: Summary;
  applyChanges: Summary;
  applyAndTopology: Summary;
  /** median full ÷ median (applyChanges + topology) */
  ratio: number;
}

/** The model context of every in-process build in the benchmark. */
export const BENCH_CONTEXT: ModelContext = { cluster: { mode: 'demo', label: 'bench' }, health: { state: 'ok' }, kinds: [] };
const ctx = BENCH_CONTEXT;

export function benchModel(objects: readonly KObject[], fullRuns: number, events: number): ModelFigures {
  const snap = new MutableSnapshot(objects);
  const full: number[] = [];
  let nodes = 0;
  let edges = 0;
  buildTopology(snap, ctx, 0); // warm-up (JIT)
  for (let i = 0; i < fullRuns; i++) {
    const t0 = performance.now();
    const t = buildTopology(snap, ctx, i);
    full.push(performance.now() - t0);
    nodes = t.nodes.length;
    edges = t.edges.length;
  }
  const builder = createTopologyBuilder(snap);
  builder.topology(ctx, 0);
  const routes = snap.list('HTTPRoute') as Route[];
  const apply: number[] = [];
  const both: number[] = [];
  for (let i = 0; i < events; i++) {
    const r = structuredClone(routes[(i * 7919) % routes.length]);
    const ref = r.spec.rules?.[0]?.backendRefs?.[0];
    if (ref) ref.weight = ((ref.weight ?? 1) % 9) + 1;
    snap.put(r);
    const t0 = performance.now();
    builder.applyChanges([{ kind: 'HTTPRoute', namespace: r.metadata.namespace, name: r.metadata.name }]);
    const t1 = performance.now();
    builder.topology(ctx, i + 1);
    const t2 = performance.now();
    apply.push(t1 - t0);
    both.push(t2 - t0);
  }
  const f = summarize(full);
  const b = summarize(both);
  return { nodes, edges, full: f, applyChanges: summarize(apply), applyAndTopology: b, ratio: f.median / b.median };
}
