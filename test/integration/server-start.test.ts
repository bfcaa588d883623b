/**
 * `npm start` (scripts/start.ts): bad flags exit 2 with a message; `--demo --port N` serves the
 * built dashboard on the embedded demo cluster and says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuild, freePort, TEST_DIST_DIR } from '../helpers/server';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

describe('npm start', () => {
  it('rejects bad flags with exit code 2 and a clear message', () => {
    for (const args of [['--bogus'], ['--port', 'abc'], ['--port', '70000'], ['--demo', '--context', 'x']]) {
      const r = spawnSync(TSX, ['scripts/start.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/gatewatch: .+\nusage: npm start/);
    }
  });

  it('serves the demo cluster on the given port and names it', async () => {
    const distDir = process.env.GATEWATCH_TEST_DIST_DIR ?? TEST_DIST_DIR;
    ensureBuild(distDir);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, GATEWATCH_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
    for (const k of ['KUBECONFIG', 'GATEWATCH_KUBECONFIG', 'GATEWATCH_CONTEXT', 'GATEWATCH_CLUSTER', 'PORT']) delete env[k];
    const child = spawn(TSX, ['scripts/start.ts', '--demo', '--port', String(port)], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const end = Date.now() + 120_000;
      let ready = false;
      while (!ready && Date.now() < end && child.exitCode === null) {
        ready = await fetch(`http://127.0.0.1:${port}/api/readyz`).then((r) => r.status === 200, () => false);
        if (!ready) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ready, out).toBe(true);
      expect(out).toContain(`Gatewatch: http://localhost:${port}`);
      expect(out).toContain('Cluster:   Demo cluster (emulated)');
      const c = (await (await fetch(`http://127.0.0.1:${port}/api/cluster`)).json()) as { cluster: { mode: string } };
      expect(c.cluster.mode).toBe('demo');
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    }
  });
});
