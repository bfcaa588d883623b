/** The built-in kinds the emulator serves (what Gatewatch reads and what kubectl needs to be happy). */
import type { ResourceType } from './registry';
import { ALL_VERBS } from './registry';
import { CORE_EVENT_FIELDS, EVENTS_V1_FIELDS, eventFromCore, eventToCore } from './events';

function builtin(t: Omit<ResourceType, 'verbs' | 'builtin' | 'storage' | 'storageVersion' | 'hasStatus'> & Partial<ResourceType>): ResourceType {
  return {
    verbs: ALL_VERBS,
    builtin: true,
    hasStatus: false,
    storageVersion: t.versions[0],
    storage: { group: t.group, kind: t.kind },
    ...t,
  };
}

export function builtinTypes(): ResourceType[] {
  return [
    builtin({ group: '', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false, versions: ['v1'], shortNames: ['ns'], hasStatus: true, fieldLabels: ['status.phase'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
    builtin({ group: '', kind: 'Service', plural: 'services', singular: 'service', namespaced: true, versions: ['v1'], shortNames: ['svc'], categories: ['all'], hasStatus: true }),
    builtin({ group: '', kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true, versions: ['v1'], fieldLabels: ['type'] }),
    builtin({ group: '', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', namespaced: true, versions: ['v1'], shortNames: ['cm'] }),
    builtin({ group: '', kind: 'Event', plural: 'events', singular: 'event', namespaced: true, versions: ['v1'], shortNames: ['ev'], fieldLabels: CORE_EVENT_FIELDS }),
    builtin({
      group: 'events.k8s.io', kind: 'Event', plural: 'events', singular: 'event', namespaced: true, versions: ['v1'], shortNames: ['ev'],
      storage: { group: '', kind: 'Event' }, storageVersion: 'v1', fieldLabels: EVENTS_V1_FIELDS,
      toExternal: (stored) => eventFromCore(stored), toStorage: (obj) => eventToCore(obj),
    }),
    builtin({ group: 'apps', kind: 'Deployment', plural: 'deployments', singular: 'deployment', namespaced: true, versions: ['v1'], shortNames: ['deploy'], categories: ['all'], hasStatus: true }),
    builtin({ group: 'networking.k8s.io', kind: 'Ingress', plural: 'ingresses', singular: 'ingress', namespaced: true, versions: ['v1'], shortNames: ['ing'], hasStatus: true }),
    builtin({ group: 'networking.k8s.io', kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass', namespaced: false, versions: ['v1'] }),
    builtin({ group: 'authorization.k8s.io', kind: 'SelfSubjectAccessReview', plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', namespaced: false, versions: ['v1'], verbs: ['create'] }),
    builtin({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions', singular: 'customresourcedefinition', namespaced: false, versions: ['v1'], shortNames: ['crd', 'crds'], categories: ['api-extensions'], hasStatus: true }),
  ];
}
