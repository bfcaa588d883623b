/**
 * lib/k8s against the demo cluster over real HTTP: initial sync, kubectl writes reaching the store,
 * 410 Gone → relist without phantoms, reconnect after the API server restarts, a CRD removed and
 * installed again, Secrets as metadata only, and an unreachable cluster.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator';
import type { RunningEmulator } from '../../lib/emulator/api';
import { KINDS } from '../../lib/gateway-api/kinds';
import type { KObject } from '../../lib/gateway-api/types';
import { loadKubeconfigFile } from '../../lib/k8s/cluster';
import { ClusterInformers } from '../../lib/k8s/informer';
import type { Delta } from '../../lib/k8s/store';
import { Kubectl } from '../helpers/kubectl';

/** kubectl with a private discovery cache; rejects on a non-zero exit. */
const kubectls = new Map<string, Kubectl>();
async function kubectl(kubeconfig: string, ...args: string[]): Promise<{ stdout: string }> {
  let k = kubectls.get(kubeconfig);
  if (!k) kubectls.set(kubeconfig, (k = new Kubectl(kubeconfig)));
  const r = await k.run(args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

async function eventually<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const names = (objs: readonly KObject[]) => objs.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();

/** The informers' store holds exactly what the cluster holds, for every installed kind. */
function sameAsCluster(inf: ClusterInformers, emu: RunningEmulator): boolean {
  for (const st of inf.kindStatuses()) {
    if (!st.installed) continue;
    const info = KINDS.find((k) => k.kind === st.kind)!;
    if (JSON.stringify(names(inf.store.list(st.kind))) !== JSON.stringify(names(emu.store.list(info.group, st.kind)))) return false;
  }
  return true;
}

const ROUTE = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'it-route', namespace: 'app1' },
  spec: { parentRefs: [{ name: 'envoy-http-ports', namespace: 'gateways' }], rules: [{ backendRefs: [{ name: 'httpbin', port: 8000 }] }] },
};

