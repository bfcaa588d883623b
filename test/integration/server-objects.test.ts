/**
 * The details panel's object read (lib/server/object-read.ts) on the demo cluster: Deployments,
 * Services and Namespaces are stored slimmed, so their full object comes from the API server;
 * other kinds come from the store whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator';
import type { RunningEmulator } from '../../lib/emulator/api';
import { chooseCluster } from '../../lib/k8s/cluster';
import type { ServerCore } from '../../lib/server/core-api';
import { createCore } from '../../lib/server/live-core';
import { readObject } from '../../lib/server/object-read';

describe('object reads for the details panel', () => {
  let emu: RunningEmulator;
  let core: ServerCore;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => {} });
    core = await createCore({ choice: chooseCluster({ KUBECONFIG: emu.kubeconfigPath }), log: () => {} });
    const end = Date.now() + 20_000;
    while (!core.readiness().ready) {
      if (Date.now() > end) throw new Error('core not ready');
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    await core?.stop();
    await emu?.stop();
  });

  it('stores a Deployment slimmed but shows it whole, read from the cluster', async () => {
    const stored = core.snapshot.get('Deployment', 'app2', 'a') as { spec: { template: { spec?: unknown } }; status?: { conditions?: unknown } };
    expect(stored.spec.template.spec).toBeUndefined();
    expect(stored.status?.conditions).toBeUndefined();
    const r = await readObject(['apps', 'v1', 'Deployment', 'app2', 'a'], core);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const full = r.object as { kind: string; apiVersion: string; spec: { template: { spec: { containers: unknown[] } } }; status: { conditions: unknown[] }; metadata: { managedFields?: unknown } };
    expect(full.kind).toBe('Deployment');
    expect(full.apiVersion).toBe('apps/v1');
    expect(full.spec.template.spec.containers.length).toBeGreaterThan(0);
    expect(full.status.conditions.length).toBeGreaterThan(0);
    expect(full.metadata.managedFields).toBeUndefined();
  });

  it('reads Services and Namespaces from the cluster, routes from the store', async () => {
    const svc = await readObject(['core', 'v1', 'Service', 'app2', 'b'], core);
    expect(svc.ok && (svc.object.spec as { sessionAffinity?: string }).sessionAffinity).toBe('None');
    const ns = await readObject(['core', 'v1', 'Namespace', 'app2'], core);
    expect(ns.ok && (ns.object.spec as { finalizers?: string[] }).finalizers).toEqual(['kubernetes']);
    const route = await readObject(['gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'app2', 'b-split'], core);
    expect(route.ok && route.object).toBe(core.snapshot.get('HTTPRoute', 'app2', 'b-split'));
  });

  it('answers 404 for an object that is gone from the cluster', async () => {
    const r = await readObject(['apps', 'v1', 'Deployment', 'app2', 'nope'], core);
    expect(r).toMatchObject({ ok: false, status: 404 });
  });
});
