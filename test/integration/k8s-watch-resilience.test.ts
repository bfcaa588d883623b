/**
 * Reflector resilience against the demo cluster: a watch that stays silent is re-established, a
 * watch the API server refuses is retried no faster than once a second (and reported as such),
 * and an unauthorised list is reported as unauthorized.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator';
import type { RunningEmulator } from '../../lib/emulator/api';
import { kindInfo, type KindInfo } from '../../lib/gateway-api/kinds';
import type { KObject } from '../../lib/gateway-api/types';
import { loadKubeconfigFile } from '../../lib/k8s/cluster';
import { ClusterInformers } from '../../lib/k8s/informer';

async function eventually<T>(what: string, fn: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const only = (...kinds: string[]) => kinds.map((k) => kindInfo(k) as KindInfo);
const GW = 'gateway.networking.k8s.io';

describe('reflector resilience', () => {
  let emu: RunningEmulator | undefined;
  let inf: ClusterInformers | undefined;
  afterEach(async () => {
    await inf?.stop();
    await emu?.stop();
    inf = emu = undefined;
  });

  it('re-establishes a watch that delivers neither events nor bookmarks, and still sees later changes', async () => {
    // Bookmarks only once a minute: the quiet watch looks stalled after 1.5 s.
    emu = await startEmulator({ port: 0, bookmarkIntervalMs: 60_000, controller: false, log: () => {} } as Parameters<typeof startEmulator>[0]);
    inf = new ClusterInformers({ kc: loadKubeconfigFile(emu.kubeconfigPath), kinds: only('HTTPRoute'), stallMs: 1500 });
    await inf.start();
    const r = inf.reflector('HTTPRoute')!;
    await eventually('a stall', () => r.stats.stalls >= 1);
    const watches = r.stats.watches;
    await eventually('a new watch after the stall', () => r.stats.watches > watches);
    // A stall resumes from the last resourceVersion: no relist needed.
    expect(r.stats.lists).toBe(1);
    emu.store.create({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', metadata: { name: 'after-stall', namespace: 'app1' }, spec: { parentRefs: [{ name: 'x' }] } } as KObject);
    await eventually('the change after the stall', () => inf!.store.get('HTTPRoute', 'app1', 'after-stall'));
  });

  it('retries a refused watch with backoff, never more than once a second, and reports the error', async () => {
    emu = await startEmulator({ port: 0, deny: ['watch:httproutes'], controller: false, log: () => {} });
    inf = new ClusterInformers({ kc: loadKubeconfigFile(emu.kubeconfigPath), kinds: only('HTTPRoute', 'Service'), backoff: { initialMs: 100, maxMs: 400, minIntervalMs: 1000 } });
    const t0 = Date.now();
    await inf.start();
    const r = inf.reflector('HTTPRoute')!;
    await eventually('three failed watches', () => r.stats.errors >= 3);
    const elapsed = Date.now() - t0;
    // Each attempt is a list and a watch, and request starts are at least a second apart.
    const requests = r.stats.lists + r.stats.watches;
    expect(requests).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);
    const st = inf.kindStatuses().find((k) => k.kind === 'HTTPRoute')!;
    expect(st.error).toMatch(/forbidden|cannot watch/i);
    const h = inf.health();
    expect(h.state).toBe('degraded');
    expect(h.error).toMatch(/^HTTPRoute: /);
  });

  it('a cluster that forbids listing everything is unauthorized, not empty', async () => {
    emu = await startEmulator({ port: 0, deny: ['list:*', 'watch:*'], controller: false, log: () => {} });
    inf = new ClusterInformers({ kc: loadKubeconfigFile(emu.kubeconfigPath), kinds: only('HTTPRoute', 'Service'), backoff: { minIntervalMs: 1000 } });
    await inf.start();
    await eventually('unauthorized', () => inf!.health().state === 'unauthorized');
    expect(inf.health().error).toMatch(/forbidden/i);
    expect(inf.notReadyReasons()[0]).toMatch(/^cluster unauthorized/);
  });
});
