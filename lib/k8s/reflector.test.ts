import { describe, expect, it } from 'vitest';
import { kindInfo, type KindInfo } from '../gateway-api/kinds';
import { collectionPath, normalize } from './reflector';

const k = (kind: string) => kindInfo(kind) as KindInfo;

describe('reflector helpers', () => {
  it('builds collection paths for core and named groups', () => {
    expect(collectionPath(k('Service'), 'v1')).toBe('/api/v1/services');
    expect(collectionPath(k('HTTPRoute'), 'v1beta1')).toBe('/apis/gateway.networking.k8s.io/v1beta1/httproutes');
    expect(collectionPath(k('Deployment'), 'v1')).toBe('/apis/apps/v1/deployments');
  });

  it('gives list items their kind and apiVersion', () => {
    const o = normalize(k('HTTPRoute'), 'v1', { metadata: { name: 'r', namespace: 'a' }, spec: { hostnames: ['x'] } });
    expect(o).toEqual({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'a' }, spec: { hostnames: ['x'] } });
  });

  it('keeps only metadata of a Secret, even if a server sent its data', () => {
    const o = normalize(k('Secret'), 'v1', { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 's', namespace: 'a' }, data: { 'tls.key': 'c2VjcmV0' }, type: 'kubernetes.io/tls' });
    expect(o).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'a' } });
  });

  it('drops managedFields and the last-applied annotation, keeping other annotations', () => {
    const o = normalize(k('HTTPRoute'), 'v1', {
      metadata: {
        name: 'r',
        namespace: 'a',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"big":true}', team: 'web' },
        managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } }],
      },
      spec: {},
    });
    expect(o.metadata).toEqual({ name: 'r', namespace: 'a', annotations: { team: 'web' } });
  });
});
