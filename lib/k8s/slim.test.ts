import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { computeStatusWrites } from '../conformance';
import type { KObject } from '../gateway-api/types';
import { generateCluster } from '../bench/generate';
import { ClusterIPAllocator, applyBuiltinDefaults } from '../emulator/defaults';
import { buildTopology, snapshotFromObjects, type ModelContext } from '../model';
import { loadYamlDir, REFERENCE_ENV_DIR } from '../model/testing/load-yaml';
import { SLIMMED_KINDS, StringPool, slimObject } from './slim';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'demo' }, health: { state: 'ok' }, kinds: [], generatedAt: '2026-01-01T00:00:00Z' };

/** Objects as a running cluster returns them: built-in defaults (clusterIPs, Deployment status and conditions), uids, resourceVersions, controller status. */
function asServed(objects: readonly KObject[]): KObject[] {
  const ips = new ClusterIPAllocator();
  const out = structuredClone(objects) as KObject[];
  out.forEach((o, i) => {
    applyBuiltinDefaults(o, undefined, ips);
    o.metadata.uid = `uid-${i}`;
    o.metadata.resourceVersion = String(100 + i);
    o.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
    o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'example.com/note': `n${i}` };
  });
  const snap = snapshotFromObjects(out);
  for (const w of computeStatusWrites(snap, { now: '2026-01-01T00:00:00Z' })) {
    const o = snap.get(w.ref.kind, w.ref.namespace, w.ref.name);
    if (o) o.status = w.status;
  }
  return out;
}

function compare(objects: readonly KObject[]) {
  const pool = new StringPool();
  const slim = structuredClone(objects).map((o) => slimObject(o, pool));
  const full = snapshotFromObjects(objects);
  const slimmed = snapshotFromObjects(slim);
  return { full, slimmed, slim, pool };
}

describe('slimmed objects', () => {
  for (const [name, objects] of [
    ['the reference environment', asServed(loadYamlDir(REFERENCE_ENV_DIR))],
    ['a generated cluster', asServed(generateCluster('small', 3))],
  ] as const) {
    it(`build the same topology and findings as the full objects (${name})`, () => {
      const { full, slimmed } = compare(objects);
      expect(buildTopology(slimmed, ctx, 1)).toEqual(buildTopology(full, ctx, 1));
      expect(analyze(slimmed)).toEqual(analyze(full));
      expect(analyze(slimmed, { expectStatus: false })).toEqual(analyze(full, { expectStatus: false }));
    });
  }

  it('drop what nothing reads and keep what the model shows', () => {
    const [dep, svc] = asServed([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'a', namespace: 'n', labels: { app: 'a' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
        spec: { replicas: 2, selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', namespace: 'n' }, spec: { selector: { app: 'a' }, ports: [{ name: 'http', port: 80, appProtocol: 'http' }] } },
    ]);
    const pool = new StringPool();
    const d = slimObject(structuredClone(dep), pool) as KObject & { spec: Record<string, unknown>; status: Record<string, unknown> };
    expect(d.spec).toEqual({ replicas: 2, selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } } } });
    expect(d.status.readyReplicas).toBe(2);
    expect(d.status.conditions).toBeUndefined();
    expect(d.metadata.annotations).toBeUndefined();
    expect(d.metadata).toMatchObject({ name: 'a', namespace: 'n', uid: dep.metadata.uid, resourceVersion: dep.metadata.resourceVersion, labels: { app: 'a' } });
    const s = slimObject(structuredClone(svc), pool) as KObject & { spec: Record<string, unknown> };
    const ip = (svc.spec as { clusterIP: string }).clusterIP;
    expect(s.spec).toEqual({ type: 'ClusterIP', clusterIP: ip, clusterIPs: [ip], ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP', appProtocol: 'http' }], selector: { app: 'a' } });
    expect(s.metadata.annotations).toEqual(svc.metadata.annotations);
    expect(SLIMMED_KINDS.has('HTTPRoute')).toBe(false);
  });

  it('keep every other kind whole', () => {
    const objects = asServed(loadYamlDir(REFERENCE_ENV_DIR)).filter((o) => !SLIMMED_KINDS.has(o.kind));
    const { slim } = compare(objects);
    expect(slim).toEqual(objects);
  });

  it('share repeated strings between objects', () => {
    const objects = asServed(generateCluster('small', 3)).filter((o) => o.kind === 'Deployment');
    const { slim, pool } = compare(objects);
    // Every namespace and label value is held once, however many objects carry it.
    const namespaces = new Set(slim.map((o) => o.metadata.namespace));
    expect(pool.size).toBeLessThan(slim.length * 2);
    expect(namespaces.size).toBeLessThan(slim.length);
    const a = JSON.parse(JSON.stringify({ ns: slim[0].metadata.namespace })) as { ns: string };
    expect(pool.intern(a.ns)).toBe(slim[0].metadata.namespace);
  });

  it('bound the string pool', () => {
    const pool = new StringPool(3);
    for (const s of ['a', 'b', 'c', 'd']) pool.intern(s);
    expect(pool.size).toBeLessThanOrEqual(3);
  });
});
