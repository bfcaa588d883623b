/**
 * Runs the real kubectl (/usr/bin/kubectl, or $KUBECTL) against a kubeconfig, with a discovery cache
 * directory private to this test run so runs never see each other's cached discovery.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const KUBECTL = process.env.KUBECTL || '/usr/bin/kubectl';

export class Kubectl {
  readonly cacheDir = mkdtempSync(join(tmpdir(), 'gatewatch-kubectl-cache-'));
  constructor(readonly kubeconfig: string) {}

  private argv(args: string[]): string[] {
    return ['--kubeconfig', this.kubeconfig, '--cache-dir', this.cacheDir, ...args];
  }

  /** Runs kubectl to completion; `input` is written to its stdin (for `apply -f -`). */
  run(args: string[], input?: string): Promise<KubectlResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(KUBECTL, this.argv(args), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, HOME: this.cacheDir } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(input ?? '');
    });
  }

  /** Starts a long-running kubectl (e.g. `get -w`); the caller stops it with `child.kill()`. */
  start(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number> } {
    const child = spawn(KUBECTL, this.argv(args), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: this.cacheDir } });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    return { child, output: () => out, exited };
  }

  cleanup(): void {
    rmSync(this.cacheDir, { recursive: true, force: true });
  }
}

/** Polls `check` until it returns true (no timing assertion: the test's own timeout bounds it). */
export async function eventually(check: () => boolean | Promise<boolean>, intervalMs = 50): Promise<void> {
  for (;;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
