/**
 * The demo cluster's traffic generator: simulates the reference environment's clients and mesh calls
 * in-process, records them as Istio's standard metrics, serves them on a loopback `/metrics` endpoint
 * (Prometheus text format) and keeps a ring of samples for the demo telemetry source.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorStore } from '../api';
import { CounterHistory, type RateSample } from './history';
import { createIstioMetrics, METRICS_PROFILES, type MetricsProfile } from './istio-metrics';
import { buildPlan, type MeshCall, type TrafficPlan } from './plan';
import { seededRng } from './random';
import { Simulator } from './simulate';

export type { RateSample } from './history';
export type { MeshCall } from './plan';
export type { MetricsProfile } from './istio-metrics';

export interface TrafficOptions {
  /** Port of the loopback /metrics endpoint (0 = free; default $GATEWATCH_DEMO_METRICS_PORT or 0). */
  metricsPort?: number;
  /** Host of the /metrics endpoint; default 127.0.0.1. */
  metricsHost?: string;
  /** Scales every client rate (tests raise it to get tight shares in a short window). Default 1. */
  rateMultiplier?: number;
  /** Requests/s per gateway and route rule before the multiplier (default 4). */
  httpRate?: number;
  /** TCP connections/s per gateway and TCP route rule before the multiplier (default 0.5). */
  tcpRate?: number;
  /** Cap on the sum of all client rates before the multiplier, so a large cluster stays cheap (default 500/s). */
  maxTotalRate?: number;
  /** Share of the routes that get clients (default 1; see PlanOptions.activeRouteShare). */
  activeRouteShare?: number;
  /** Milliseconds between simulation steps (default 200). */
  tickMs?: number;
  /** Seed of the simulation's randomness (default: from the clock). */
  seed?: number;
  /** In-mesh calls (default: the reference environment's a → b). */
  calls?: MeshCall[];
  /** Which Istio telemetry to export: `full` (default, Istio's defaults) or `compact` (see istio-metrics.ts). */
  profile?: MetricsProfile['name'] | MetricsProfile;
  /**
   * Keep the in-process sample ring the demo telemetry source reads (default true). A generator only
   * scraped by Prometheus can skip it: each sample reads every series, seconds of work on a large cluster.
   */
  history?: boolean;
}

export interface TrafficGenerator {
  /** http://127.0.0.1:<port>/metrics in the Prometheus text format */
  metricsUrl: string;
  /** Per-second rates of every counter series over the last `windowSeconds` before `atMs` (default now). */
  rates(windowSeconds: number, atMs?: number): RateSample[];
  /** Time range (ms) the in-process samples cover, undefined before the first one. */
  span(): { from: number; to: number } | undefined;
  /** The Prometheus text exposition, as /metrics serves it. */
  metricsText(): Promise<string>;
  stop(): Promise<void>;
}

/** The kinds the traffic plan is built from; other changes (Events, Secrets) do not touch it. */
const PLAN_KINDS = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'Service', 'Deployment']);

/** A fixed port lets a Prometheus outside the process scrape the demo (see docs/telemetry.md). */
function defaultMetricsPort(): number {
  const port = Number(process.env.GATEWATCH_DEMO_METRICS_PORT ?? 0);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 0;
}

export async function startTrafficGenerator(store: EmulatorStore, opts: TrafficOptions = {}): Promise<TrafficGenerator> {
  const metrics = createIstioMetrics(typeof opts.profile === 'object' ? opts.profile : METRICS_PROFILES[opts.profile ?? 'full']);
  const keepHistory = opts.history ?? true;
  const history = new CounterHistory(metrics.registry);
  const sim = new Simulator(metrics, seededRng(opts.seed ?? Date.now()), opts.rateMultiplier ?? 1);
  const planOptions = { httpRate: opts.httpRate, tcpRate: opts.tcpRate, maxTotalRate: opts.maxTotalRate, activeRouteShare: opts.activeRouteShare, calls: opts.calls };

  // The plan follows the store: any change (a weight edit on b-split, say) applies on the next tick.
  let plan: TrafficPlan = buildPlan(store, planOptions);
  let dirty = false;
  let nextPlanAt = 0;
  const unsubscribe = store.subscribe((ev) => {
    if (PLAN_KINDS.has(ev.object.kind)) dirty = true;
  });

  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') {
      metrics.registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: try /metrics\n');
  });
  const host = opts.metricsHost ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.metricsPort ?? defaultMetricsPort(), host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  if (keepHistory) await history.sample();
  let last = Date.now();
  const tick = setInterval(() => {
    const now = Date.now();
    // A stalled event loop must not turn into a burst of traffic.
    const dt = Math.min(1, (now - last) / 1000);
    last = now;
    // Rebuilding costs little on the demo (every tick) but seconds on a huge cluster: wait ten builds' time.
    if (dirty && now >= nextPlanAt) {
      dirty = false;
      plan = buildPlan(store, planOptions);
      nextPlanAt = Date.now() + 10 * (Date.now() - now);
    }
    sim.tick(plan, dt);
  }, opts.tickMs ?? 200);
  const sampler = setInterval(() => {
    if (keepHistory) void history.sample();
  }, 1000);
  tick.unref();
  sampler.unref();

  let stopped = false;
  return {
    metricsUrl: `http://${host}:${port}/metrics`,
    rates: (windowSeconds, atMs) => history.rates(windowSeconds, atMs),
    span: () => history.span(),
    metricsText: () => metrics.registry.metrics(),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(tick);
      clearInterval(sampler);
      unsubscribe();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
