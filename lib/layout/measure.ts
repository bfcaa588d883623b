/**
 * Layout timings on synthetic clusters (not a test: prints figures). For each size, the benchmark's
 * generator → model → the default view (GatewayClasses hidden, as the page opens) → layout input, then
 * the quick layout and ELK as the layout worker runs them, in this process.
 *
 *   npx tsx lib/layout/measure.ts [--nodes 300,1000,2000] [--runs 3] [--legacy]
 *
 * `--legacy` also times ELK with the column partitioning it used before (slow: minutes above 1,000 nodes).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { generateCluster, SIZES } from '../bench/generate';
import { buildTopology, MutableSnapshot } from '../model';
import { piecesOf, planLayout } from './arrange';
import { COLUMN_STRIDE } from './elk-graph';
import { layoutInputFrom, type LayoutInput } from './input';
import { quickLayout } from './quick';
import { runLayout, type ElkLike } from './run';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The page's default view: everything but GatewayClasses (components/graph/filter.ts with default filters). */
function defaultView(wantedNodes: number): LayoutInput {
  const routes = Math.max(10, Math.round(wantedNodes / 3.85));
  const objects = generateCluster({ ...SIZES.small, httpRoutes: routes, services: routes, namespaces: Math.max(10, Math.round(routes / 20)) });
  const topology = buildTopology(new MutableSnapshot(objects), { cluster: { mode: 'demo', label: 'measure' }, health: { state: 'ok' }, kinds: [] }, 0);
  const nodes = topology.nodes.filter((n) => n.kind !== 'GatewayClass');
  return layoutInputFrom(nodes, topology.edges);
}

/** ELK as configured before: columns as ELK partitions, rows by id, ELK's own crossing minimisation. */
const legacyElk = (elk: ElkLike): ElkLike => ({
  layout(graph: ElkNode) {
    const options: Record<string, string> = {
      ...graph.layoutOptions,
      'elk.partitioning.activate': 'true',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
    };
    for (const k of ['elk.layered.layering.strategy', 'elk.layered.cycleBreaking.strategy', 'elk.layered.crossingMinimization.strategy']) delete options[k];
    const children = (graph.children ?? [])
      .map(({ x, y: _y, ...c }) => ({ ...c, layoutOptions: { ...c.layoutOptions, 'elk.partitioning.partition': String(Math.round((x ?? 0) / COLUMN_STRIDE)) } }))
      .sort((a, b) => Number(a.layoutOptions['elk.partitioning.partition']) - Number(b.layoutOptions['elk.partitioning.partition']) || (a.id < b.id ? -1 : 1));
    return elk.layout({ ...graph, layoutOptions: options, children });
  },
});

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function time<T>(f: () => Promise<T> | T): Promise<{ wall: number; cpu: number }> {
  const c = cpuMs();
  const t = performance.now();
  await f();
  return { wall: performance.now() - t, cpu: cpuMs() - c };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  const sizes = arg('nodes', '300,1000,2000').split(',').map(Number);
  const runs = Number(arg('runs', '3'));
  const legacy = process.argv.includes('--legacy');
  const elk = new ELK();
  // Warm ELK up as the worker does (its first runs are several times slower).
  const warm = defaultView(40);
  for (let i = 0; i < 3; i++) await runLayout(elk, warm);
  console.log(`layout timings, median of ${runs} (wall / CPU of this process); load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const size of sizes) {
    const input = defaultView(size);
    const plan = planLayout(input);
    const pieces = piecesOf(plan).map((p) => p.nodes.length);
    console.log(`\n${input.nodes.length} nodes, ${input.edges.length} edges; pieces: ${pieces.length} (largest ${Math.max(...pieces)} nodes)`);
    quickLayout(input); // JIT warm-up
    const rows: [string, () => unknown][] = [
      ['quick layout', () => quickLayout(input)],
      ['ELK (this configuration)', () => runLayout(elk, input)],
    ];
    if (legacy) rows.push(['ELK (partitioned, before)', () => runLayout(legacyElk(elk), input)]);
    for (const [name, f] of rows) {
      const n = name.startsWith('quick') ? Math.max(runs, 9) : runs;
      const t: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < n; i++) t.push(await time(f));
      console.log(`  ${name.padEnd(28)} ${fmt(median(t.map((x) => x.wall))).padStart(10)} / ${fmt(median(t.map((x) => x.cpu))).padStart(10)}`);
    }
  }
}

void main();
