/**
 * `npm run bench -- --size small|medium|large|all --runs N [--churn-seconds S] [--fresh-samples N]`
 * Measures Gatewatch on synthetic clusters and writes docs/benchmarks.md. A command, not a test:
 * nothing here fails on a timing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSyntheticCluster } from '../lib/bench/cluster';
import { fetchFullTopology, fetchTopology, startDashboard, type Dashboard } from '../lib/bench/dashboard';
import { measureFreshness } from '../lib/bench/freshness';
import { countByKind, generateCluster, type SizeName } from '../lib/bench/generate';
import { timeKubectlGetAll } from '../lib/bench/kubectl';
import { benchModel } from '../lib/bench/model-bench';
import { isMeasured, readPrevious, renderReport, type BenchData, type ColdStartFigures, type MemoryFigures, type SizeResult } from '../lib/bench/report';
import { summarize } from '../lib/bench/stats';
import { httpRoutes, startBackgroundWriter } from '../lib/bench/writers';
import { measureBrowser } from '../lib/bench/browser';
import { measureTelemetry } from '../lib/bench/telemetry';
import { namespacesForNodes } from '../lib/bench/views';
import { measureEditor } from '../lib/bench/editor';
import { ensureBuild, freePort } from '../test/helpers/server';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    runs: { type: 'string', default: '3' },
    'churn-seconds': { type: 'string' },
    'churn-rate': { type: 'string', default: '10' },
    'fresh-samples': { type: 'string', default: '100' },
    'fresh-rate': { type: 'string', default: '50' },
    events: { type: 'string', default: '300' },
    port: { type: 'string' },
    'dist-dir': { type: 'string', default: '.next-bench' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    'no-server': { type: 'boolean', default: false },
    /** Re-render docs/benchmarks.md from the results stored in it (after editing the notes). */
    'render-only': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'telemetry-max-routes': { type: 'string', default: '20000' },
  },
});

/** The URL parameter that asks the graph for full detail (no collapsing), as components/shell/url-state.ts reads it. */
const FULL_DETAIL_QUERY = 'detail=full';

