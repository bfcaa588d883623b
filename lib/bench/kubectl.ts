/** Times `kubectl get <every watched kind> -A -o json` against a cluster: the baseline for cold start. */
import { spawn } from 'node:child_process';
import { KINDS } from '../gateway-api/kinds';

export const KUBECTL = '/usr/bin/kubectl';

export function kubectlResources(): string {
  return KINDS.map((k) => (k.group ? `${k.plural}.${k.group}` : k.plural)).join(',');
}

/** Wall time (ms) of one `kubectl get … -A -o json`, and the size of what it printed. */
export function timeKubectlGetAll(kubeconfig: string): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, 'get', kubectlResources(), '-A', '-o', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`kubectl exited ${code}: ${err.slice(0, 500)}`));
      else resolve({ ms, bytes });
    });
  });
}
