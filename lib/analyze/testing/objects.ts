/** Small builders for Gateway API objects in analyzer tests. */
import type { KObject, Listener } from '../../gateway-api/types';

const GW = 'gateway.networking.k8s.io/v1';

export const ns = (name: string, labels?: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } });
export const gatewayClass = (name = 'gc', controllerName = 'example.com/ctl'): KObject => ({ apiVersion: GW, kind: 'GatewayClass', metadata: { name, generation: 1 }, spec: { controllerName } });
export const gateway = (name: string, namespace: string, listeners: Partial<Listener>[], className = 'gc'): KObject => ({
  apiVersion: GW,
  kind: 'Gateway',
  metadata: { name, namespace, generation: 1 },
  spec: { gatewayClassName: className, listeners: listeners.map((l, i) => ({ name: `l${i}`, port: 80, protocol: 'HTTP', ...l })) },
});
export const service = (name: string, namespace: string, selector: Record<string, string> = { app: name }, ports = [80]): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { selector, ports: ports.map((port) => ({ port })) },
});
export const deployment = (name: string, namespace: string, labels: Record<string, string>): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { selector: { matchLabels: labels }, template: { metadata: { labels } } },
});
export const secret = (name: string, namespace: string): KObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace } });
export const route = (
  kind: string,
  name: string,
  namespace: string,
  spec: { parentRefs?: unknown[]; hostnames?: string[]; rules?: unknown[] },
  status?: unknown,
): KObject => ({
  apiVersion: GW,
  kind,
  metadata: { name, namespace, generation: 1 },
  spec: { rules: [{ backendRefs: [{ name: 'svc', port: 80 }] }], ...spec },
  ...(status ? { status } : {}),
});
export const grant = (namespace: string, from: { kind: string; namespace: string }, to: { kind: string; name?: string }): KObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1',
  kind: 'ReferenceGrant',
  metadata: { name: `grant-${from.namespace}`, namespace },
  spec: { from: [{ group: 'gateway.networking.k8s.io', ...from }], to: [{ group: '', ...to }] },
});
