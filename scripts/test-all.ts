/**
 * Runs every Gatewatch test suite in order and prints one closing line `N passed, N failed`
 * (the sum over all suites), which CI reads. Exits non-zero when anything failed or a suite
 * could not run at all.
 *
 *   typecheck → unit (vitest) → build → integration (vitest, real HTTP on loopback) → e2e (Playwright + Chromium)
 *
 * The production build is made once and shared by the integration tests that start the server and by e2e.
 *
 * `--only unit,integration` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTools, fetchPinnedKubectl, kubectlVersion } from './lib/ensure-tools';

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** the suite's command failed without test counts (crash, compile error) */
  broken?: string;
}

const root = process.cwd();
/** One production build for the server integration tests and e2e. */
const DIST_DIR = '.next-ci';
const outDir = join(root, 'test-results');
mkdirSync(outDir, { recursive: true });

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1].split(',')) : null;
})();
const wants = (name: string) => !only || only.has(name);

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function vitest(name: string, config: string | null, env: Record<string, string> = {}, files: string[] = []): SuiteResult {
  const file = join(outDir, `${name}.json`);
  rmSync(file, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
  if (config) args.push('-c', config);
  args.push(...files);
  const code = run('npx', args, env);
  if (!existsSync(file)) return { name, passed: 0, failed: 0, skipped: 0, broken: `vitest exited ${code} without results` };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
    numTotalTests: number;
  };
  // A file that fails to import counts as a failed suite with no tests in it: count it as a failure.
  const failed = j.numFailedTests + (j.numFailedTests === 0 && j.numFailedTestSuites > 0 ? j.numFailedTestSuites : 0);
  const res: SuiteResult = { name, passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests };
  if (code !== 0 && failed === 0) res.broken = `vitest exited ${code}`;
  return res;
}

function playwright(): SuiteResult {
  const file = join(outDir, 'e2e.json');
  rmSync(file, { force: true });
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file, GATEWATCH_DIST_DIR: DIST_DIR });
  if (!existsSync(file)) return { name: 'e2e', passed: 0, failed: 0, skipped: 0, broken: `playwright exited ${code} without results` };
  const j = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: { message?: string }[];
  };
  const res: SuiteResult = {
    name: 'e2e',
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
  };
  if (code !== 0 && res.failed === 0) res.broken = `playwright exited ${code}: ${j.errors?.[0]?.message?.split('\n')[0] ?? ''}`;
  return res;
}

function single(name: string, ok: boolean, why: string): SuiteResult {
  return ok ? { name, passed: 1, failed: 0, skipped: 0 } : { name, passed: 0, failed: 1, skipped: 0, broken: why };
}

const results: SuiteResult[] = [];
try {
  ensureTools();
} catch (e) {
  console.error(`cannot prepare the test machine: ${(e as Error).message}`);
  results.push(single('tools', false, (e as Error).message));
}

if (wants('typecheck')) results.push(single('typecheck', run('npx', ['tsc', '--noEmit', '-p', '.']) === 0, 'tsc reported errors'));
if (wants('unit')) results.push(vitest('unit', null));
let built = false;
if (wants('integration') || wants('e2e')) {
  built = run('npx', ['next', 'build'], { GATEWATCH_DIST_DIR: DIST_DIR }) === 0;
  results.push(single('build', built, 'next build failed'));
}
if (wants('integration')) {
  results.push(vitest('integration', 'vitest.integration.config.ts', built ? { GATEWATCH_TEST_DIST_DIR: DIST_DIR, GATEWATCH_TEST_REUSE_BUILD: '1' } : {}));
}
// The emulator's kubectl checks run a second time with the pinned kubectl v1.35 when the machine's
// kubectl is another version, so both the image's client and the pinned one are held to the API server's semantics.
if (wants('integration')) {
  try {
    const pinned = fetchPinnedKubectl();
    const machine = kubectlVersion(process.env.KUBECTL ?? '/usr/bin/kubectl');
    const version = kubectlVersion(pinned);
    if (!version) results.push(single('kubectl-pinned', false, `the pinned kubectl at ${pinned} does not run`));
    else if (version !== machine) {
      console.log(`\nkubectl checks again with the pinned ${version} (the machine has ${machine ?? 'none'})`);
      results.push(vitest('kubectl-pinned', 'vitest.integration.config.ts', { KUBECTL: pinned }, ['test/integration/emulator-kubectl.test.ts']));
    }
  } catch (e) {
    results.push(single('kubectl-pinned', false, `cannot unpack the pinned kubectl: ${(e as Error).message.split('\n')[0]}`));
  }
}
if (wants('e2e') && built) results.push(playwright());

console.log('\nSuite            passed  failed  skipped');
for (const r of results) {
  console.log(`${r.name.padEnd(16)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}${r.broken ? `  (${r.broken})` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed + (r.broken && r.failed === 0 ? 1 : 0), 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
