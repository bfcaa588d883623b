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
    'telemetry-max-routes': { type: 'string', default: '200' },
  },
});

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
        result.browser = await measureBrowser(dash!.url, { runs: Math.min(runs, 3) });
      } catch (e) {
        result.browser = { notMeasured: `the browser run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)}` };
      }
    }
    await dash?.stop();
    dash = undefined;

    const maxRoutes = Number(args['telemetry-max-routes']);
    if ((result.counts.HTTPRoute ?? 0) > maxRoutes) {
      result.telemetry = {
        notMeasured: `the demo traffic generator exports ~11 MB of Istio metrics per 100 routes, too much for one Prometheus scrape on this machine above ${maxRoutes} routes (the query count does not depend on size: see the small cluster)`,
      };
    } else {
      log(`${size}: telemetry (traffic generator → Prometheus → refresh)`);
      try {
        const t = await measureTelemetry(emu, args.port ? Number(args.port) + 1 : await freePort(), { refreshes: Math.max(3, runs), scrapeSeconds: 30 });
        result.telemetry = { queries: t.queries, refreshMs: t.refreshMs, edges: t.edges };
        result.notes.push(`telemetry: ${t.edgesWithTraffic} of ${t.edges} edges carried traffic in the refreshed report (Prometheus scraping the demo traffic generator every 5 s, rate() over 30 s)`);
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
  'The machine: 2 cores shared with other builds and test runs while measuring (load average 4–11). The same code measured in a quieter moment built the large model in 1.5–2 s of CPU instead of the 6.4 s median in the table; every figure includes that contention.',
  'Cold start (large: readyz 23 s, full model served 53 s; target ≤ 5 s, not met; ≤ 1.5× kubectl, met at 1.40×). Bounds: (a) the demo cluster serves 37.5k objects (105 MB of JSON as kubectl prints them) from the benchmark\'s own process on the same 2 cores, and kubectl alone needs 38 s; (b) in the server, the first model is built through the incremental path kind by kind as the informers deliver, which costs about 3× one full build (5.5–7 s of CPU for large, measured in-process, against 1.5–2 s), and the analyzer runs on the same batches; (c) the first /api/topology serializes 60 MB. What would move it: build the model once with `TopologyBuilder.rebuild()` (and analyze once) when the initial lists are in, instead of per-kind batches; open a large cluster collapsed by namespace so the first answer is small; a real API server on its own machine instead of the in-process emulator.',
  'Freshness (large p50 0.79 s, p99 1.53 s; medium p50 42 ms, p99 150 ms) and the editor round trip (large p95 1.31 s) are not met on the large cluster. A CPU profile of the server over 20 s of the 50 writes/s background on the large cluster puts about 80 % of its time in the analyzer\'s per-event update (lib/server/analysis.ts → lib/analyze/incremental.ts: `ctx.invalidate(kind)` drops whole-kind indexes that are rebuilt on the next read, `all()` re-sorts every finding, and the problem summaries are recomputed and compared over all findings), against about 7 s in the model\'s applyChanges, most of it the initial sync. At 50 writes/s the single server thread saturates and events queue. What would move it: make the analyzer\'s per-event work proportional to the change (incremental indexes, findings kept per object, summaries diffed only for touched objects). The model\'s own per-event cost on large is 0.56 ms (applyChanges) and 6 ms with the new revision\'s topology().',
  'Memory (large: 979 MB after sync; target ≤ 300 MB, not met). The informer store keeps every object as listed, managedFields and status included (105 MB as JSON), the model keeps its nodes and edges (60 MB as JSON) plus per-object fragments and its dependency index, and the analyzer its findings and indexes, on top of the Next.js server (about 160 MB with the small cluster). What would move it: strip managedFields and the last-applied annotation in the informers before storing, keep only the fields the model and analyzer read for Deployments and Services, and share unchanged objects between store and model. On the large cluster the RSS did not grow over 10 minutes of churn (it fell once the initial sync\'s garbage was collected), so the ≤ 5 % growth target is met; on the small and medium clusters it rose 17–29 % during their 60 s of writes, which is the heap sizing up after sync: 60 s does not tell that warm-up from a leak.',
  'Browser figures (5) were not measured: when this run was made the dashboard page did not yet draw the graph (no `.react-flow__node` appeared within 60 s). The measurement code is in lib/bench/browser.ts and runs as soon as the page draws the graph.',
  'Telemetry (7) was measured on the small cluster only: the demo traffic generator exports about 11 MB of Istio metrics per 100 routes, which a single Prometheus scrape on this machine cannot take for the larger clusters. The number of PromQL queries per refresh does not depend on the cluster size (lib/telemetry/queries.ts builds a fixed set, at most 10).',
];

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
