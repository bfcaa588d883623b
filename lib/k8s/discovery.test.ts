import { describe, expect, it } from 'vitest';
import { kindInfo, type KindInfo } from '../gateway-api/kinds';
import { discoverKinds, pickVersion, type ServedResources } from './discovery';

const served = (entries: [string, string, string[]][]): ServedResources => {
  const m: ServedResources = new Map();
  for (const [g, v, rs] of entries) {
    if (!m.has(g)) m.set(g, new Map());
    m.get(g)!.set(v, new Set(rs));
  }
  return m;
};
const k = (kind: string) => kindInfo(kind) as KindInfo;
const GW = 'gateway.networking.k8s.io';

describe('discovery version choice', () => {
  it('prefers v1, then v1beta1, v1alpha3, v1alpha2', () => {
    const s = served([
      [GW, 'v1', ['httproutes', 'gateways']],
      [GW, 'v1beta1', ['httproutes', 'referencegrants']],
      [GW, 'v1alpha2', ['tlsroutes', 'referencegrants']],
      [GW, 'v1alpha3', ['tlsroutes', 'backendtlspolicies']],
    ]);
    expect(pickVersion(k('HTTPRoute'), s)).toBe('v1');
    expect(pickVersion(k('ReferenceGrant'), s)).toBe('v1beta1');
    expect(pickVersion(k('TLSRoute'), s)).toBe('v1alpha3');
    expect(pickVersion(k('BackendTLSPolicy'), s)).toBe('v1alpha3');
    expect(pickVersion(k('UDPRoute'), s)).toBeUndefined();
  });

  it('reports kinds whose group or resource is not served as not installed', () => {
    const s = served([['', 'v1', ['services', 'namespaces', 'secrets']]]);
    const d = discoverKinds(s);
    expect(d.find((x) => x.info.kind === 'Service')?.version).toBe('v1');
    expect(d.find((x) => x.info.kind === 'Gateway')?.version).toBeUndefined();
    expect(d.find((x) => x.info.kind === 'Deployment')?.version).toBeUndefined();
  });
});
