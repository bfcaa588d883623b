/**
 * A Service node (with the BackendTLSPolicies that target it) and its workload edges: one per
 * app/version group of the Deployments in its namespace whose pod template labels it selects.
 */
import type { BackendTLSPolicy, Deployment, KObject, Service } from '../../gateway-api/types';
import { edgeIds } from '../../wire/ids';
import type { ServiceNode } from '../../wire/types';
import type { Reader } from '../object-index';
import { mapSelects } from '../refs';
import { baseFields } from './base';
import { workloadOf } from './workload';
import type { Fragment } from './types';

export function serviceFragment(o: KObject, read: Reader): Fragment {
  const svc = o as Service;
  const base = baseFields(svc, 'Service');
  const ns = svc.metadata.namespace;
  // Extends `base` in place rather than spreading it into a copy: a spread clone of these objects
  // got a hidden class of its own per node (measured), several hundred bytes each.
  const node: ServiceNode = Object.assign(base, {
    kind: 'Service' as const,
    ports: (svc.spec?.ports ?? []).map((p) => {
      const out: ServiceNode['ports'][number] = { port: p.port };
      if (p.name) out.name = p.name;
      if (p.targetPort !== undefined) out.targetPort = p.targetPort;
      if (p.protocol) out.protocol = p.protocol;
      if (p.appProtocol) out.appProtocol = p.appProtocol;
      return out;
    }),
  });
  if (svc.spec?.type) node.type = svc.spec.type;
  if (svc.spec?.clusterIP) node.clusterIP = svc.spec.clusterIP;
  if (svc.spec?.selector) node.selector = { ...svc.spec.selector };
  const policies = read
    .inNamespace<BackendTLSPolicy>('BackendTLSPolicy', ns)
    .filter((p) => (p.spec?.targetRefs ?? []).some((t) => (t.group ?? '') === '' && t.kind === 'Service' && t.name === svc.metadata.name))
    .map((p) => p.metadata.name);
  if (policies.length) node.backendTLSPolicies = policies;

  const frag: Fragment = { nodes: [{ role: 'real', node }], edges: [] };
  const seen = new Set<string>();
  for (const d of read.inNamespace<Deployment>('Deployment', ns)) {
    if (!mapSelects(svc.spec?.selector, d.spec?.template?.metadata?.labels)) continue;
    const wl = workloadOf(d).id;
    if (seen.has(wl)) continue;
    seen.add(wl);
    frag.edges.push({ id: edgeIds.workload(base.id, wl), kind: 'workload', source: base.id, target: wl });
  }
  return frag;
}