const sizes: SizeName[] = args.size === 'all' ? ['small', 'medium', 'large'] : [args.size as SizeName];
for (const s of sizes) if (!['small', 'medium', 'large'].includes(s)) throw new Error(`--size must be small, medium, large or all (got ${s})`);
const runs = Math.max(1, Number(args.runs));
const log = (s: string) => console.error(`[bench] ${s}`);
const mb = (b: number) => b / (1024 * 1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function benchSize(size: SizeName): Promise<SizeResult> {
  const objects = generateCluster(size, Number(args.seed));
  const result: SizeResult = {
    size,
    measuredAt: new Date().toISOString(),
    counts: countByKind(objects),
    model: { notMeasured: 'not run' },
    coldStart: { notMeasured: 'not run (--no-server)' },
    freshness: { notMeasured: 'not run (--no-server)' },
    memory: { notMeasured: 'not run (--no-server)' },
    browser: { notMeasured: 'not run' },
    editor: { notMeasured: 'not run (--no-server)' },
    telemetry: { notMeasured: 'not run' },
    notes: [],
  };

  log(`${size}: model, ${objects.length} objects`);
  result.model = benchModel(objects, Math.max(runs, size === 'large' ? 5 : 10), Number(args.events));
  if (args['no-server']) return result;

  log(`${size}: loading the demo cluster`);
  const cluster = await startSyntheticCluster(objects);
  result.notes.push(`demo cluster: ${cluster.loaded} objects bulk-loaded and ${cluster.statusWrites} status writes in ${(cluster.loadMs / 1000).toFixed(1)} s${cluster.loadErrors.length ? `; refused: ${cluster.loadErrors.join('; ')}` : ''}`);
  const emu = cluster.emulator;
  let dash: Dashboard | undefined;
  try {
    const ready: number[] = [];
    const model: number[] = [];
    const kubectl: number[] = [];
    let last: Awaited<ReturnType<typeof fetchTopology>> | undefined;
    let kubectlBytes = 0;
    let partialAfterReady = 0;
    const expectedNodes = isMeasured(result.model) ? result.model.nodes : 0;
    for (let i = 0; i < runs; i++) {
      const k = await timeKubectlGetAll(emu.kubeconfigPath);
      kubectl.push(k.ms);
      kubectlBytes = k.bytes;
      await dash?.stop();
      const port = args.port ? Number(args.port) : await freePort();
      dash = await startDashboard({ root: ROOT, distDir: args['dist-dir']!, port, kubeconfig: emu.kubeconfigPath });
      const full = await fetchFullTopology(dash.url, expectedNodes);
      last = full.last;
      const modelMs = full.at - dash.startedAt;
      ready.push(dash.readyMs);
      model.push(modelMs);
      if (full.polls > 1) partialAfterReady++;
      log(`${size}: run ${i + 1}: ready ${dash.readyMs.toFixed(0)} ms, full model ${modelMs.toFixed(0)} ms (${full.polls} fetches), kubectl ${k.ms.toFixed(0)} ms`);
    }
    const expectedRoutes = result.counts.HTTPRoute ?? 0;
    if (last && last.routes !== expectedRoutes) result.notes.push(`the served topology held ${last.routes} HTTPRoutes, expected ${expectedRoutes}`);
    if (last && last.nodes !== expectedNodes) result.notes.push(`the served topology held ${last.nodes} nodes, the in-process model ${expectedNodes}`);
    if (partialAfterReady) result.notes.push(`in ${partialAfterReady} of ${runs} runs /api/readyz answered 200 before /api/topology held the whole cluster; "full model served" is when it did`);
    const cs: ColdStartFigures = {
      runs,
      readyMs: summarize(ready),
      modelMs: summarize(model),
      kubectlMs: summarize(kubectl),
      ratio: summarize(model).median / summarize(kubectl).median,
      topologyBytes: last?.bytes ?? 0,
      nodes: last?.nodes ?? 0,
      edges: last?.edges ?? 0,
      kubectlBytes,
    };
    result.coldStart = cs;

    await sleep(2000);
    const afterSync = mb(dash!.rssBytes());
    const routes = httpRoutes(emu);

    log(`${size}: freshness (${args['fresh-samples']} samples, background ${args['fresh-rate']}/s)`);
    result.freshness = await measureFreshness(emu, dash!.url, routes, { samples: Number(args['fresh-samples']), backgroundPerSecond: Number(args['fresh-rate']) });

    log(`${size}: editor round trip (PATCH /api/split → SSE)`);
    try {
      const ed = await measureEditor(emu, dash!.url, routes, { samples: 40 });
      result.editor = ed.roundTripMs.n ? { roundTripMs: ed.roundTripMs } : { notMeasured: `no apply succeeded: ${ed.failures.join('; ')}` };
      if (ed.failures.length) result.notes.push(`editor: ${ed.failures.length} of 40 applies failed or were not seen (${ed.failures.slice(0, 2).join('; ')})`);
    } catch (e) {
      result.editor = { notMeasured: `the editor run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}` };
    }

    const churnSeconds = Number(args['churn-seconds'] ?? (size === 'large' ? 600 : 60));
    const churnRate = Number(args['churn-rate']);
    log(`${size}: churn ${churnSeconds} s at ${churnRate}/s`);
    const before = mb(dash!.rssBytes());
    const writer = startBackgroundWriter(emu, routes, churnRate);
    await sleep(churnSeconds * 1000);
    const churnWrites = writer.stop();
    await sleep(3000);
    await fetchTopology(dash!.url);
    const afterChurn = mb(dash!.rssBytes());
    const mem: MemoryFigures = { afterSyncMB: afterSync, afterChurnMB: afterChurn, growthPct: ((afterChurn - afterSync) / afterSync) * 100, churnSeconds, churnPerSecond: churnRate, churnWrites };
    result.memory = mem;
    result.notes.push(`RSS after sync ${afterSync.toFixed(0)} MB, after the freshness and editor runs ${before.toFixed(0)} MB, after the churn ${afterChurn.toFixed(0)} MB; growth is counted from after sync, so it includes the freshness run's writes too`);

    if (args['no-browser']) result.browser = { notMeasured: 'skipped (--no-browser)' };
    else {
      log(`${size}: browser`);
      try {
        // The frame-rate figure asks for a 1,000-node view: the first namespaces that hold that many, in full detail.
        const view = namespacesForNodes(objects, 1000);
        const thousandView = view.nodes >= 1000 ? { query: `ns=${view.namespaces.join(',')}&${FULL_DETAIL_QUERY}`, modelNodes: view.nodes } : undefined;
        result.browser = await measureBrowser(dash!.url, { runs: Math.min(runs, 3), thousandView });
      } catch (e) {
        result.browser = { notMeasured: `the browser run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}` };
      }
    }
    await dash?.stop();
    dash = undefined;

    const maxRoutes = Number(args['telemetry-max-routes']);
    if ((result.counts.HTTPRoute ?? 0) > maxRoutes) {
      result.telemetry = {
        notMeasured: `skipped above ${maxRoutes} routes (--telemetry-max-routes); the query count does not depend on size`,
      };
    } else {
      log(`${size}: telemetry (traffic generator → Prometheus → refresh)`);
      try {
        const t = await measureTelemetry(emu, args.port ? Number(args.port) + 1 : await freePort(), { refreshes: Math.max(3, runs) });
        result.telemetry = { queries: t.queries, refreshMs: t.refreshMs, edges: t.edges };
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
        result.notes.push(
          `telemetry: ${t.edgesWithTraffic} of ${t.edges} edges carried traffic in the refreshed report${t.activeRouteShare < 1 ? ` (clients on a hashed ${Math.round(t.activeRouteShare * 100)} % of the routes, so that one Prometheus can scrape them)` : ''}; the generator exported ${t.exposition.series} series (${(t.exposition.bytes / 1e6).toFixed(1)} MB, ${(t.exposition.series / t.exposition.routes).toFixed(0)} per route), Prometheus scraped them every ${t.scrape.intervalSeconds} s (last scrape ${t.scrape.durationSeconds.toFixed(1)} s), rate() over ${t.range}; a refresh (median) spent ${s(t.split.queryMs.median)} waiting for Prometheus, ${s(t.split.decodeMs.median)} decoding ${t.split.series} answer series and ${s(t.split.mapMs.median)} mapping them onto edges`,
        );
      } catch (e) {
        result.telemetry = { notMeasured: `the telemetry run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}` };
      }
    }
  } finally {
    await dash?.stop();
    await emu.stop();
  }
  return result;
}

async function main() {
  const outPath = join(ROOT, args.out!);
  const previous = readPrevious(existsSync(outPath) ? readFileSync(outPath, 'utf8') : undefined);
  const cpuList = cpus();
  const data: BenchData = {
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      memoryGB: totalmem() / 1024 ** 3,
      node: process.version,
      os: `${type()} ${release()}`,
      loadAverage: loadavg(),
    },
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    sizes: { ...(previous?.sizes ?? {}) },
  };
  if (args['render-only']) {
    if (!previous) throw new Error(`${args.out} holds no stored results to render`);
    writeFileSync(outPath, renderReport(previous, EXPLANATIONS));
    return;
  }
  log(`machine: ${data.machine.cpus} cores, ${data.machine.memoryGB.toFixed(1)} GB (${mb(freemem()).toFixed(0)} MB free), load ${data.machine.loadAverage.map((x) => x.toFixed(2)).join(' ')}`);
  if (!args['no-server']) {
    log(`building the dashboard into ${args['dist-dir']} (skipped when up to date)`);
    ensureBuild(args['dist-dir']);
  }
  for (const size of sizes) {
    data.sizes[size] = await benchSize(size);
    writeFileSync(outPath, renderReport(data, EXPLANATIONS));
    log(`${size}: written to ${args.out}`);
  }
}

