import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Integration tests: real HTTP on loopback against the demo cluster, kubectl, Prometheus, the built server.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Suites start their own servers on free ports; run files one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
