import { describe, expect, it } from 'vitest';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../../model/testing/load-yaml';
import { startTrafficGenerator } from './index';
import { memoryStore } from './testing';

describe('traffic generator', () => {
  it('serves Istio metrics on a loopback /metrics endpoint and stops cleanly', async () => {
    const g = await startTrafficGenerator(memoryStore(loadYamlDir(REFERENCE_ENV_DIR)), { rateMultiplier: 20, tickMs: 50 });
    try {
      expect(g.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      let text = '';
      for (let i = 0; i < 50 && !text.includes('istio_requests_total{'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        text = await (await fetch(g.metricsUrl)).text();
      }
      expect(text).toContain('# TYPE istio_requests_total counter');
      expect(text).toContain('istio_requests_total{reporter=');
      expect((await fetch(g.metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
    } finally {
      await g.stop();
    }
    await expect(fetch(g.metricsUrl)).rejects.toThrow();
  });
});
