/**
 * The demo cluster on its own: `npm run demo-cluster -- [--port N] [--fixtures DIR] [--kubeconfig PATH]
 * [--no-controller] [--traffic]`. Environment: GATEWATCH_DEMO_PORT, GATEWATCH_DEMO_DIR, GATEWATCH_DEMO_KUBECONFIG.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from '../lib/emulator/index';

const USAGE = `usage: npm run demo-cluster -- [--port N] [--fixtures DIR] [--kubeconfig PATH] [--no-controller] [--traffic]
  --port N           listen on 127.0.0.1:N (default: GATEWATCH_DEMO_PORT, else a free port)
  --fixtures DIR     load every *.yaml/*.yml in DIR (default: GATEWATCH_DEMO_DIR, else fixtures/reference-env)
  --kubeconfig PATH  where to write the kubeconfig (default: GATEWATCH_DEMO_KUBECONFIG, else under the temp directory)
  --no-controller    do not run the demo controller (no status is written)
  --traffic          run the demo traffic generator (serves Prometheus metrics)`;

function fail(message: string): never {
  console.error(`demo-cluster: ${message}\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      fixtures: { type: 'string' },
      kubeconfig: { type: 'string' },
      'no-controller': { type: 'boolean' },
      traffic: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = (values.port as string | undefined) ?? process.env.GATEWATCH_DEMO_PORT;
const port = portText === undefined || portText === '' ? 0 : Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port: ${portText}`);

const emulator = await startEmulator({
  port,
  fixturesDir: (values.fixtures as string | undefined) ?? process.env.GATEWATCH_DEMO_DIR ?? undefined,
  kubeconfigPath: (values.kubeconfig as string | undefined) ?? process.env.GATEWATCH_DEMO_KUBECONFIG ?? undefined,
  controller: !values['no-controller'],
  traffic: Boolean(values.traffic),
}).catch((err: unknown) => {
  console.error(`demo-cluster: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

for (const e of emulator.loadErrors) console.error(`load error: ${e.file} (document ${e.document}): ${e.message}`);
console.log(`Gatewatch demo cluster listening on ${emulator.url}`);
console.log(`kubeconfig: ${emulator.kubeconfigPath}`);
if (emulator.traffic) console.log(`traffic metrics: ${emulator.traffic.metricsUrl}`);
console.log(`try: kubectl --kubeconfig ${emulator.kubeconfigPath} get httproutes -A`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`demo-cluster: ${signal}, stopping`);
  emulator.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
