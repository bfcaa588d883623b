import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCluster, DEMO_LABEL, kubeconfigInfo } from './cluster';

const dir = mkdtempSync(join(tmpdir(), 'gw-cluster-'));
const cfg = (contexts: string[], current: string) => `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: { server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true }
users:
- name: u
  user: { token: t }
contexts:
${contexts.map((c) => `- name: ${c}\n  context: { cluster: c, user: u }`).join('\n')}
current-context: ${current}
`;
const good = join(dir, 'good.kubeconfig');
writeFileSync(good, cfg(['kind-a', 'kind-b'], 'kind-a'));
const bad = join(dir, 'bad.kubeconfig');
writeFileSync(bad, 'clusters: [ this is: not yaml');
const emptyHome = mkdtempSync(join(tmpdir(), 'gw-home-'));

describe('chooseCluster', () => {
  it('GATEWATCH_CLUSTER=demo wins, and nothing configured means demo', () => {
    expect(chooseCluster({ GATEWATCH_CLUSTER: 'demo', KUBECONFIG: good }).mode).toBe('demo');
    expect(chooseCluster({ HOME: emptyHome }).mode).toBe('demo');
  });

  it('reads KUBECONFIG with its current context, or the one asked for', () => {
    const c = chooseCluster({ KUBECONFIG: good, HOME: emptyHome });
    expect(c.mode).toBe('kubeconfig');
    if (c.mode === 'kubeconfig') expect(c.info).toEqual({ mode: 'kubeconfig', label: 'kind-a', context: 'kind-a', server: 'https://127.0.0.1:6443' });
    const d = chooseCluster({ GATEWATCH_KUBECONFIG: good, GATEWATCH_CONTEXT: 'kind-b' });
    expect(d.mode === 'kubeconfig' && d.info.context).toBe('kind-b');
  });

  it('reports an unknown context, an unreadable file and a missing file clearly', () => {
    const u = chooseCluster({ KUBECONFIG: good, GATEWATCH_CONTEXT: 'nope' });
    expect(u.mode === 'error' && u.error).toMatch(/context "nope" not found .*kind-a, kind-b/);
    const b = chooseCluster({ GATEWATCH_KUBECONFIG: bad });
    expect(b.mode === 'error' && b.error).toMatch(/--kubeconfig .*cannot be read/);
    const m = chooseCluster({ KUBECONFIG: join(dir, 'missing') });
    expect(m.mode === 'error' && m.error).toMatch(/file not found/);
  });

  it('labels the demo cluster', () => {
    const c = chooseCluster({ KUBECONFIG: good });
    if (c.mode !== 'kubeconfig') throw new Error('expected kubeconfig');
    expect(kubeconfigInfo(c.kc, 'demo').label).toBe(DEMO_LABEL);
  });
});
