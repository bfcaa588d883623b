import { describe, expect, it } from 'vitest';
import type { Topology } from '@/lib/wire/types';
import { statusMessage } from './status-message';

const base: Topology = {
  revision: 1,
  generatedAt: '2026-01-01T00:00:00Z',
  cluster: { mode: 'kubeconfig', label: 'kind-dev', context: 'kind-dev', server: 'https://127.0.0.1:6443' },
  health: { state: 'ok' },
  kinds: [{ kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', version: 'v1', installed: true, synced: true, count: 2 }],
  nodes: [],
  edges: [],
};

describe('status message over the graph', () => {
  it('says the cluster cannot be reached, with the error, context and URL', () => {
    const m = statusMessage({ ...base, health: { state: 'unreachable', error: 'connect ECONNREFUSED 127.0.0.1:6443' } }, 0, []);
    expect(m).toEqual({ tone: 'error', text: 'cannot reach the cluster: connect ECONNREFUSED 127.0.0.1:6443 (kind-dev, https://127.0.0.1:6443)' });
  });

  it('says when no Gateway API CRDs are installed', () => {
    const kinds = [{ kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', installed: false, synced: false, count: 0 }];
    expect(statusMessage({ ...base, kinds }, 0, [])?.text).toMatch(/^no Gateway API CRDs in this cluster/);
  });

  it('says when the selected namespaces hold no routes, and nothing when they do', () => {
    expect(statusMessage(base, 0, ['team-a'])?.text).toBe('no routes in the selected namespaces (team-a)');
    expect(statusMessage(base, 3, ['team-a'])).toBeNull();
  });
});
