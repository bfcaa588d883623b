import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import { snapshotFromObjects } from '../model/snapshot';
import { referenceEnv } from '../analyze/testing/fixtures';
import { computeStatusWrites, evaluateCluster } from './index';

const PLAYED = ['gateway.envoyproxy.io/gatewayclass-controller', 'istio.io/gateway-controller'];

describe('conformance engine on the reference environment', () => {
  it('evaluates attachment and references', () => {
    const ev = evaluateCluster(snapshotFromObjects(referenceEnv()), { controllerNames: PLAYED });
    expect(ev.gateways.get('gateways/istio-http-ports')!.listeners.map((l) => [l.name, l.attachedRoutes])).toEqual([
      ['https', 1],
      ['http', 2],
    ]);
    expect(ev.gateways.get('gateways/envoy-tcp-mongodb-typo')).toMatchObject({ classExists: false, played: false });
    const typo = ev.routes.get('HTTPRoute/app1/app1-typo')!.parents[0]!;
    expect(typo.accepted.status).toBe('True');
    expect(typo.resolvedRefs).toMatchObject({ status: 'False', reason: 'BackendNotFound' });
  });

  it('writes nothing for unplayed controllers or class-less Gateways, and is idempotent', () => {
    const objs = referenceEnv();
    const writes = computeStatusWrites(snapshotFromObjects(objs), { controllerNames: PLAYED, now: '2026-01-01T00:00:00Z' });
    expect(writes.find((w) => w.ref.name === 'envoy-tcp-mongodb-typo')).toBeUndefined();
    expect(computeStatusWrites(snapshotFromObjects(objs), { controllerNames: ['other.io/ctl'], now: 'x' })).toEqual([]);

    // Apply, then recompute later: nothing changes, transition times are kept.
    const byKey = new Map(writes.map((w) => [`${w.ref.kind}/${w.ref.namespace ?? ''}/${w.ref.name}`, w.status]));
    const applied: KObject[] = objs.map((o) => {
      const s = byKey.get(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
      return s ? { ...o, status: s } : o;
    });
    expect(computeStatusWrites(snapshotFromObjects(applied), { controllerNames: PLAYED, now: '2026-02-02T00:00:00Z' })).toEqual([]);
  });

  it('keeps route parent entries written by other controllers', () => {
    const objs = referenceEnv().map((o) =>
      o.metadata.name === 'app2' && o.kind === 'HTTPRoute'
        ? {
            ...o,
            status: {
              parents: [
                {
                  parentRef: { name: 'x' },
                  controllerName: 'other.io/ctl',
                  conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: '', lastTransitionTime: '2026-01-01T00:00:00Z' }],
                },
              ],
            },
          }
        : o,
    );
    const w = computeStatusWrites(snapshotFromObjects(objs), { controllerNames: PLAYED, now: 'n' }).find((x) => x.ref.name === 'app2' && x.ref.kind === 'HTTPRoute')!;
    expect((w.status.parents as { controllerName: string }[]).map((p) => p.controllerName)).toEqual(['other.io/ctl', 'istio.io/gateway-controller']);
  });
});
