/** An Ingress node (rules in short text) and an `ingress` edge per path (and default backend) to its Service. */
import type { Ingress, IngressBackend, KObject } from '../../gateway-api/types';
import { edgeIds, nodeId } from '../../wire/ids';
import type { IngressNode, WireEdge } from '../../wire/types';
import type { Reader } from '../object-index';
import { baseFields } from './base';
import { ghostService } from './ghosts';
import type { Fragment } from './types';

function backendText(b: IngressBackend): string {
  if (b.service) {
    const port = b.service.port?.name ?? (b.service.port?.number !== undefined ? String(b.service.port.number) : '');
    return port ? `${b.service.name}:${port}` : b.service.name;
  }
  if (b.resource) return `${b.resource.kind}/${b.resource.name}`;
  return '?';
}

export function ingressFragment(o: KObject, read: Reader): Fragment {
  const ing = o as Ingress;
  const base = baseFields(ing, 'Ingress');
  const ns = ing.metadata.namespace ?? '';
  const frag: Fragment = { nodes: [], edges: [] };
  const rules: string[] = [];

  const edgeTo = (b: IngressBackend, id: string): void => {
    if (!b.service?.name) return;
    const target = nodeId('Service', b.service.name, ns);
    const exists = !!read.get('Service', ns, b.service.name);
    if (!exists) frag.nodes.push(ghostService(ns, b.service.name));
    const e: WireEdge = { id, kind: 'ingress', source: base.id, target, resolved: exists };
    if (!exists) e.reason = 'BackendNotFound';
    frag.edges.push(e);
  };

  (ing.spec?.rules ?? []).forEach((rule, ri) => {
    (rule.http?.paths ?? []).forEach((p, pi) => {
      rules.push(`${rule.host ?? '*'} ${p.path ?? '/'} → ${backendText(p.backend)}`);
      edgeTo(p.backend, edgeIds.ingress(base.id, ri, pi));
    });
  });
  if (ing.spec?.defaultBackend) {
    rules.push(`default → ${backendText(ing.spec.defaultBackend)}`);
    edgeTo(ing.spec.defaultBackend, edgeIds.ingress(base.id, 'default'));
  }
  const node: IngressNode = {
    ...base,
    kind: 'Ingress',
    rules,
    tlsHosts: (ing.spec?.tls ?? []).flatMap((t) => t.hosts ?? []),
  };
  if (ing.spec?.ingressClassName) node.ingressClassName = ing.spec.ingressClassName;
  frag.nodes.push({ role: 'real', node });
  return frag;
}
