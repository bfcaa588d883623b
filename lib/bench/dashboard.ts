/**
 * Starts the built dashboard (`next start`) as its own process group on a loopback port, watching
 * a given kubeconfig, and times how long it takes to be ready and to serve the full model.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { groupRssBytes } from './processes';

export interface Dashboard {
  url: string;
  pid: number;
  /** performance.now() at spawn */
  startedAt: number;
  /** ms from spawn to /api/readyz 200 */
  readyMs: number;
  output(): string;
  rssBytes(): number;
  stop(): Promise<void>;
}

export interface DashboardOptions {
  root: string;
  distDir: string;
  port: number;
  kubeconfig: string;
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof to see where a slow start goes). */
  nodeArgs?: string[];
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      res();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      res();
    }
  });
}

export async function startDashboard(o: DashboardOptions): Promise<Dashboard> {
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWATCH_DIST_DIR: o.distDir, NEXT_TELEMETRY_DISABLED: '1', GATEWATCH_KUBECONFIG: o.kubeconfig, ...o.env };
  for (const k of ['KUBECONFIG', 'GATEWATCH_CLUSTER', 'GATEWATCH_CONTEXT']) delete env[k];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), join(o.root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(o.port), '-H', '127.0.0.1'], {
    cwd: o.root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 180_000);
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dashboard exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/api/readyz`);
      last = `${r.status} ${(await r.text()).slice(0, 300)}`;
      if (r.status === 200) {
        return {
          url,
          pid: child.pid!,
          startedAt: t0,
          readyMs: performance.now() - t0,
          output: () => out,
          rssBytes: () => groupRssBytes(child.pid!),
          stop: () => stopGroup(child),
        };
      }
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stopGroup(child);
  throw new Error(`dashboard not ready at ${url} (last: ${last}):\n${out}`);
}

/** Fetches the full topology; returns its size and counts (and the time it took). */
export async function fetchTopology(url: string): Promise<{ ms: number; bytes: number; nodes: number; edges: number; routes: number }> {
  const t0 = performance.now();
  const r = await fetch(`${url}/api/topology`);
  const text = await r.text();
  const ms = performance.now() - t0;
  if (r.status !== 200) throw new Error(`/api/topology answered ${r.status}: ${text.slice(0, 300)}`);
  const t = JSON.parse(text) as { nodes: { kind: string }[]; edges: unknown[] };
  return { ms, bytes: text.length, nodes: t.nodes.length, edges: t.edges.length, routes: t.nodes.filter((n) => n.kind === 'HTTPRoute').length };
}

/**
 * Fetches /api/topology until it holds `expectedNodes` nodes (readyz can answer 200 a moment before
 * the model has taken in everything the informers listed). Returns the last answer and when it completed.
 */
export async function fetchFullTopology(
  url: string,
  expectedNodes: number,
  timeoutMs = 300_000,
): Promise<{ at: number; polls: number; last: Awaited<ReturnType<typeof fetchTopology>> }> {
  const deadline = performance.now() + timeoutMs;
  let polls = 0;
  for (;;) {
    const last = await fetchTopology(url);
    polls++;
    const at = performance.now();
    if (last.nodes >= expectedNodes || at > deadline) return { at, polls, last };
    await new Promise((r) => setTimeout(r, 50));
  }
}
