/**
 * lib/split against the demo cluster over HTTP with client-node: the patch changes only the weights,
 * a concurrent kubectl change is never overwritten, Events are recorded and shown by kubectl describe,
 * and forbidden writes fail clearly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { startEmulator, type RunningEmulator } from '@/lib/emulator';
import { applyWeights } from '@/lib/split/apply';
import { checkAccess, listHistory } from '@/lib/split/access';
import { SplitError } from '@/lib/split/errors';
import { patchRoute, readRoute, apiFailure } from '@/lib/split/kube';
import { buildWeightPatch } from '@/lib/split/patch';
import { parseApplyRequest } from '@/lib/split/validate';
import { kubectl, routeJson, weightsOf, withoutWeights } from './split-kube';

const handle = { kind: 'HTTPRoute' as const, namespace: 'app2', name: 'b-split' };

function request(rv: string, weights: number[], extra: Record<string, unknown> = {}) {
  return parseApplyRequest({
    ...handle,
    ruleIndex: 0,
    expectedResourceVersion: rv,
    weights: weights.map((weight, index) => ({ index, name: ['b-v1', 'b-v2'][index], weight })),
    ...extra,
  });
}

async function started(deny?: string[]) {
  const emu = await startEmulator({ port: 0, deny, log: () => undefined });
  const kc = new KubeConfig();
  kc.loadFromFile(emu.kubeconfigPath);
  return { emu, kc };
}

async function rvOf(kc: KubeConfig): Promise<string> {
  return (await readRoute(kc, handle)).route.metadata.resourceVersion!;
}

async function failure(p: Promise<unknown>): Promise<SplitError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SplitError) return e;
    throw e;
  }
  throw new Error('expected the apply to fail');
}

describe('split apply on the demo cluster', () => {
  let emu: RunningEmulator;
  let kc: KubeConfig;
  const logs: string[] = [];
  beforeAll(async () => ({ emu, kc } = await started()));
  afterAll(async () => emu?.stop());

  it('changes only the weights and records a WeightsChanged Event', async () => {
    const before = (await routeJson(emu.kubeconfigPath));
    expect(weightsOf(before)).toEqual([2, 3]);
    const res = await applyWeights(request(JSON.parse(before).metadata.resourceVersion, [0, 1]), { kubeConfig: kc, user: 'tester', log: (l) => logs.push(l) });
    expect(res).toMatchObject({ changed: true, from: [2, 3], to: [0, 1], history: { recorded: true } });
    const after = (await routeJson(emu.kubeconfigPath));
    expect(weightsOf(after)).toEqual([0, 1]);
    expect(withoutWeights(after)).toEqual(withoutWeights(before));
    expect(JSON.parse(after).metadata.generation).toBe(JSON.parse(before).metadata.generation + 1);
    expect(res.generation).toBe(JSON.parse(after).metadata.generation);

    const line = JSON.parse(logs.at(-1)!);
    expect(line).toMatchObject({ msg: 'split.apply', route: 'HTTPRoute app2/b-split', rule: 0, from: [2, 3], to: [0, 1], result: 'applied' });

    const describeOut = await kubectl(emu.kubeconfigPath, ['describe', 'httproute', 'b-split', '-n', 'app2']);
    expect(describeOut.code).toBe(0);
    expect(describeOut.stdout).toMatch(/WeightsChanged\s+\S+\s+gatewatch\s+rule 0: b-v1 2→0, b-v2 3→1 \(by tester\)/);

    const history = await listHistory(kc, handle, 0);
    expect(history[0]).toMatchObject({ user: 'tester', from: [2, 3], to: [0, 1], backends: ['b-v1', 'b-v2'] });
  });

  it('reverting is another apply with the old weights, newest first in history', async () => {
    const res = await applyWeights(request(await rvOf(kc), [2, 3]), { kubeConfig: kc, log: () => undefined });
    expect(res.to).toEqual([2, 3]);
    expect(weightsOf((await routeJson(emu.kubeconfigPath)))).toEqual([2, 3]);
    const history = await listHistory(kc, handle);
    expect(history.map((h) => h.to)).toEqual([[2, 3], [0, 1]]);
    expect(history[0].user).toBe('gatewatch');
  });

  it('a status-only change since opening (same generation) is not a conflict', async () => {
    const { route } = await readRoute(kc, handle);
    const res = await applyWeights(request('0', [1, 1], { expectedGeneration: route.metadata.generation }), { kubeConfig: kc, log: () => undefined });
    expect(res.to).toEqual([1, 1]);
    // The demo controller writes status right after the patch: the generation says the spec is still ours.
    const back = await applyWeights(request(res.resourceVersion!, [2, 3], { expectedGeneration: res.generation }), { kubeConfig: kc, log: () => undefined });
    expect(back.to).toEqual([2, 3]);
  });

  it('does not write when nothing changes', async () => {
    const before = (await routeJson(emu.kubeconfigPath));
    const res = await applyWeights(request(JSON.parse(before).metadata.resourceVersion, [2, 3]), { kubeConfig: kc, log: () => undefined });
    expect(res.changed).toBe(false);
    expect((await routeJson(emu.kubeconfigPath))).toBe(before);
  });

  it('a concurrent kubectl change is a conflict with the new values, never overwritten', async () => {
    const opened = await rvOf(kc);
    const k = await kubectl(emu.kubeconfigPath, [
      'patch', 'httproute', 'b-split', '-n', 'app2', '--type=json',
      '-p', '[{"op":"replace","path":"/spec/rules/0/backendRefs/0/weight","value":7}]',
    ]);
    expect(k.code, k.stderr).toBe(0);
    const mid = (await routeJson(emu.kubeconfigPath));
    const e = await failure(applyWeights(request(opened, [0, 1]), { kubeConfig: kc, log: () => undefined }));
    expect(e.code).toBe('conflict');
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/HTTPRoute app2\/b-split was changed by someone else since you opened it/);
    expect(e.message).toContain('b-v1 7, b-v2 3');
    expect(e.details).toMatchObject({ current: { backendRefs: [{ name: 'b-v1', weight: 7 }, { name: 'b-v2', weight: 3 }] } });
    expect((await routeJson(emu.kubeconfigPath))).toBe(mid);
  });

  it('the API server itself refuses the patch when its tests fail (stale resourceVersion)', async () => {
    const { route } = await readRoute(kc, handle);
    const stale = { ...route, metadata: { ...route.metadata, resourceVersion: '1' } };
    const before = (await routeJson(emu.kubeconfigPath));
    const err = await patchRoute(kc, { ...handle, version: 'v1' }, buildWeightPatch(stale, 0, [1, 1])).then(
      () => undefined,
      (e: unknown) => apiFailure(e),
    );
    expect(err?.code === 409 || err?.code === 422).toBe(true);
    expect((await routeJson(emu.kubeconfigPath))).toBe(before);
  });

  it.each([
    ['a wrong rule index', { ruleIndex: 3 }, 'bad_request', /has 1 rule; rule index 3 does not exist/],
    ['all-zero without confirmation', { weights: [{ index: 0, name: 'b-v1', weight: 0 }, { index: 1, name: 'b-v2', weight: 0 }] }, 'confirm_all_zero', /would be 0/],
    ['a wrong backend name', { weights: [{ index: 0, name: 'b-v9', weight: 1 }, { index: 1, name: 'b-v2', weight: 1 }] }, 'bad_request', /is "b-v1", not "b-v9"/],
    ['too few weights', { weights: [{ index: 0, name: 'b-v1', weight: 1 }] }, 'bad_request', /has 2 backendRefs/],
  ])('refuses %s and changes nothing', async (_, extra, code, text) => {
    const before = (await routeJson(emu.kubeconfigPath));
    const req = parseApplyRequest({ ...request(JSON.parse(before).metadata.resourceVersion, [1, 1]), ...extra });
    const e = await failure(applyWeights(req, { kubeConfig: kc, log: () => undefined }));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(text);
    expect((await routeJson(emu.kubeconfigPath))).toBe(before);
  });

  it('an unknown route is a clear 404', async () => {
    const req = parseApplyRequest({ ...request('1', [1, 1]), name: 'nope' });
    const e = await failure(applyWeights(req, { kubeConfig: kc, log: () => undefined }));
    expect(e.status).toBe(404);
    expect(e.message).toMatch(/HTTPRoute app2\/nope does not exist/);
  });

  it('reports access: allowed, no GitOps', async () => {
    const a = await checkAccess(kc, handle, false);
    expect(a).toMatchObject({ readOnly: false, canPatch: true, canRecordHistory: true, gitops: { managed: false } });
  });
});

describe('split apply where RBAC forbids', () => {
  it('creating Events: the write succeeds and says the history was not recorded', async () => {
    const { emu, kc } = await started(['create:events']);
    try {
      const { route } = await readRoute(kc, handle);
      // expectedGeneration: the demo controller may write status (a new resourceVersion) meanwhile.
      const req = request(route.metadata.resourceVersion!, [1, 0], { expectedGeneration: route.metadata.generation });
      const res = await applyWeights(req, { kubeConfig: kc, log: () => undefined });
      expect(res.changed).toBe(true);
      expect(res.history.recorded).toBe(false);
      expect(res.history.warning).toMatch(/history could not be recorded.*not allow creating Events in namespace app2/);
      expect(weightsOf((await routeJson(emu.kubeconfigPath)))).toEqual([1, 0]);
      const a = await checkAccess(kc, handle, false);
      expect(a.canRecordHistory).toBe(false);
    } finally {
      await emu.stop();
    }
  });

  it('patching the route: a clear 403 and nothing changes', async () => {
    const { emu, kc } = await started(['patch:httproutes']);
    try {
      const before = (await routeJson(emu.kubeconfigPath));
      const o = JSON.parse(before);
      const req = request(o.metadata.resourceVersion, [1, 0], { expectedGeneration: o.metadata.generation });
      const e = await failure(applyWeights(req, { kubeConfig: kc, log: () => undefined }));
      expect(e.status).toBe(403);
      expect(e.message).toMatch(/Your cluster permissions do not allow you to patch HTTPRoute app2\/b-split/);
      expect((await routeJson(emu.kubeconfigPath))).toBe(before);
      const a = await checkAccess(kc, handle, false);
      expect(a.canPatch).toBe(false);
      expect(a.notices.join(' ')).toMatch(/do not allow patching this route/);
    } finally {
      await emu.stop();
    }
  });
});
