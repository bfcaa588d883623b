import { describe, expect, it } from 'vitest';
import type { NamespaceNode } from '../wire/types';
import { buildTopology, collapseNamespaces, snapshotFromObjects, type ModelContext } from './index';
import { loadYamlDir, REFERENCE_ENV_DIR } from './testing/load-yaml';

const ctx: ModelContext = { cluster: { mode: 'demo', label: 'x' }, health: { state: 'ok' }, kinds: [], generatedAt: 't' };
const topo = buildTopology(snapshotFromObjects(loadYamlDir(REFERENCE_ENV_DIR)), ctx, 3);

describe('collapseNamespaces', () => {
  it('replaces a namespace by one node with counts and worst status', () => {
    const c = collapseNamespaces(topo, ['app1']);
    expect(c.nodes.some((n) => n.namespace === 'app1')).toBe(false);
    const ns = c.nodes.find((n) => n.id === 'Namespace:app1') as NamespaceNode;
    expect(ns.counts).toEqual({ HTTPRoute: 2, TCPRoute: 1, Service: 3, Workload: 2, Ingress: 1 });
    expect(ns.worst).toBe('error'); // the httbin ghost
    const app2 = collapseNamespaces(topo, ['app2']).nodes.find((n) => n.id === 'Namespace:app2') as NamespaceNode;
    expect(app2.worst).toBe('unknown'); // routes without a controller verdict
  });

  it('re-points edges at the namespace node, de-duplicated, dropping edges inside it', () => {
    const c = collapseNamespaces(topo, ['app1']);
    const ids = new Set(c.nodes.map((n) => n.id));
    for (const e of c.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    const fromIstio = c.edges.filter((e) => e.source === 'Gateway:gateways/istio-http-ports' && e.target === 'Namespace:app1');
    expect(fromIstio.map((e) => e.sourceHandle).sort()).toEqual(['listener:http', 'listener:https']);
    const fromEnvoy = c.edges.filter((e) => e.source === 'Gateway:gateways/envoy-http-ports');
    expect(fromEnvoy).toHaveLength(1); // app1 and app1-typo both attach to listener https
    expect(fromEnvoy[0]).toMatchObject({ kind: 'attachment', accepted: 'unknown', target: 'Namespace:app1' });
    expect(c.edges.some((e) => e.kind === 'backend' && e.source === 'Namespace:app1')).toBe(false);
    expect(c.nodes.map((n) => n.id)).toEqual([...c.nodes.map((n) => n.id)].sort());
  });

  it('leaves the topology alone when nothing is collapsed, and does not modify its input', () => {
    const before = JSON.stringify(topo);
    expect(collapseNamespaces(topo, [])).toBe(topo);
    collapseNamespaces(topo, ['app1', 'app2', 'gateways']);
    expect(JSON.stringify(topo)).toBe(before);
  });
});
