import { describe, expect, it } from 'vitest';
import { generateCluster, SIZES } from '../../bench/generate';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../../model/testing/load-yaml';
import { buildQueries } from '../../telemetry/queries';
import type { KObject } from '../../gateway-api/types';
import { COMPACT_PROFILE, createIstioMetrics, FULL_PROFILE, type MetricsProfile } from './istio-metrics';
import { buildPlan } from './plan';
import { seededRng } from './random';
import { Simulator } from './simulate';
import { memoryStore } from './testing';

/** `seconds` of simulated traffic (no timers), then the /metrics text and its series. */
async function exposition(objects: readonly KObject[], profile: MetricsProfile, seconds: number) {
  const metrics = createIstioMetrics(profile);
  const sim = new Simulator(metrics, seededRng(3), 1);
  const plan = buildPlan(memoryStore(objects));
  for (let t = 0; t < seconds * 5; t++) sim.tick(plan, 0.2);
  const text = await metrics.registry.metrics();
  const series = text.split('\n').filter((l) => l && !l.startsWith('#'));
  return { text, series };
}

const labelsOf = (line: string) => Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const routesOf = (objects: readonly KObject[]) => objects.filter((o) => o.kind.endsWith('Route')).length;

// A tenth of the small benchmark cluster: every kind of route, split Services and broken refs, quickly.
const cluster = generateCluster({ ...SIZES.small, namespaces: 4, gateways: 5, httpRoutes: 30, services: 30 }, 1);

describe('Istio metrics profiles', () => {
  it('keeps every label the bounded queries group by in the compact profile', async () => {
    const { series } = await exposition(loadYamlDir(REFERENCE_ENV_DIR), COMPACT_PROFILE, 60);
    for (const q of buildQueries(null, '1m')) {
      const metric = q.metric.replace(/_bucket$/, '');
      if (metric.startsWith('envoy_')) continue;
      const line = series.find((l) => l.startsWith(`${q.metric}{`));
      expect(line, q.metric).toBeDefined();
      const labels = labelsOf(line!);
      for (const l of q.by) {
        // grpc_response_status is empty on HTTP calls, as Istio exports it.
        expect(labels, `${q.metric} ${l}`).toHaveProperty(l);
      }
    }
  });

  it('bounds the compact profile to at most 50 series per route, a fifth of the full one', async () => {
    const routes = routesOf(cluster);
    const full = await exposition(cluster, FULL_PROFILE, 120);
    const compact = await exposition(cluster, COMPACT_PROFILE, 120);
    const perRoute = compact.series.length / routes;
    expect(perRoute).toBeGreaterThan(10);
    expect(perRoute).toBeLessThanOrEqual(50);
    expect(compact.series.length * 3).toBeLessThan(full.series.length);
    // Bytes per route: the full profile's ~160 kB (Istio's labels, 20 buckets, both reporters) cut to ~16 kB.
    expect(compact.text.length / routes).toBeLessThan(25_000);
  });

  it('reports client-side only, with seven duration buckets, in the compact profile', async () => {
    const { series } = await exposition(cluster, COMPACT_PROFILE, 60);
    const istio = series.filter((l) => l.startsWith('istio_'));
    expect(istio.length).toBeGreaterThan(0);
    expect(istio.every((l) => l.includes('reporter="source"'))).toBe(true);
    const les = new Set(series.filter((l) => l.startsWith('istio_request_duration_milliseconds_bucket{')).map((l) => labelsOf(l).le));
    expect([...les].sort()).toEqual(['+Inf', '10', '100', '25', '250', '5', '50'].sort());
  });

  it('lets only one workload in ten fail in the compact profile; the full profile lets all', async () => {
    const failing = (lines: string[]) => {
      const all = new Set<string>();
      const failed = new Set<string>();
      for (const l of lines.filter((x) => x.startsWith('istio_requests_total{'))) {
        const labels = labelsOf(l);
        if (labels.destination_workload === 'unknown') continue;
        const wl = `${labels.destination_workload_namespace}/${labels.destination_workload}`;
        all.add(wl);
        const grpc = labels.grpc_response_status ?? '';
        if (/^5/.test(labels.response_code ?? '') || (grpc !== '' && grpc !== '0')) failed.add(wl);
      }
      return failed.size / all.size;
    };
    const compact = await exposition(cluster, COMPACT_PROFILE, 200);
    const full = await exposition(cluster, FULL_PROFILE, 200);
    expect(failing(compact.series)).toBeLessThan(0.25);
    expect(failing(full.series)).toBeGreaterThan(0.8);
  });

  it('keeps the full profile as Istio exports by default: both reporters and all standard labels', async () => {
    const { series } = await exposition(loadYamlDir(REFERENCE_ENV_DIR), FULL_PROFILE, 30);
    const req = series.filter((l) => l.startsWith('istio_requests_total{'));
    expect(req.some((l) => l.includes('reporter="destination"'))).toBe(true);
    expect(labelsOf(req[0]!)).toHaveProperty('destination_principal');
    expect(labelsOf(req[0]!)).toHaveProperty('connection_security_policy');
  });
});
