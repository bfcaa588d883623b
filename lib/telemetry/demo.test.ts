import { describe, expect, it } from 'vitest';
import { CounterHistory } from '../emulator/traffic/history';
import { createIstioMetrics } from '../emulator/traffic/istio-metrics';
import { buildPlan } from '../emulator/traffic/plan';
import { seededRng } from '../emulator/traffic/random';
import { Simulator } from '../emulator/traffic/simulate';
import { memoryStore } from '../emulator/traffic/testing';
import { buildTopology, snapshotFromObjects } from '../model';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../model/testing/load-yaml';
import { DemoSource } from './demo';

const objects = loadYamlDir(REFERENCE_ENV_DIR);
const topology = buildTopology(snapshotFromObjects(objects), { cluster: { mode: 'demo', label: 'demo' }, health: { state: 'ok' }, kinds: [] }, 1);

/** Two simulated minutes, sampled every second like the running generator does. */
async function simulatedHistory(): Promise<CounterHistory> {
  const metrics = createIstioMetrics();
  const history = new CounterHistory(metrics.registry);
  const sim = new Simulator(metrics, seededRng(3), 1);
  const plan = buildPlan(memoryStore(objects));
  const start = Date.now() - 120_000;
  await history.sample(start);
  for (let s = 1; s <= 120; s++) {
    for (let i = 0; i < 5; i++) sim.tick(plan, 0.2);
    await history.sample(start + s * 1000);
  }
  return history;
}

describe('demo telemetry source', () => {
  it('reports the generator’s traffic on the reference edges with the same bounded queries', async () => {
    const history = await simulatedHistory();
    const source = new DemoSource(() => history);
    const r = await source.report(topology, '1m');
    expect(r).toMatchObject({ source: 'demo', window: '1m', queries: 7 });
    expect(r.error).toBeUndefined();
    const v1 = r.edges['backend|HTTPRoute:app2/b-split|r0|b0']!.observedShare!;
    const v2 = r.edges['backend|HTTPRoute:app2/b-split|r0|b1']!.observedShare!;
    expect(v1 + v2).toBeCloseTo(1, 3);
    expect(Math.abs(v1 - 0.4)).toBeLessThan(0.15);
    expect(r.edges['backend|HTTPRoute:app1/app1-typo|r0|b0']!.errorRatio).toBe(1);
    expect(r.edges['backend|TCPRoute:app1/mongodb|r0|b0']!.tcpBytesPerSec).toBeGreaterThan(0);
    expect(r.edges['attach|HTTPRoute:app1/app1|p0|https']!.rps).toBeGreaterThan(1);
  });

  it('charts one edge over the window', async () => {
    const history = await simulatedHistory();
    const s = await new DemoSource(() => history).series(topology, 'attach|HTTPRoute:app2/app2|p0|http', '1m');
    expect(s.step).toBe(5);
    expect(s.points.length).toBeGreaterThanOrEqual(11);
    expect(s.points.every((p, i) => i === 0 || p.t > s.points[i - 1]!.t)).toBe(true);
    expect(s.points.filter((p) => p.rps > 0).length).toBeGreaterThan(5);
    expect(s.points.some((p) => p.p95Ms !== undefined)).toBe(true);
  });

  it('says so when the generator is not running', async () => {
    const r = await new DemoSource(() => undefined).report(topology, '5m');
    expect(r.error).toMatch(/not running/);
    expect(r.edges).toEqual({});
  });
});
