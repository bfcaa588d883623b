/**
 * One step of simulated traffic: requests arrive as a Poisson process per entry (so shares wander
 * around the weights as they do on a real cluster), each request picks its backend by the current
 * weights, pods answer with a status mix and a latency, and both proxies of every call record it
 * the way Istio does (reporter=source and reporter=destination).
 */
import type { IstioMetrics, Reporter } from './istio-metrics';
import { httpLabels, peerLabels } from './istio-metrics';
import type { Backend, Entry, TrafficPlan, WorkloadRef } from './plan';
import { serviceKey } from './plan';
import type { Rng } from './random';
import { logNormal, pickFromMix, pickWeighted, poisson } from './random';

/** httpbin's demo clients ask for /headers mostly, sometimes /status/418, and a few calls fail. */
const HTTPBIN_MIX = { '200': 0.9, '418': 0.06, '404': 0.015, '503': 0.015, '500': 0.01 };
const DEFAULT_MIX = { '200': 0.992, '503': 0.008 };
const GRPC_MIX = { '0': 0.99, '14': 0.01 };
const HEALTHY_MIX = { '200': 1 };
const HEALTHY_GRPC_MIX = { '0': 1 };

const REPORTERS: readonly Reporter[] = ['source', 'destination'];

interface OpenConnection {
  entry: Entry;
  backend: Backend;
  pod: WorkloadRef;
  remaining: number;
  sendPerSec: number;
  receivePerSec: number;
}

interface Outcome {
  code: string;
  grpc: string;
  latencyMs: number;
  /** A backend pod answered (false: the proxy answered itself). */
  upstream?: boolean;
}

