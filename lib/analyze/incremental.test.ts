import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import { snapshotFromObjects, type ClusterSnapshot } from '../model/snapshot';
import { analyze } from './analyze';
import { decorateTopology, problemSummaries } from './decorate';
import { createIncrementalAnalyzer } from './incremental';
import { referenceEnv } from './testing/fixtures';
import { service } from './testing/objects';
import type { Topology } from '../wire/types';

/** A mutable snapshot standing in for the live store. */
function liveSnapshot(objs: KObject[]): { snap: ClusterSnapshot; set(o: KObject): void; remove(o: KObject): void } {
  let current = objs;
  let snap = snapshotFromObjects(current);
  const same = (a: KObject, b: KObject) => a.kind === b.kind && a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name;
  return {
    snap: { list: (k) => snap.list(k), get: (k, n, name) => snap.get(k, n, name) },
    set(o) {
      current = [...current.filter((x) => !same(x, o)), o];
      snap = snapshotFromObjects(current);
    },
    remove(o) {
      current = current.filter((x) => !same(x, o));
      snap = snapshotFromObjects(current);
    },
  };
}

describe('incremental analyzer', () => {
  it('matches a full analysis after each change', () => {
    const live = liveSnapshot(referenceEnv());
    const inc = createIncrementalAnalyzer(live.snap, { expectStatus: false });
    expect(inc.all()).toEqual(analyze(live.snap, { expectStatus: false }));
    expect(inc.all().map((f) => f.reason)).toContain('BackendNotFound');

    // Creating the missing Service fixes app1-typo (a dependent of the Service).
    const httbin = service('httbin', 'app1', { app: 'httpbin' }, [8000]);
    live.set(httbin);
    const after = inc.update([{ kind: 'Service', namespace: 'app1', name: 'httbin' }]);
    expect(after.map((f) => f.reason)).not.toContain('BackendNotFound');
    expect(after).toEqual(analyze(live.snap, { expectStatus: false }));

    // Deleting the GatewayClass breaks every Gateway of that class.
    const gc = live.snap.get('GatewayClass', undefined, 'istio')!;
    live.remove(gc);
    const broken = inc.update([{ kind: 'GatewayClass', name: 'istio' }]);
    expect(broken.filter((f) => f.reason === 'GatewayClassNotFound').map((f) => f.name).sort()).toEqual(['envoy-tcp-mongodb-typo', 'istio-http-ports', 'istio-tcp-mongodb']);
    expect(broken).toEqual(analyze(live.snap, { expectStatus: false }));
  });

  it('keeps per-node problem counts current and reports the nodes whose counts changed', () => {
    const live = liveSnapshot(referenceEnv());
    const inc = createIncrementalAnalyzer(live.snap, { expectStatus: false });
    const full = () => problemSummaries(analyze(live.snap, { expectStatus: false }));
    expect(new Map(inc.summaries())).toEqual(full());
    expect(inc.summaries().get('HTTPRoute:app1/app1-typo')?.errors).toBe(1);

    live.set(service('httbin', 'app1', { app: 'httpbin' }, [8000]));
    const ids = inc.apply([{ kind: 'Service', namespace: 'app1', name: 'httbin' }]);
    expect(ids).toContain('HTTPRoute:app1/app1-typo');
    expect(inc.summaries().has('HTTPRoute:app1/app1-typo')).toBe(false);
    expect(new Map(inc.summaries())).toEqual(full());
    // A change that alters no finding reports no node.
    expect(inc.apply([{ kind: 'Service', namespace: 'app1', name: 'httbin' }])).toEqual([]);
  });

  it('decorateTopology counts problems per node without touching the input', () => {
    const findings = analyze(snapshotFromObjects(referenceEnv()), { expectStatus: false });
    const topo = { nodes: [{ id: 'HTTPRoute:app1/app1-typo' }, { id: 'HTTPRoute:app1/app1' }] } as unknown as Topology;
    const out = decorateTopology(topo, findings);
    expect(out.nodes[0]!.problems).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(out.nodes[1]!.problems).toBeUndefined();
    expect((topo.nodes[0] as { problems?: unknown }).problems).toBeUndefined();
  });
});