/**
 * What bounds the figures that miss their targets, and what would move them. Written from the run
 * of 2026-11-27 (and a CPU profile of the server taken the same day); update after re-measuring.
 */
const EXPLANATIONS: string[] = [
  'The machine: 2 cores shared with other builds and test runs while measuring (load average 4–11). In a quieter moment the large model builds in 1.5–2 s of CPU (6.4 s median in the busier run before the large column was re-measured, 2.2 s in it); every figure includes that contention.',
  'Which run gave which column: large was re-measured at 01:57 UTC after the analyzer, cold-start and memory changes below, with `npm run bench -- --size large --runs 3 --churn-seconds 30 --no-browser` (about 5 minutes, plus `--dist-dir` for a separate build directory; no browser figures), so its churn figure covers 30 s of writes, not the 10 minutes of the full run. Small and medium were re-measured after the same changes, at 02:30 and 02:33 UTC, with `npm run bench -- --size small --runs 3 --churn-seconds 60` and `--size medium --runs 2 --churn-seconds 60` (with `--dist-dir`), including the browser figures. Before the changes large measured: cold start 22.8 s to readyz and 53.0 s to the full model served (kubectl 37.9 s), freshness p50 793 ms / p95 1.32 s / p99 1.53 s, editor round trip p95 1.31 s, RSS 979 MB after sync (795 MB after 600 s of churn); medium took 12.1 s to the full model.',
  'Cold start (large: readyz 10.4 s, full model served 16.6 s median, from 53 s; target ≤ 5 s, not met; ≤ 1.5× kubectl, met at 0.59×). The server now holds the initial lists until every kind has synced and then builds the model with `TopologyBuilder.rebuild()` and the analyzer in one full pass (readyz answers 200 only after that pass), and lists in pages of 5,000 instead of 500. What bounds it: (a) the demo cluster serves 37.5k objects (105 MB of JSON) from the benchmark\'s own process on the same 2 cores (kubectl alone needs 21–41 s for the same objects in these runs); (b) the full pass itself (2.2 s median for the model in-process, plus the analyzer); (c) the first /api/topology serializes and ships about 60 MB, the 6 s between readyz and the full model served. The spread (p95 29.5 s) is other work on the machine during run 2 (its kubectl took 41 s). What would move it further: open a large cluster collapsed by namespace so the first answer is small; a real API server on its own machine instead of the in-process emulator.',
  'Freshness (large p50 30 ms, p95 41 ms, p99 51 ms, from 793 ms / 1.32 s / 1.53 s) and the editor round trip (large p95 139 ms, from 1.31 s) now meet their targets. The cause was the analyzer\'s per-event update (about 80 % of the server\'s CPU under the 50 writes/s background): it rebuilt whole-kind name indexes, re-sorted every finding and recomputed all problem summaries per event. Now lib/analyze/incremental.ts keeps findings per object and the per-node problem counts incrementally, updates the name indexes in place, and sorts the full finding list only when /api/findings asks for it, so an event costs what it touches.',
  'Memory (large: 752 MB after sync, from 979 MB; target ≤ 300 MB, not met). The informers now drop `metadata.managedFields` and the last-applied annotation before storing. What remains: the store keeps every object with its status, the model its nodes and edges (60 MB as JSON) plus per-object fragments and its dependency index, the analyzer its findings and indexes, on top of the Next.js server (about 160 MB with the small cluster). What would move it: keep only the fields the model and analyzer read for Deployments and Services, and share unchanged objects between store and model. Under churn the RSS did not grow on the large cluster (-4.1 % over 30 s here; it fell over the earlier 10-minute run too, once the initial sync\'s garbage was collected); on the small and medium clusters it rose 17–29 % during their 60 s of writes, which is the heap sizing up after sync: 60 s does not tell that warm-up from a leak.',
  'Browser figures (5) were measured on small and medium; the large browser run was not made (time: it needs the large cold start first), so its row is empty. Medium opens collapsed by namespace (above 500 nodes): 51 namespace nodes, 1,233 DOM elements, 58 fps while panning, longest task 330 ms, first graph paint 3.6 s. Small (318 graph nodes, below the collapse threshold, so drawn in full) misses every target: first paint 11.5 s, longest task 728 ms, 23 fps, 9,092 DOM elements. What bounds them: ELK lays the whole graph out in a Web Worker from a cold start before anything is drawn, React Flow draws every node with its listener and rule rows as DOM (about 28 elements a node), the longest task is the commit of those ~300 nodes, and pan/zoom repaints them in software (headless Chromium here has no GPU). What would move them: draw a quick column layout at once and swap in ELK\'s when it returns, collapse earlier (around 150 nodes), draw rows as one text line per node below a zoom level, and keep off-screen nodes unmounted at every size (React Flow does this only above 200 nodes here). The large default view is collapsed by namespace like medium (500 namespace nodes), so its DOM count is expected near medium\'s per node, about 12,000 — above the 1,000 target; grouping namespaces further (by prefix) would be needed.',
  'Telemetry (7) was measured on the small cluster only: the demo traffic generator exports about 11 MB of Istio metrics per 100 routes, which a single Prometheus scrape on this machine cannot take for the larger clusters. The number of PromQL queries per refresh does not depend on the cluster size (lib/telemetry/queries.ts builds a fixed set, at most 10).',
];

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
