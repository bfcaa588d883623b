/**
 * API discovery: which version of each watched kind the cluster serves (v1 preferred, then
 * v1beta1, v1alpha3, v1alpha2, as listed in lib/gateway-api/kinds.ts); kinds whose CRD is not
 * installed are reported as such.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { KINDS, type KindInfo } from '../gateway-api/kinds';
import { getJson } from './transport';

/** group → version → plural resource names served */
export type ServedResources = Map<string, Map<string, Set<string>>>;

export interface DiscoveredKind {
  info: KindInfo;
  /** undefined: not installed */
  version?: string;
}

/** Pure: the first preferred version that serves the kind's plural. */
export function pickVersion(info: KindInfo, served: ServedResources): string | undefined {
  const versions = served.get(info.group);
  if (!versions) return undefined;
  return info.versions.find((v) => versions.get(v)?.has(info.plural));
}

export function discoverKinds(served: ServedResources, kinds: readonly KindInfo[] = KINDS): DiscoveredKind[] {
  return kinds.map((info) => ({ info, version: pickVersion(info, served) }));
}

interface ResourceList {
  resources?: { name: string }[];
}
interface GroupList {
  groups?: { name: string; versions?: { version: string }[] }[];
}

/** Reads /api/v1 and the group-versions the watched kinds may live in. Throws when unreachable. */
export async function fetchServedResources(kc: KubeConfig, kinds: readonly KindInfo[] = KINDS, signal?: AbortSignal): Promise<ServedResources> {
  const served: ServedResources = new Map();
  const add = (group: string, version: string, list: ResourceList) => {
    let g = served.get(group);
    if (!g) served.set(group, (g = new Map()));
    // Subresources ("httproutes/status") are not collections.
    g.set(version, new Set((list.resources ?? []).map((r) => r.name).filter((n) => !n.includes('/'))));
  };
  add('', 'v1', await getJson<ResourceList>(kc, '/api/v1', { signal }));
  const groups = await getJson<GroupList>(kc, '/apis', { signal });
  const wanted = new Set(kinds.map((k) => k.group).filter(Boolean));
  const fetches: Promise<void>[] = [];
  for (const g of groups.groups ?? []) {
    if (!wanted.has(g.name)) continue;
    for (const { version } of g.versions ?? []) {
      fetches.push(getJson<ResourceList>(kc, `/apis/${g.name}/${version}`, { signal }).then((l) => add(g.name, version, l)));
    }
  }
  await Promise.all(fetches);
  return served;
}
