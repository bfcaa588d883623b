/** A throwaway Prometheus (/usr/bin/prometheus) on a loopback port, scraping one target every few seconds. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMETHEUS = '/usr/bin/prometheus';

export interface ScrapeStats {
  up: boolean;
  /** Seconds the last scrape took (Prometheus' own scrape_duration_seconds). */
  durationSeconds: number;
  samples: number;
}

export interface RunningPrometheus {
  url: string;
  /** The last scrape of the target as Prometheus saw it, undefined before the first one. */
  scrapeStats(): Promise<ScrapeStats | undefined>;
  /** Waits for `count` successful scrapes from now (so rate() has points to work with). */
  waitForScrapes(count: number, timeoutMs: number): Promise<ScrapeStats>;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** scrape_interval (default 5 s). */
  scrapeSeconds?: number;
  /** scrape_timeout, at most the interval (default the interval). */
  timeoutSeconds?: number;
  /** body_size_limit in MB (default 0: none; the emulator's exposition is the only target). */
  bodySizeLimitMB?: number;
}

export async function startPrometheus(port: number, metricsUrl: string, opts: PrometheusOptions | number = {}): Promise<RunningPrometheus> {
  const o = typeof opts === 'number' ? { scrapeSeconds: opts } : opts;
  const interval = o.scrapeSeconds ?? 5;
  const timeout = Math.min(interval, o.timeoutSeconds ?? interval);
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-prom-'));
  const target = new URL(metricsUrl);
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      `  scrape_interval: ${interval}s`,
      `  scrape_timeout: ${timeout}s`,
      `  evaluation_interval: ${interval}s`,
      'scrape_configs:',
      '  - job_name: demo',
      `    metrics_path: ${target.pathname}`,
      ...(o.bodySizeLimitMB ? [`    body_size_limit: ${o.bodySizeLimitMB}MB`] : []),
      '    static_configs:',
      `      - targets: ['${target.host}']`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((res) => {
        child.once('exit', () => res());
        child.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Prometheus' own view of the target: the targets API carries the last scrape's duration and health.
  const scrapeStats = async (): Promise<ScrapeStats | undefined> => {
    const body = (await (await fetch(`${url}/api/v1/targets?state=active`)).json()) as {
      data?: { activeTargets?: { health: string; lastScrapeDuration: number; lastScrape: string }[] };
    };
    const t = body.data?.activeTargets?.[0];
    if (!t || t.lastScrape.startsWith('0001-')) return undefined;
    const samples = await fetch(`${url}/api/v1/query?query=${encodeURIComponent('scrape_samples_scraped{job="demo"}')}`)
      .then((r) => r.json() as Promise<{ data?: { result?: { value: [number, string] }[] } }>)
      .then((b) => Number(b.data?.result?.[0]?.value[1] ?? 0));
    return { up: t.health === 'up', durationSeconds: t.lastScrapeDuration, samples };
  };

  const waitForScrapes = async (count: number, timeoutMs: number): Promise<ScrapeStats> => {
    const until = Date.now() + timeoutMs;
    let seen = 0;
    let last = '';
    let stats: ScrapeStats | undefined;
    while (Date.now() < until) {
      const body = (await (await fetch(`${url}/api/v1/targets?state=active`)).json()) as {
        data?: { activeTargets?: { health: string; lastScrape: string; lastError: string }[] };
      };
      const t = body.data?.activeTargets?.[0];
      if (t && t.lastScrape !== last && !t.lastScrape.startsWith('0001-')) {
        last = t.lastScrape;
        if (t.health === 'up') seen++;
        else if (t.lastError) err = t.lastError;
        if (seen >= count) {
          stats = await scrapeStats();
          if (stats) return stats;
        }
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`prometheus scraped the target ${seen} of ${count} times in ${timeoutMs / 1000} s${err ? `: ${err.slice(-200)}` : ''}`);
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, scrapeStats, waitForScrapes, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`prometheus did not become ready: ${err.slice(-500)}`);
}
