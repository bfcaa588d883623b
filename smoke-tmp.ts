import { startEmulator } from './lib/emulator/index';
const t0 = Date.now();
const emu = await startEmulator({ port: 18101, kubeconfigPath: '/tmp/gw-demo.kubeconfig' });
console.log('started in', Date.now() - t0, 'ms', emu.url, emu.loadErrors);
console.log(emu.store.list('gateway.networking.k8s.io', 'HTTPRoute').map(o => o.metadata.namespace + '/' + o.metadata.name));
setTimeout(() => {}, 1e9);
process.on('SIGTERM', () => emu.stop().then(() => process.exit(0)));
