/**
 * What the store keeps of the high-volume core kinds: only the fields the model, the conformance
 * rules and the analyzer read (see slim.test.ts, which builds the reference environment's topology
 * and findings from full and from slimmed objects and compares them). A large cluster has tens of
 * thousands of Deployments and Services whose pod templates, conditions and status nobody here
 * reads; the details panel fetches the full object from the API server instead
 * (lib/server/object-read.ts).
 *
 * Repeated strings (namespaces, label keys and values) are interned: JSON.parse makes a new string
 * for every occurrence, and the same few thousand names recur across tens of thousands of objects.
 */
import type { KObject, ObjectMeta } from '../gateway-api/types';

/** Kinds stored slimmed: their full object is read from the cluster when someone asks for it. */
export const SLIMMED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'Service', 'Namespace']);

/** A bounded string pool (cleared when full, so a cluster with ever-new label values cannot grow it forever). */
export class StringPool {
  private readonly pool = new Map<string, string>();
  constructor(private readonly max = 100_000) {}

  intern(s: string): string;
  intern(s: string | undefined): string | undefined;
  intern(s: string | undefined): string | undefined {
    if (s === undefined) return s;
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    if (this.pool.size >= this.max) this.pool.clear();
    this.pool.set(s, s);
    return s;
  }

  map(m: Record<string, string> | undefined): Record<string, string> | undefined {
    if (!m || typeof m !== 'object') return m;
    const out: Record<string, string> = {};
    for (const k in m) out[this.intern(k)] = typeof m[k] === 'string' ? this.intern(m[k]) : m[k];
    return out;
  }

  get size(): number {
    return this.pool.size;
  }
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

/** Copies the listed keys that are present (undefined ones are left out, as JSON would). */
function pick(src: Json | undefined, keys: readonly string[]): Json | undefined {
  if (!src) return undefined;
  const out: Json = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

/** Metadata with its identity, labels and (when asked) annotations; strings shared through the pool. */
function slimMeta(m: ObjectMeta, pool: StringPool, withAnnotations: boolean): ObjectMeta {
  const out: ObjectMeta = { name: m.name };
  if (m.namespace !== undefined) out.namespace = pool.intern(m.namespace);
  if (m.uid !== undefined) out.uid = m.uid;
  if (m.resourceVersion !== undefined) out.resourceVersion = m.resourceVersion;
  if (m.generation !== undefined) out.generation = m.generation;
  if (m.creationTimestamp !== undefined) out.creationTimestamp = m.creationTimestamp;
  if (m.deletionTimestamp !== undefined) out.deletionTimestamp = m.deletionTimestamp;
  if (m.labels) out.labels = pool.map(m.labels);
  if (withAnnotations && m.annotations && Object.keys(m.annotations).length) out.annotations = m.annotations;
  return out;
}

const SERVICE_SPEC = ['type', 'clusterIP', 'clusterIPs', 'externalName', 'ports'] as const;
const SERVICE_PORT = ['name', 'port', 'targetPort', 'protocol', 'appProtocol'] as const;
const DEPLOYMENT_STATUS = ['observedGeneration', 'replicas', 'readyReplicas', 'availableReplicas', 'updatedReplicas', 'unavailableReplicas'] as const;

function slimService(o: KObject, pool: StringPool): KObject {
  const spec = obj(o.spec);
  const out: KObject = { apiVersion: o.apiVersion, kind: o.kind, metadata: slimMeta(o.metadata, pool, true) };
  if (spec) {
    const s = pick(spec, SERVICE_SPEC)!;
    if (Array.isArray(spec.ports)) s.ports = spec.ports.map((p) => (obj(p) ? pick(obj(p), SERVICE_PORT) : p));
    if (obj(spec.selector)) s.selector = pool.map(spec.selector as Record<string, string>);
    out.spec = s;
  }
  return out;
}

function slimDeployment(o: KObject, pool: StringPool): KObject {
  const spec = obj(o.spec);
  const out: KObject = { apiVersion: o.apiVersion, kind: o.kind, metadata: slimMeta(o.metadata, pool, false) };
  if (spec) {
    const s: Json = {};
    if (spec.replicas !== undefined) s.replicas = spec.replicas;
    if (spec.selector !== undefined) s.selector = spec.selector;
    const labels = obj(obj(obj(spec.template)?.metadata)?.labels);
    s.template = labels ? { metadata: { labels: pool.map(labels as Record<string, string>) } } : {};
    out.spec = s;
  }
  const status = pick(obj(o.status), DEPLOYMENT_STATUS);
  if (status) out.status = status;
  return out;
}

function slimNamespace(o: KObject, pool: StringPool): KObject {
  const out: KObject = { apiVersion: o.apiVersion, kind: o.kind, metadata: slimMeta(o.metadata, pool, true) };
  const phase = obj(o.status)?.phase;
  if (phase !== undefined) out.status = { phase };
  return out;
}

const SLIMMERS: Record<string, (o: KObject, pool: StringPool) => KObject> = {
  Service: slimService,
  Deployment: slimDeployment,
  Namespace: slimNamespace,
};

/** Strings longer than this are rarely repeated (messages, certificates): not worth a pool entry. */
const INTERN_MAX = 64;

/** Interns the short string values of a JSON tree in place (condition types, reasons, kinds, names…). */
function internTree(v: unknown, pool: StringPool): unknown {
  if (typeof v === 'string') return v.length <= INTERN_MAX ? pool.intern(v) : v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = internTree(v[i], pool);
  } else if (v && typeof v === 'object') {
    const o = v as Json;
    for (const k in o) o[k] = internTree(o[k], pool);
  }
  return v;
}

/**
 * The object as the store keeps it: slimmed for SLIMMED_KINDS; other kinds whole, with their short
 * strings shared (a route's status repeats the same condition types, reasons and controller names
 * as every other route's).
 */
export function slimObject(o: KObject, pool: StringPool): KObject {
  const slim = SLIMMERS[o.kind];
  if (slim) return slim(o, pool);
  if (o.metadata.namespace !== undefined) o.metadata.namespace = pool.intern(o.metadata.namespace);
  if (o.metadata.labels) o.metadata.labels = pool.map(o.metadata.labels);
  if (o.spec !== undefined) o.spec = internTree(o.spec, pool);
  if (o.status !== undefined) o.status = internTree(o.status, pool);
  return o;
}
