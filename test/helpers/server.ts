/**
 * Integration-test helper: builds the production server once (into `.next-test`, rebuilt only
 * when sources are newer than the build) and starts `next start` on a free loopback port with the
 * given environment. Waits for /api/readyz (or /api/healthz) and returns the URL and a stop().
 * GATEWATCH_TEST_DIST_DIR picks another build directory; GATEWATCH_TEST_REUSE_BUILD=1 skips the
 * freshness check.
 *
 *   const srv = await startServer({ env: { GATEWATCH_KUBECONFIG: emu.kubeconfigPath } });
 *   …; await srv.stop();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NEXT = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
export const TEST_DIST_DIR = '.next-test';
/** Sources whose change makes the build stale (test files excluded). */
const SOURCES = ['app', 'components', 'lib', 'instrumentation.ts', 'next.config.js', 'package.json', 'postcss.config.mjs', 'public'];

export interface StartServerOptions {
  /** Extra environment for the server (cluster choice: GATEWATCH_CLUSTER, GATEWATCH_KUBECONFIG, …). */
  env?: Record<string, string | undefined>;
  /** Wait for this endpoint to answer 200: readyz (default) or healthz (for clusters that never sync). */
  waitFor?: 'readyz' | 'healthz';
  timeoutMs?: number;
  distDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** stdout+stderr of the server so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Builds into the test dist dir unless a build newer than every source exists. Serialised across processes. */
export function ensureBuild(distDir = TEST_DIST_DIR): void {
  const stamp = join(distDir, 'BUILD_ID');
  // GATEWATCH_TEST_REUSE_BUILD=1: use an existing build as is (e.g. while the tree does not build).
  if (process.env.GATEWATCH_TEST_REUSE_BUILD === '1' && existsSync(join(ROOT, stamp))) return;
  const script = [
    `if [ -f ${stamp} ] && [ -z "$(find ${SOURCES.join(' ')} -newer ${stamp} -type f ! -name '*.test.ts' ! -name '*.test.tsx' 2>/dev/null | head -1)" ]; then exit 0; fi`,
    `exec "${process.execPath}" "${NEXT}" build`,
  ].join('\n');
  const r = spawnSync('flock', [join('/tmp', `gatewatch-build-${distDir.replace(/[^\w.-]/g, '_')}.lock`), 'sh', '-c', script], {
    cwd: ROOT,
    env: { ...process.env, GATEWATCH_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`next build failed (${r.status}):\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(t);
      res();
    });
    try {
      // The whole process group: next start may fork workers.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(t);
      res();
    }
  });
}

export async function startServer(o: StartServerOptions = {}): Promise<RunningServer> {
  const distDir = o.distDir ?? process.env.GATEWATCH_TEST_DIST_DIR ?? TEST_DIST_DIR;
  ensureBuild(distDir);
  const port = await freePort();
  // A clean cluster environment: only what the test asks for (no developer kubeconfig leaking in).
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWATCH_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', HOME: process.env.HOME };
  for (const k of ['KUBECONFIG', 'GATEWATCH_CLUSTER', 'GATEWATCH_KUBECONFIG', 'GATEWATCH_CONTEXT']) delete env[k];
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, [NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  const path = `/api/${o.waitFor ?? 'readyz'}`;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(url + path);
      last = `${r.status} ${await r.text()}`;
      if (r.status === 200) return { url, port, output: () => out, stop };
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server not ready at ${url}${path} (last answer: ${last}):\n${out}`);
}
