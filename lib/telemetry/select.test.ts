import { describe, expect, it } from 'vitest';
import type { Topology } from '../wire/types';
import { DemoSource } from './demo';
import { PrometheusSource } from './prometheus';
import { createTelemetrySource, telemetrySource } from './select';

const empty = { nodes: [], edges: [] } as unknown as Topology; // only nodes/edges are read
const demoCore = { demo: { traffic: { rates: () => [], span: () => undefined } } } as never; // a stand-in RunningEmulator

describe('telemetry source choice', () => {
  it('prefers Prometheus when GATEWATCH_PROMETHEUS_URL is set', () => {
    expect(createTelemetrySource(demoCore, { GATEWATCH_PROMETHEUS_URL: 'http://127.0.0.1:9090' })).toBeInstanceOf(PrometheusSource);
  });

  it('reads the demo generator in demo mode', () => {
    expect(createTelemetrySource(demoCore, {})).toBeInstanceOf(DemoSource);
  });

  it('says "telemetry not configured" otherwise, and names a bad URL', async () => {
    const none = await createTelemetrySource({}, {}).report(empty, '1m');
    expect(none).toMatchObject({ source: 'none', window: '1m', edges: {}, error: 'telemetry not configured' });
    const bad = await createTelemetrySource({}, { GATEWATCH_PROMETHEUS_URL: 'not a url' }).report(empty, '5m');
    expect(bad.error).toMatch(/not a URL/);
  });

  it('keeps one source per core, not one per request', () => {
    const a = telemetrySource(demoCore);
    expect(telemetrySource(demoCore)).toBe(a);
    expect(telemetrySource({})).not.toBe(a);
  });
});
