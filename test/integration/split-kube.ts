/** Helpers for the split integration tests: kubectl against the demo cluster and route snapshots. */
import { execFile } from 'node:child_process';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (the demo cluster may live in this same process: never block its event loop). */
export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout: stdout ?? '', stderr: stderr ?? '' });
    });
  });
}

export function kubectl(kubeconfig: string, args: string[]): Promise<Run> {
  return run('/usr/bin/kubectl', args, { KUBECONFIG: kubeconfig });
}

/** The route as kubectl prints it with -o json (the exact bytes, for byte-for-byte comparisons). */
export async function routeJson(kubeconfig: string, name = 'b-split', namespace = 'app2', kind = 'httproute'): Promise<string> {
  const r = await kubectl(kubeconfig, ['get', kind, name, '-n', namespace, '-o', 'json']);
  if (r.code !== 0) throw new Error(`kubectl get ${kind} ${name}: ${r.stderr}`);
  return r.stdout;
}

export function weightsOf(json: string, rule = 0): (number | undefined)[] {
  const o = JSON.parse(json) as { spec: { rules: { backendRefs: { weight?: number }[] }[] } };
  return o.spec.rules[rule].backendRefs.map((b) => b.weight);
}

/** The object without what a weight change may legitimately touch (weights, rv, generation, managedFields, status). */
export function withoutWeights(json: string): unknown {
  const o = JSON.parse(json) as {
    metadata: Record<string, unknown>;
    spec: { rules: { backendRefs?: { weight?: number }[] }[] };
    status?: unknown;
  };
  delete o.metadata.resourceVersion;
  delete o.metadata.generation;
  delete o.metadata.managedFields;
  delete o.status;
  for (const r of o.spec.rules) for (const b of r.backendRefs ?? []) delete b.weight;
  return o;
}
