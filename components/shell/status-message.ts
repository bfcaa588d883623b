import type { Topology } from '@/lib/wire/types';

/** Why the graph is empty or may be wrong, in plain words; null when all is well. */
export function statusMessage(t: Topology, visibleRoutes: number, namespaces: string[]): { tone: 'error' | 'info'; text: string } | null {
  const where = [t.cluster.context, t.cluster.server].filter(Boolean).join(', ');
  if (t.health.state === 'unreachable' || t.health.state === 'unauthorized') {
    const verb = t.health.state === 'unauthorized' ? 'not allowed to read the cluster' : 'cannot reach the cluster';
    return { tone: 'error', text: `${verb}: ${t.health.error ?? 'no answer'}${where ? ` (${where})` : ''}` };
  }
  const gw = t.kinds.filter((k) => k.group === 'gateway.networking.k8s.io');
  if (t.health.state !== 'connecting' && gw.length > 0 && gw.every((k) => !k.installed)) {
    return { tone: 'info', text: 'no Gateway API CRDs in this cluster: install them (kubectl apply -f …/standard-install.yaml) and Gatewatch picks them up' };
  }
  if (t.health.state === 'ok' && visibleRoutes === 0) {
    return { tone: 'info', text: namespaces.length ? `no routes in the selected namespaces (${namespaces.join(', ')})` : 'no routes in this cluster' };
  }
  return null;
}
