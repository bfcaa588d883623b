/**
 * `npm run split` (scripts/split.ts) spawned against the demo cluster: good input sets the weights and
 * records an Event; bad input or a refused write exits non-zero with a clear message and the route is
 * byte-for-byte unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '@/lib/emulator';
import { routeJson, run, weightsOf } from './split-kube';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = resolve(ROOT, 'node_modules', '.bin', 'tsx');

function split(kubeconfig: string, args: string[]) {
  // KUBECONFIG points nowhere useful so that only --kubeconfig picks the cluster, as an operator would.
  return run(TSX, ['scripts/split.ts', ...args, '--kubeconfig', kubeconfig], { KUBECONFIG: '/nonexistent' }, ROOT);
}

describe('split CLI', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: () => undefined });
  });
  afterAll(async () => emu?.stop());

  it('sets b-split to 0/1 and back to 2/3, printing from → to', async () => {
    const a = await split(emu.kubeconfigPath, ['app2/b-split', '0', '1']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('HTTPRoute app2/b-split rule 0: b-v1 2 → 0, b-v2 3 → 1');
    expect(weightsOf(await routeJson(emu.kubeconfigPath))).toEqual([0, 1]);
    const b = await split(emu.kubeconfigPath, ['app2/b-split', '2', '3', '--rule', '0']);
    expect(b.code, b.stderr).toBe(0);
    expect(weightsOf(await routeJson(emu.kubeconfigPath))).toEqual([2, 3]);
  });

  it.each([
    ['negative', ['app2/b-split', '-1', '1'], 2, /must not be negative/],
    ['fractional', ['app2/b-split', '0.5', '1'], 2, /whole number/],
    ['huge', ['app2/b-split', '1000001', '1'], 2, /at most 1,000,000/],
    ['not a number', ['app2/b-split', 'x', '1'], 2, /"x" is not a number/],
    ['missing weights', ['app2/b-split'], 2, /one weight per backendRef/],
    ['extra weight', ['app2/b-split', '1', '1', '1'], 2, /has 2 backendRefs \(b-v1, b-v2\); got 3 weights/],
    ['too few weights', ['app2/b-split', '1'], 2, /got 1 weight/],
    ['wrong rule index', ['app2/b-split', '1', '1', '--rule', '4'], 2, /rule index 4 does not exist/],
    ['wrong kind', ['app2/b-split', '1', '1', '--kind', 'Gateway'], 2, /must be one of HTTPRoute/],
    ['all zero', ['app2/b-split', '0', '0'], 2, /would be 0/],
    ['unknown route', ['app2/nope', '1', '1'], 1, /HTTPRoute app2\/nope does not exist/],
    ['unknown option', ['app2/b-split', '1', '1', '--force'], 2, /unknown option --force/],
  ])('%s → non-zero exit, clear message, route unchanged', async (_, args, code, text) => {
    const before = await routeJson(emu.kubeconfigPath);
    const r = await split(emu.kubeconfigPath, args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(text);
    expect(await routeJson(emu.kubeconfigPath)).toBe(before);
  });

  it('all zero with --yes-all-zero is allowed', async () => {
    const r = await split(emu.kubeconfigPath, ['app2/b-split', '0', '0', '--yes-all-zero']);
    expect(r.code, r.stderr).toBe(0);
    expect(weightsOf(await routeJson(emu.kubeconfigPath))).toEqual([0, 0]);
    expect((await split(emu.kubeconfigPath, ['app2/b-split', '2', '3'])).code).toBe(0);
  });
});

describe('split CLI where patching is forbidden', () => {
  it('exits 1 with the 403 and changes nothing', async () => {
    const emu = await startEmulator({ port: 0, deny: ['patch:httproutes'], log: () => undefined });
    try {
      const before = await routeJson(emu.kubeconfigPath);
      const r = await split(emu.kubeconfigPath, ['app2/b-split', '0', '1']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/do not allow you to patch HTTPRoute app2\/b-split/);
      expect(await routeJson(emu.kubeconfigPath)).toBe(before);
    } finally {
      await emu.stop();
    }
  });
});
