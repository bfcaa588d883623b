/**
 * `npm start`: serves Gatewatch. Builds first when there is no build, then runs `next start`
 * with the cluster choice passed through the environment (read by lib/k8s/cluster.ts).
 *
 *   npm start -- [--port N] [--kubeconfig FILE] [--context NAME] [--demo]
 *
 * PORT sets the port (default 3000); the server binds 127.0.0.1 unless HOSTNAME (or
 * GATEWATCH_HOST) names another address. GATEWATCH_DIST_DIR picks the build directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseCluster, DEMO_LABEL } from '../lib/k8s/cluster';

const USAGE = 'usage: npm start -- [--port N] [--kubeconfig FILE] [--context NAME] [--demo]';

function fail(message: string): never {
  console.error(`gatewatch: ${message}\n${USAGE}`);
  process.exit(2);
}

let flags: { port?: string; kubeconfig?: string; context?: string; demo?: boolean; help?: boolean };
try {
  flags = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = flags.port ?? process.env.PORT ?? '3000';
if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) fail(`invalid port "${portText}" (1–65535)`);
if (flags.demo && (flags.kubeconfig || flags.context)) fail('--demo cannot be combined with --kubeconfig or --context');
if (flags.kubeconfig === '' || flags.context === '') fail('--kubeconfig and --context need a value');

// HOSTNAME is often the machine's name (containers export it): only an address or "localhost" counts.
const hostEnv = process.env.GATEWATCH_HOST || process.env.HOSTNAME;
const host = hostEnv && (isIP(hostEnv) || hostEnv === 'localhost') ? hostEnv : '127.0.0.1';

const env: NodeJS.ProcessEnv = { ...process.env };
if (flags.demo) env.GATEWATCH_CLUSTER = 'demo';
if (flags.kubeconfig) {
  env.GATEWATCH_KUBECONFIG = resolve(flags.kubeconfig);
  if (env.GATEWATCH_CLUSTER === 'demo') delete env.GATEWATCH_CLUSTER;
}
if (flags.context) env.GATEWATCH_CONTEXT = flags.context;

const choice = chooseCluster(env);
const which =
  choice.mode === 'demo'
    ? DEMO_LABEL
    : choice.mode === 'error'
      ? `${choice.info.label} — cluster configuration error: ${choice.error}`
      : `${choice.info.label} (${choice.info.server})`;
if (choice.mode === 'error') console.error(`gatewatch: ${choice.error}`);

const root = resolve(import.meta.dirname, '..');
const next = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const distDir = env.GATEWATCH_DIST_DIR || '.next';
if (!existsSync(join(root, distDir, 'BUILD_ID'))) {
  console.log(`gatewatch: no build in ${distDir}, building first…`);
  const b = spawnSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('gatewatch: build failed');
    process.exit(b.status ?? 1);
  }
}

const child = spawn(process.execPath, [next, 'start', '-p', portText, '-H', host], { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
const shownHost = host.includes(':') ? `[${host}]` : host === '127.0.0.1' ? 'localhost' : host;
let announced = false;
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready in|started server/i.test(chunk.toString())) {
    announced = true;
    console.log(`\nGatewatch: http://${shownHost}:${portText}\nCluster:   ${which}\n`);
  }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
