/**
 * Discovery documents: /api, /apis (aggregated v2 when the Accept header names it, legacy otherwise),
 * /api/v1 and /apis/<group>/<version> APIResourceLists. Built from the registry on each request, so
 * CRDs installed at run time show up at once.
 */
import type { Registry, ResourceType } from './registry';

type Obj = Record<string, unknown>;

export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
export const AGGREGATED_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

/** Which aggregated discovery format the Accept header asks for, if any (v2 preferred). */
export function aggregatedFormat(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept || !accept.includes('apidiscovery.k8s.io')) return undefined;
  for (const part of accept.split(',')) {
    const p = part.replace(/\s+/g, '');
    if (p.includes('g=apidiscovery.k8s.io') && p.includes('as=APIGroupDiscoveryList')) {
      if (p.includes('v=v2beta1')) return 'v2beta1';
      if (p.includes('v=v2')) return 'v2';
    }
  }
  return undefined;
}

function aggregatedResource(t: ResourceType, version: string): Obj {
  const r: Obj = {
    resource: t.plural,
    responseKind: { group: t.group, version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
  };
  if (t.shortNames?.length) r.shortNames = t.shortNames;
  if (t.categories?.length) r.categories = t.categories;
  if (t.hasStatus) {
    r.subresources = [{ subresource: 'status', responseKind: { group: t.group, version, kind: t.kind }, verbs: ['get', 'patch', 'update'] }];
  }
  return r;
}

export function aggregatedDiscovery(reg: Registry, core: boolean, format: 'v2' | 'v2beta1'): Obj {
  const items: Obj[] = [];
  for (const [group, versions] of reg.groups()) {
    if ((group === '') !== core) continue;
    items.push({
      metadata: core ? {} : { name: group },
      versions: versions.map((v) => ({
        version: v,
        resources: reg.inGroupVersion(group, v).map((t) => aggregatedResource(t, v)),
        freshness: 'Current',
      })),
    });
  }
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${format}`, metadata: {}, items };
}

export function legacyApiVersions(): Obj {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
}

export function legacyGroupList(reg: Registry): Obj {
  const groups: Obj[] = [];
  for (const [group, versions] of reg.groups()) {
    if (!group) continue;
    const gvs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
    groups.push({ name: group, versions: gvs, preferredVersion: gvs[0] });
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function legacyGroup(reg: Registry, group: string): Obj | undefined {
  const versions = reg.groups().get(group);
  if (!versions || !group) return undefined;
  const gvs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: gvs, preferredVersion: gvs[0] };
}

export function resourceList(reg: Registry, group: string, version: string): Obj | undefined {
  const types = reg.inGroupVersion(group, version);
  if (!types.length) return undefined;
  const resources: Obj[] = [];
  for (const t of types) {
    const r: Obj = { name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs };
    if (t.shortNames?.length) r.shortNames = t.shortNames;
    if (t.categories?.length) r.categories = t.categories;
    resources.push(r);
    if (t.hasStatus) resources.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function versionInfo(): Obj {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.4-gatewatch-demo',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
