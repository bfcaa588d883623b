/**
 * Starts Debian's real Prometheus (/usr/bin/prometheus) for a test: a generated config scraping the
 * given targets every second, a fresh TSDB in a temp dir, a free loopback port. `stop()` ends the
 * process and removes the temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS_BIN = process.env.GATEWATCH_PROMETHEUS_BIN ?? '/usr/bin/prometheus';

export interface RunningPrometheus {
  url: string;
  port: number;
  /** Waits until Prometheus has scraped every target at least once. */
  waitForTargetsUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `targets`: metrics URLs such as http://127.0.0.1:41234/metrics. */
export async function startPrometheus(targets: string[], opts: { scrapeIntervalSeconds?: number } = {}): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-prometheus-'));
  const interval = `${opts.scrapeIntervalSeconds ?? 1}s`;
  const jobs = targets.map((t, i) => {
    const u = new URL(t);
    return [
      `  - job_name: target-${i}`,
      `    scrape_interval: ${interval}`,
      `    scrape_timeout: ${interval}`,
      `    metrics_path: ${u.pathname}`,
      `    static_configs:`,
      `      - targets: ['${u.host}']`,
    ].join('\n');
  });
  const config = `global:\n  scrape_interval: ${interval}\n  evaluation_interval: ${interval}\nscrape_configs:\n${jobs.join('\n')}\n`;
  writeFileSync(join(dir, 'prometheus.yml'), config);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`prometheus exited before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready after 30 s:\n${output}`);
    }
    await sleep(200);
  }

  return {
    url,
    port,
    async waitForTargetsUp(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const res = await fetch(`${url}/api/v1/query?query=up`).then((r) => r.json() as Promise<{ data?: { result?: { value: [number, string] }[] } }>);
        const up = res.data?.result ?? [];
        if (up.length >= targets.length && up.every((r) => r.value[1] === '1')) return;
        if (Date.now() > until) throw new Error(`prometheus targets not up after ${timeoutMs} ms: ${JSON.stringify(up)}`);
        await sleep(500);
      }
    },
    stop,
  };
}
