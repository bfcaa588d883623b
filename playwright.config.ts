import { defineConfig } from '@playwright/test';

// e2e: Debian's Chromium drives the built dashboard, started on the embedded demo cluster.
// E2E_BASE_URL points at an already running dashboard instead (then nothing is started here).
const port = Number(process.env.E2E_PORT ?? 3210);
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  // One dashboard and one demo cluster are shared; specs that write restore what they change.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `npx tsx scripts/start.ts --demo --port ${port}`,
        url: `http://127.0.0.1:${port}/api/readyz`,
        timeout: 240_000,
        reuseExistingServer: false,
        env: { GATEWATCH_DIST_DIR: process.env.GATEWATCH_DIST_DIR ?? '.next-e2e', GATEWATCH_CLUSTER: 'demo' },
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
