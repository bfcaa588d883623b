/** A Service that backs a route but whose selector matches no Deployment's pods (warning: 503s). */
import { matchesServiceSelector } from '../../gateway-api/selectors';
import type { Deployment } from '../../gateway-api/types';
import { nodeId, parseNodeId } from '../../wire/ids';
import { makeFinding } from '../finding';
import { keyOf } from '../ref-index';
import type { ServiceRule } from './types';

export const serviceRules: ServiceRule = (ctx, svc) => {
  const ns = svc.metadata.namespace ?? '';
  const referrers = [...ctx.refs.referrers(keyOf('Service', ns, svc.metadata.name))].filter((k) => !k.startsWith('Gateway/'));
  if (referrers.length === 0) return [];
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0 || svc.spec?.type === 'ExternalName') return [];
  // By name from the namespace index: listing every Deployment per Service is O(cluster).
  const deployments = ctx
    .names('Deployment', ns)
    .map((n) => ctx.snapshot.get('Deployment', ns, n))
    .filter((d): d is Deployment => d !== undefined);
  // Offline, a namespace without Deployments means "not in these files", not "no workload".
  if (!ctx.expectStatus && deployments.length === 0) return [];
  if (deployments.some((d) => matchesServiceSelector(selector, d.spec?.template?.metadata?.labels))) return [];
  const routes = referrers.map((k) => {
    const [kind, rns, name] = k.split('/');
    return nodeId(kind!, name!, rns);
  });
  return [
    makeFinding('service-no-workload', { kind: 'Service', namespace: ns, name: svc.metadata.name }, {
      severity: 'warning',
      reason: 'NoWorkload',
      message: `Service ${ns}/${svc.metadata.name} backs ${routes.map((r) => parseNodeId(r).name).join(', ')} but its selector ${JSON.stringify(selector)} matches no Deployment's pods: requests sent to it fail (503).`,
      suggestion: `Fix spec.selector of Service ${svc.metadata.name} to match the pod labels of its Deployment, or deploy the workload.`,
      related: routes,
    }),
  ];
};