describe('k8s informers against the demo cluster', () => {
  let emu: RunningEmulator;
  let inf: ClusterInformers;
  const deltas: Delta[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gw-k8s-it-'));

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => {} });
    inf = new ClusterInformers({
      kc: loadKubeconfigFile(emu.kubeconfigPath),
      rediscoverMs: 500,
      backoff: { initialMs: 200, maxMs: 2000, minIntervalMs: 1000 },
      // Small pages, so lists of the reference environment span several requests.
      pageSize: 3,
    });
    inf.onDeltas((ds) => deltas.push(...ds));
    await inf.start();
  });

  afterAll(async () => {
    await inf?.stop();
    await emu?.stop();
    for (const k of kubectls.values()) k.cleanup();
  });

  it('syncs every installed kind and holds what the cluster holds', async () => {
    await eventually('readiness', () => inf.notReadyReasons().length === 0);
    expect(inf.health().state).toBe('ok');
    expect(inf.store.list('HTTPRoute').length).toBeGreaterThan(0);
    expect(inf.store.list('Gateway').length).toBe(emu.store.list('gateway.networking.k8s.io', 'Gateway').length);
    await eventually('store equal to cluster', () => sameAsCluster(inf, emu));
    const versions = Object.fromEntries(inf.kindStatuses().map((k) => [k.kind, k.version]));
    expect(versions).toMatchObject({ Gateway: 'v1', HTTPRoute: 'v1', Service: 'v1', Deployment: 'v1' });
  });

  it('reads Secrets as metadata only', async () => {
    const secrets = inf.store.list('Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) {
      expect(s.kind).toBe('Secret');
      expect(Object.keys(s).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    }
    // The cluster does hold data for it: it was not sent.
    const full = emu.store.list('', 'Secret').find((x) => x.metadata.name === secrets[0].metadata.name);
    expect(full && 'data' in full).toBe(true);
  });

  it('kubectl create, patch and delete reach the store', async () => {
    const file = join(dir, 'route.json');
    writeFileSync(file, JSON.stringify(ROUTE));
    await kubectl(emu.kubeconfigPath, 'apply', '-f', file);
    await eventually('route added', () => inf.store.get('HTTPRoute', 'app1', 'it-route'));
    await kubectl(emu.kubeconfigPath, 'patch', 'httproute', 'it-route', '-n', 'app1', '--type=merge', '-p', '{"spec":{"hostnames":["it.example"]}}');
    await eventually('route patched', () => {
      const spec = inf.store.get('HTTPRoute', 'app1', 'it-route')?.spec as { hostnames?: string[] } | undefined;
      return spec?.hostnames?.[0] === 'it.example';
    });
    expect(deltas.some((d) => d.type === 'Updated' && d.key === 'app1/it-route')).toBe(true);
    await kubectl(emu.kubeconfigPath, 'delete', 'httproute', 'it-route', '-n', 'app1');
    await eventually('route deleted', () => !inf.store.get('HTTPRoute', 'app1', 'it-route'));
    expect(deltas.some((d) => d.type === 'Deleted' && d.key === 'app1/it-route')).toBe(true);
  });

  it('a watch resumed from a compacted resourceVersion gets 410 and relists, with no phantom objects', async () => {
    const r = inf.reflector('HTTPRoute')!;
    const before = { ...r.stats };
    const kill = emu.store.list('gateway.networking.k8s.io', 'HTTPRoute')[0];
    // Restart the watch twice: the second restart must wait out the one-request-per-second floor,
    // which leaves the kind without a watch while the cluster changes and compacts its history.
    r.restartWatch();
    await eventually('a new watch request', () => r.stats.watches > before.watches);
    r.restartWatch();
    emu.store.delete({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: kill.metadata.namespace, name: kill.metadata.name });
    emu.store.create({ ...ROUTE, metadata: { name: 'after-compaction', namespace: 'app1' } } as KObject);
    emu.compact();
    await eventually('relist after 410', () => r.stats.gone > before.gone && r.stats.lists > before.lists);
    await eventually('store equal to cluster', () => sameAsCluster(inf, emu));
    expect(inf.store.get('HTTPRoute', kill.metadata.namespace, kill.metadata.name)).toBeUndefined();
    expect(inf.store.get('HTTPRoute', 'app1', 'after-compaction')).toBeDefined();
    expect(deltas.some((d) => d.type === 'Deleted' && d.key === `${kill.metadata.namespace}/${kill.metadata.name}`)).toBe(true);
  });

  it('a CRD removed is reported as not installed, and picked up again when it comes back', async () => {
    const crd = (await kubectl(emu.kubeconfigPath, 'get', 'crd', 'tlsroutes.gateway.networking.k8s.io', '-o', 'json')).stdout;
    const obj = JSON.parse(crd) as KObject;
    const clean = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, labels: obj.metadata.labels, annotations: obj.metadata.annotations }, spec: obj.spec };
    const file = join(dir, 'tlsroutes-crd.json');
    writeFileSync(file, JSON.stringify(clean));
    await kubectl(emu.kubeconfigPath, 'delete', 'crd', 'tlsroutes.gateway.networking.k8s.io');
    await eventually('TLSRoute not installed', () => inf.kindStatuses().find((k) => k.kind === 'TLSRoute')?.installed === false);
    expect(inf.notInstalled()).toContain('TLSRoute: not installed');
    await kubectl(emu.kubeconfigPath, 'create', '-f', file);
    await eventually('TLSRoute installed and synced', () => {
      const st = inf.kindStatuses().find((k) => k.kind === 'TLSRoute');
      return st?.installed && st.synced && st.version;
    });
    const tls = join(dir, 'tlsroute.json');
    writeFileSync(tls, JSON.stringify({ apiVersion: `gateway.networking.k8s.io/${inf.kindStatuses().find((k) => k.kind === 'TLSRoute')!.version}`, kind: 'TLSRoute', metadata: { name: 'late', namespace: 'app1' }, spec: { parentRefs: [{ name: 'x' }], hostnames: ['late.example'], rules: [{ backendRefs: [{ name: 'httpbin', port: 443 }] }] } }));
    await kubectl(emu.kubeconfigPath, 'apply', '-f', tls);
    await eventually('TLSRoute object watched', () => inf.store.get('TLSRoute', 'app1', 'late'));
  });

  it('reconnects after the API server restarts on the same port, and relists to its contents', async () => {
    const port = emu.port;
    await emu.stop();
    await eventually('cluster reported unreachable', () => inf.health().state === 'unreachable', 30_000);
    // A request in flight when the server stops sees a reset; later ones a refused connection.
    expect(inf.health().error).toMatch(/ECONNREFUSED|ECONNRESET|closed|reset|socket/i);
    // The restarted cluster holds only the namespaces and CRDs (no fixtures): everything else must go.
    emu = await startEmulator({ port, fixturesDir: null, kubeconfigPath: join(dir, 'restarted.kubeconfig'), log: () => {} });
    await eventually('health ok again', () => inf.health().state === 'ok' && inf.notReadyReasons().length === 0, 60_000);
    await eventually('store equal to the restarted cluster', () => sameAsCluster(inf, emu), 30_000);
    expect(inf.store.list('HTTPRoute')).toEqual([]);
    expect(inf.store.list('Namespace').length).toBeGreaterThan(0);
  });
});

describe('k8s informers against an unreachable cluster', () => {
  it('reports the cluster unreachable with the error, never as synced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-k8s-unreach-'));
    const emu = await startEmulator({ port: 0, fixturesDir: null, log: () => {} });
    const cfg = readFileSync(emu.kubeconfigPath, 'utf8');
    await emu.stop();
    // The port was just released and nothing listens on it.
    const file = join(dir, 'closed.kubeconfig');
    writeFileSync(file, cfg);
    const inf = new ClusterInformers({ kc: loadKubeconfigFile(file), rediscoverMs: 500 });
    try {
      await inf.start();
      const h = inf.health();
      expect(h.state).toBe('unreachable');
      expect(h.error).toMatch(/ECONNREFUSED/);
      expect(inf.notReadyReasons()[0]).toMatch(/^cluster unreachable: .*ECONNREFUSED/);
      expect(inf.store.list('HTTPRoute')).toEqual([]);
    } finally {
      await inf.stop();
    }
  });
});
