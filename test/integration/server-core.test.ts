/**
 * The server core (informers → store → incremental model + analyzer → revisions) on the demo
 * cluster, reached through its kubeconfig over HTTP: the reference environment's model, one event
 * per coalesced change with changed/removed ids, and the process-wide instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator';
import type { RunningEmulator } from '../../lib/emulator/api';
import type { KObject } from '../../lib/gateway-api/types';
import { chooseCluster } from '../../lib/k8s/cluster';
import type { ServerCore } from '../../lib/server/core-api';
import { createCore } from '../../lib/server/live-core';
import type { TopologyEvent, WireEdge } from '../../lib/wire/types';

async function eventually<T>(what: string, fn: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const GW = 'gateway.networking.k8s.io';

describe('server core on the demo cluster', () => {
  let emu: RunningEmulator;
  let core: ServerCore;
  const events: TopologyEvent[] = [];

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => {} });
    const choice = chooseCluster({ KUBECONFIG: emu.kubeconfigPath });
    expect(choice.mode).toBe('kubeconfig');
    core = await createCore({ choice, log: () => {} });
    core.subscribe((ev) => events.push(ev));
    await eventually('ready', () => core.readiness().ready);
  });
  afterAll(async () => {
    await core?.stop();
    await emu?.stop();
  });

  it('models the reference environment: the 2:3 split of b as shares 0.4/0.6', async () => {
    await eventually('b-split backends', () => core.topology().edges.some((e) => e.source === 'HTTPRoute:app2/b-split'));
    const t = core.topology();
    expect(t.cluster).toMatchObject({ mode: 'kubeconfig', context: 'gatewatch-demo', server: emu.url });
    expect(t.health.state).toBe('ok');
    const backends = t.edges.filter((e: WireEdge) => e.kind === 'backend' && e.source === 'HTTPRoute:app2/b-split');
    expect(backends.map((e) => [e.target, e.weight, e.share])).toEqual([
      ['Service:app2/b-v1', 2, 0.4],
      ['Service:app2/b-v2', 3, 0.6],
    ]);
    // Cached per revision.
    expect(core.topology()).toBe(core.topology());
  });

  it('the analyzer runs on the live snapshot and decorates nodes', () => {
    const f = core.findings();
    expect(f.some((x) => x.name === 'app1-typo' || x.related?.some((r) => r.includes('httbin')))).toBe(true);
    const typo = core.topology().nodes.find((n) => n.id === 'HTTPRoute:app1/app1-typo');
    expect(typo?.problems?.errors ?? 0).toBeGreaterThan(0);
  });

  it('a change is one new revision naming what changed, a delete names what was removed', async () => {
    const rev = core.revision();
    const n = events.length;
    const route = emu.store.get({ group: GW, kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' })!;
    const spec = structuredClone(route.spec) as { rules: { backendRefs: { weight?: number }[] }[] };
    spec.rules[0].backendRefs[0].weight = 1;
    spec.rules[0].backendRefs[1].weight = 0;
    emu.store.update({ ...route, spec } as KObject);
    const ev = await eventually('event for b-split', () => events.slice(n).find((e) => e.changed.includes('backend|HTTPRoute:app2/b-split|r0|b0')));
    expect(ev.revision).toBeGreaterThan(rev);
    expect(core.revision()).toBeGreaterThanOrEqual(ev.revision);
    const b0 = core.topology().edges.find((e) => e.id === 'backend|HTTPRoute:app2/b-split|r0|b0');
    expect(b0).toMatchObject({ weight: 1, share: 1 });
    // Replay from the ring gives the same events.
    const replay = core.replay(rev);
    expect(replay.kind).toBe('events');
    if (replay.kind === 'events') expect(replay.events.map((e) => e.revision)).toContain(ev.revision);

    const m = events.length;
    emu.store.delete({ group: GW, kind: 'HTTPRoute', namespace: 'app1', name: 'app1-typo' });
    const del = await eventually('removal event', () => events.slice(m).find((e) => e.removed.includes('HTTPRoute:app1/app1-typo')));
    expect(del.removed).toEqual(expect.arrayContaining(['HTTPRoute:app1/app1-typo']));
    expect(core.topology().nodes.some((x) => x.id === 'HTTPRoute:app1/app1-typo')).toBe(false);
    expect(core.snapshot.get('HTTPRoute', 'app1', 'app1-typo')).toBeUndefined();
  });

  it('a burst of changes is coalesced into fewer revisions than changes', async () => {
    const n = events.length;
    for (let i = 0; i < 20; i++) {
      emu.store.create({ apiVersion: `${GW}/v1`, kind: 'HTTPRoute', metadata: { name: `burst-${i}`, namespace: 'app1' }, spec: { parentRefs: [{ name: 'envoy-http-ports', namespace: 'gateways' }] } } as KObject);
    }
    await eventually('all burst routes modelled', () => core.topology().nodes.filter((x) => x.name.startsWith('burst-')).length === 20);
    expect(events.length - n).toBeLessThan(20);
  });
});

describe('server core cold start', () => {
  it('answers ready only once the model and findings are built from the complete initial lists', async () => {
    const emu = await startEmulator({ port: 0, log: () => {} });
    const core = await createCore({ choice: chooseCluster({ KUBECONFIG: emu.kubeconfigPath }), log: () => {} });
    try {
      const reasons = new Set<string>();
      await eventually('ready', () => {
        const r = core.readiness();
        for (const x of r.reasons) reasons.add(x);
        return r.ready;
      });
      // No waiting after ready: every route of the store is drawn and analyzed at that moment.
      const t = core.topology();
      const store = (core as unknown as { snapshot: { list(k: string): readonly KObject[] } }).snapshot;
      const routes = store.list('HTTPRoute');
      expect(routes.length).toBeGreaterThan(0);
      for (const r of routes) expect(t.nodes.some((n) => n.id === `HTTPRoute:${r.metadata.namespace}/${r.metadata.name}`)).toBe(true);
      expect(t.edges.some((e) => e.source === 'HTTPRoute:app2/b-split')).toBe(true);
      expect(core.findings().length).toBeGreaterThan(0);
      expect(t.nodes.some((n) => n.problems)).toBe(true);
      // The store holds objects without managedFields.
      for (const r of routes) expect(r.metadata.managedFields).toBeUndefined();
    } finally {
      await core.stop();
      await emu.stop();
    }
  });
});