function hashOf(w: WorkloadRef): number {
  let h = 0;
  for (const c of `${w.namespace}/${w.name}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/** murmur3's finalizer: similar names (svc-00001, svc-00002…) land on unrelated values. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Stable per-workload latency so versions differ visibly (b-v1 slower than b-v2, say). */
function medianLatency(w: WorkloadRef): number {
  if (w.app === 'httpbin') return 6;
  return 6 + (hashOf(w) % 16);
}

export class Simulator {
  private readonly open: OpenConnection[] = [];

  constructor(
    private readonly metrics: IstioMetrics,
    private readonly rng: Rng,
    private readonly multiplier: number,
  ) {}

  tick(plan: TrafficPlan, dtSeconds: number): void {
    for (const entry of plan.entries) {
      const n = poisson(this.rng, entry.rate * this.multiplier * dtSeconds);
      for (let i = 0; i < n; i++) {
        if (entry.protocol === 'tcp') this.openConnection(entry);
        else {
          const o = this.request(plan, entry.gateway, entry.backends, entry.protocol, 0);
          // A rule with no backend is answered by the proxy itself: no upstream cluster counts it.
          if (entry.envoyCluster && o.upstream) {
            this.metrics.envoyRequests.inc({ envoy_cluster_name: entry.envoyCluster, envoy_response_code_class: o.code.charAt(0) }, 1);
            this.metrics.envoyTime.observe({ envoy_cluster_name: entry.envoyCluster }, o.latencyMs);
          }
        }
      }
    }
    this.flowBytes(dtSeconds);
  }

  /** One call from `source` to a rule's backends; returns what the caller saw. */
  private request(plan: TrafficPlan, source: WorkloadRef, backends: readonly Backend[], protocol: 'http' | 'grpc', depth: number): Outcome {
    const i = pickWeighted(this.rng, backends.map((b) => b.weight));
    const backend = i >= 0 ? backends[i]! : backends[0];
    const pod = backend && backend.exists ? this.pickPod(backend) : undefined;
    if (!backend || !pod || i < 0) {
      // No backend to send to: the proxy answers 500 itself; only the source reports it.
      const outcome = { code: '500', grpc: protocol === 'grpc' ? '14' : '', latencyMs: logNormal(this.rng, 0.8, 0.3) };
      if (backend) this.record('source', source, backend, undefined, protocol, outcome);
      return outcome;
    }
    const outcome = { ...this.serve(plan, pod, protocol, depth), upstream: true };
    this.record('destination', source, backend, pod, protocol, outcome);
    this.record('source', source, backend, pod, protocol, { ...outcome, latencyMs: outcome.latencyMs + logNormal(this.rng, 0.6, 0.4) });
    return outcome;
  }

  private serve(plan: TrafficPlan, pod: WorkloadRef, protocol: 'http' | 'grpc', depth: number): Outcome {
    let latencyMs = logNormal(this.rng, medianLatency(pod), 0.45);
    if (depth < 3) {
      for (const call of plan.calls) {
        if (call.from.namespace !== pod.namespace || call.from.app !== pod.app) continue;
        const k = serviceKey(call.to.namespace, call.to.name);
        const backends = plan.meshRoutes.get(k) ?? (plan.services.has(k) ? [plan.services.get(k)!] : []);
        if (backends.length === 0) continue;
        latencyMs += this.request(plan, pod, backends, 'http', depth + 1).latencyMs;
      }
    }
    // Every status a workload can answer is one more series per caller: in the compact profile most never fail.
    const oneIn = this.metrics.profile.errorWorkloadsOneIn;
    const fails = oneIn <= 1 || mix32(hashOf(pod)) % oneIn === 0;
    if (protocol === 'grpc') {
      const grpc = pickFromMix(this.rng, fails ? GRPC_MIX : HEALTHY_GRPC_MIX);
      return { code: '200', grpc, latencyMs };
    }
    return { code: pickFromMix(this.rng, pod.app === 'httpbin' ? HTTPBIN_MIX : fails ? DEFAULT_MIX : HEALTHY_MIX), grpc: '', latencyMs };
  }

  private pickPod(b: Backend): WorkloadRef | undefined {
    const j = pickWeighted(this.rng, b.pods.map((p) => p.weight));
    return j >= 0 ? b.pods[j]!.workload : undefined;
  }

  private reports(reporter: Reporter): boolean {
    return this.metrics.profile.reporters.includes(reporter);
  }

  private record(reporter: Reporter, source: WorkloadRef, backend: Backend, pod: WorkloadRef | undefined, protocol: 'http' | 'grpc', o: Outcome): void {
    if (!this.reports(reporter)) return;
    const labels = this.metrics.keep(httpLabels(peerLabels(reporter, source, backend.service, pod, protocol), o.code, o.grpc));
    this.metrics.requests.inc(labels, 1);
    this.metrics.duration.observe(labels, o.latencyMs);
  }

  private tcp(counter: 'tcpSent' | 'tcpReceived' | 'tcpOpened' | 'tcpClosed', reporter: Reporter, entry: Entry, service: Backend['service'], pod: WorkloadRef | undefined, value: number): void {
    if (!this.reports(reporter)) return;
    this.metrics[counter].inc(this.metrics.keep(peerLabels(reporter, entry.gateway, service, pod, 'tcp')), value);
  }

  private openConnection(entry: Entry): void {
    const i = pickWeighted(this.rng, entry.backends.map((b) => b.weight));
    const backend = i >= 0 ? entry.backends[i]! : undefined;
    const pod = backend?.exists ? this.pickPod(backend) : undefined;
    if (!backend) return;
    if (!pod) {
      // Reset at once: opened and closed, no bytes.
      this.tcp('tcpOpened', 'source', entry, backend.service, undefined, 1);
      this.tcp('tcpClosed', 'source', entry, backend.service, undefined, 1);
      return;
    }
    for (const reporter of REPORTERS) this.tcp('tcpOpened', reporter, entry, backend.service, pod, 1);
    this.open.push({
      entry,
      backend,
      pod,
      remaining: -4 * Math.log(Math.max(this.rng(), 1e-9)),
      // MongoDB replies are larger than the queries.
      sendPerSec: 12_000 * (0.5 + this.rng()),
      receivePerSec: 1_500 * (0.5 + this.rng()),
    });
  }

  private flowBytes(dt: number): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const c = this.open[i]!;
      const span = Math.min(dt, Math.max(c.remaining, 0));
      const sent = Math.round(c.sendPerSec * span);
      const received = Math.round(c.receivePerSec * span);
      for (const reporter of REPORTERS) {
        if (sent > 0) this.tcp('tcpSent', reporter, c.entry, c.backend.service, c.pod, sent);
        if (received > 0) this.tcp('tcpReceived', reporter, c.entry, c.backend.service, c.pod, received);
      }
      c.remaining -= dt;
      if (c.remaining <= 0) {
        for (const reporter of REPORTERS) this.tcp('tcpClosed', reporter, c.entry, c.backend.service, c.pod, 1);
        this.open.splice(i, 1);
      }
    }
  }
}
