/**
 * The emulator's EmulatorStore: every write path (HTTP, fixtures, demo controller) goes through here,
 * so validation, metadata (uid, resourceVersion, generation, managedFields) and CRD registration
 * happen in one place. Objects handed out are frozen and in their storage version.
 */
import { randomUUID } from 'node:crypto';
import type { KObject, ManagedFieldsEntry } from '../gateway-api/types';
import type { EmulatorStore, ObjectRef, StoreEvent } from './api';
import { crdProblems, establishedStatus, resourceTypeFromCRD } from './crd';
import { ClusterIPAllocator, GENERATION_KINDS, applyBuiltinDefaults } from './defaults';
import { StatusError, alreadyExists, badRequest, invalid, notFound, staleConflict, qualifiedResource } from './errors';
import { type FieldSet, changedFields, fieldSetOf, subtractFields, unionFields } from './patch';
import { Registry, type ResourceType, apiVersionFor, storageKey } from './registry';
import { type Entry, ObjectStore } from './storage';
import { unknownFields, validateMetadata, validateSchema } from './validation';

export interface WriteOptions {
  /** Validate and answer without storing (dryRun=All). */
  dryRun?: boolean;
  /** managedFields manager; default "gatewatch-demo". */
  manager?: string;
  /** 'Apply' for server-side apply, else 'Update'. */
  operation?: 'Update' | 'Apply';
  /** For 'Apply': the fields the manager applied (replaces its previous set). */
  appliedFields?: FieldSet;
  /** The object came from JSON.parse and may be changed in place (saves a copy). */
  owned?: boolean;
  /** Unknown fields: Strict refuses them (400), Warn reports them in `warnings`, Ignore drops them silently. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** Filled with warnings for the client (sent as HTTP Warning headers). */
  warnings?: string[];
}

type Obj = Record<string, unknown>;

/** kube's timestamp format: RFC 3339, seconds precision. */
export function nowTimestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!deepEqual((a as Obj)[k], (b as Obj)[k])) return false;
  return true;
}

/** The parts of an object whose change bumps generation: everything but metadata and status. */
function specPart(o: KObject): Obj {
  const { metadata: _m, status: _s, ...rest } = o;
  void _m;
  void _s;
  return rest;
}

/** What managedFields track for the main resource: user metadata plus everything but status. */
export function trackedPart(o: KObject, subresource: string | undefined): Obj {
  if (subresource === 'status') return { status: o.status };
  const md = o.metadata;
  const meta: Obj = {};
  for (const k of ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const) if (md[k] !== undefined) meta[k] = md[k];
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  void _m, void _s, void _a, void _k;
  return Object.keys(meta).length ? { metadata: meta, ...rest } : rest;
}

function withoutTimes(m: ManagedFieldsEntry[] | undefined): unknown {
  return (m ?? []).map(({ time: _t, ...rest }) => rest);
}

export class ClusterStore implements EmulatorStore {
  readonly registry = new Registry();
  readonly objects: ObjectStore;
  private ips = new ClusterIPAllocator();

  constructor(historySize?: number) {
    this.objects = new ObjectStore(historySize);
  }

  // ---- type resolution --------------------------------------------------

  typeOf(group: string, kind: string): ResourceType {
    const t = this.registry.byGroupKind(group, kind);
    if (!t) throw new StatusError(404, 'NotFound', `the server doesn't have a resource type for kind "${kind}" in group "${group}"`);
    return t;
  }

  private storageType(t: ResourceType): ResourceType {
    return t.storage.group === t.group && t.storage.kind === t.kind ? t : this.typeOf(t.storage.group, t.storage.kind);
  }

  private resolve(obj: KObject): { type: ResourceType; version: string } {
    if (!obj || typeof obj !== 'object' || !obj.metadata) throw badRequest('Object has no metadata');
    const r = this.registry.forObject(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
    if (!r) throw badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    return r;
  }

  /** The object as stored, converted to `version` of type `t` (no copy when it is the storage shape). */
  external(t: ResourceType, version: string, stored: KObject): KObject {
    if (t.toExternal) return t.toExternal(stored, version);
    const av = apiVersionFor(t.group, version);
    return stored.apiVersion === av ? stored : { ...stored, apiVersion: av };
  }

  private key(t: ResourceType): string {
    return storageKey(t.storage.group, t.storage.kind);
  }

  entry(t: ResourceType, namespace: string | undefined, name: string): Entry | undefined {
    return this.objects.get(this.key(t), t.namespaced ? (namespace ?? '') : '', name);
  }

  entries(t: ResourceType, namespace?: string): Entry[] {
    return this.objects.list(this.key(t), t.namespaced ? namespace : undefined);
  }

  // ---- EmulatorStore ----------------------------------------------------

  list(group: string, kind: string, namespace?: string): KObject[] {
    const t = this.typeOf(group, kind);
    const es = this.entries(t, namespace);
    if (t === this.storageType(t)) return es.map((e) => e.obj);
    return es.map((e) => this.external(t, t.storageVersion, e.obj));
  }

  get(ref: ObjectRef): KObject | undefined {
    const t = this.typeOf(ref.group, ref.kind);
    const e = this.entry(t, ref.namespace, ref.name);
    return e && (t === this.storageType(t) ? e.obj : this.external(t, t.storageVersion, e.obj));
  }

  subscribe(listener: (ev: StoreEvent) => void): () => void {
    return this.objects.subscribeAll((c) => listener({ type: c.type, object: c.entry.obj }));
  }

  resourceVersion(): string {
    return String(this.objects.currentRv());
  }

  create(input: KObject, opts: WriteOptions = {}): KObject {
    const { type, version } = this.resolve(input);
    let obj = opts.owned ? input : (structuredClone(input) as KObject);
    obj.metadata ??= { name: '' };
    const generateName = (obj.metadata as unknown as Obj).generateName;
    if (!obj.metadata.name && typeof generateName === 'string') obj.metadata.name = `${generateName}${Math.random().toString(36).slice(2, 7)}`;
    const st = this.storageType(type);
    this.checkMetadata(type, obj);
    this.checkNamespace(type, obj);
    if (this.entry(st, obj.metadata.namespace, obj.metadata.name)) throw alreadyExists(type.plural, type.group, obj.metadata.name);
    if (type.hasStatus && !type.builtin) delete obj.status;
    this.checkSchema(type, version, obj, opts);
    if (type.toStorage) obj = type.toStorage(obj);
    obj = this.normalize(obj, apiVersionFor(st.group, st.storageVersion));
    if (type.kind === 'CustomResourceDefinition') this.checkCRD(obj);
    const md = obj.metadata;
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'managedFields', 'generation'] as const) delete md[k];
    md.uid = randomUUID();
    md.creationTimestamp = nowTimestamp();
    if (!st.builtin || GENERATION_KINDS.has(st.kind)) md.generation = 1;
    applyBuiltinDefaults(obj, undefined, this.ips);
    if (st.kind === 'CustomResourceDefinition') obj.status = establishedStatus(obj, md.creationTimestamp);
    md.managedFields = this.managed([], opts, apiVersionFor(type.group, version), undefined, fieldSetOf(trackedPart(obj, undefined)));
    if (opts.dryRun) return obj;
    const rv = this.objects.nextRv();
    md.resourceVersion = String(rv);
    this.objects.put(this.key(st), obj, rv);
    if (st.kind === 'CustomResourceDefinition') this.registry.add(resourceTypeFromCRD(obj));
    return obj;
  }

  update(input: KObject, opts: WriteOptions = {}): KObject {
    const { type, version } = this.resolve(input);
    let obj = opts.owned ? input : (structuredClone(input) as KObject);
    const st = this.storageType(type);
    const name = obj.metadata?.name;
    if (!name) throw invalid(this.kindLabel(type), type.group, '', [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name is required' }]);
    if (type.namespaced && !obj.metadata.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    const cur = this.entry(st, obj.metadata.namespace, name);
    if (!cur) throw notFound(type.plural, type.group, name);
    const rvIn = obj.metadata.resourceVersion;
    if (rvIn && rvIn !== cur.obj.metadata.resourceVersion) throw staleConflict(type.plural, type.group, name);
    this.checkSchema(type, version, obj, opts);
    if (type.toStorage) obj = type.toStorage(obj);
    obj = this.normalize(obj, apiVersionFor(st.group, st.storageVersion));
    if (st.kind === 'CustomResourceDefinition') this.checkCRD(obj);
    // Status is owned by the /status subresource; the main resource keeps what is stored.
    if (st.hasStatus) {
      if (cur.obj.status !== undefined) obj.status = cur.obj.status;
      else delete obj.status;
    }
    const old = cur.obj;
    const md = obj.metadata;
    md.uid = old.metadata.uid;
    md.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) md.deletionTimestamp = old.metadata.deletionTimestamp;
    if (old.metadata.generation !== undefined) {
      md.generation = deepEqual(specPart(obj), specPart(old)) ? old.metadata.generation : old.metadata.generation + 1;
    }
    applyBuiltinDefaults(obj, old, this.ips);
    return this.commitUpdate(type, version, st, old, obj, undefined, opts);
  }

  updateStatus(ref: ObjectRef, status: unknown, expectedResourceVersion?: string, opts: WriteOptions = {}): KObject {
    const type = this.typeOf(ref.group, ref.kind);
    const st = this.storageType(type);
    const cur = this.entry(st, ref.namespace, ref.name);
    if (!cur) throw notFound(type.plural, type.group, ref.name);
    if (expectedResourceVersion && expectedResourceVersion !== cur.obj.metadata.resourceVersion) throw staleConflict(type.plural, type.group, ref.name);
    const obj = structuredClone({ ...cur.obj, status }) as KObject;
    if (status === undefined) delete obj.status;
    this.checkSchema(st, st.storageVersion, obj, opts);
    return this.commitUpdate(st, st.storageVersion, st, cur.obj, obj, 'status', opts);
  }

  delete(ref: ObjectRef, opts: WriteOptions = {}): KObject {
    const type = this.typeOf(ref.group, ref.kind);
    const st = this.storageType(type);
    const cur = this.entry(st, ref.namespace, ref.name);
    if (!cur) throw notFound(type.plural, type.group, ref.name);
    if (opts.dryRun) return cur.obj;
    const finalizers = cur.obj.metadata.finalizers;
    if (finalizers?.length && st.kind !== 'Namespace') {
      if (cur.obj.metadata.deletionTimestamp) return cur.obj;
      const obj = structuredClone(cur.obj) as KObject;
      obj.metadata.deletionTimestamp = nowTimestamp();
      return this.commitUpdate(st, st.storageVersion, st, cur.obj, obj, undefined, { ...opts, manager: opts.manager ?? 'gatewatch-demo' });
    }
    if (st.kind === 'Namespace') this.deleteNamespaceContents(ref.name);
    if (st.kind === 'CustomResourceDefinition') this.uninstallCRD(cur.obj);
    return this.remove(st, cur);
  }

  /**
   * Bulk loader for benchmarks and fixtures: creates each object (validated, with metadata) and
   * returns the failures instead of throwing. Objects are used as given (not copied).
   */
  load(objects: KObject[]): { loaded: number; errors: { index: number; message: string }[] } {
    const errors: { index: number; message: string }[] = [];
    let loaded = 0;
    objects.forEach((o, index) => {
      try {
        this.create(o, { owned: true, manager: 'gatewatch-demo-loader' });
        loaded++;
      } catch (err) {
        errors.push({ index, message: err instanceof Error ? err.message : String(err) });
      }
    });
    return { loaded, errors };
  }

  // ---- internals ----------------------------------------------------------

  kindLabel(t: ResourceType): string {
    return t.group ? `${t.kind}.${t.group}` : t.kind;
  }

  private checkMetadata(t: ResourceType, obj: KObject): void {
    const causes = validateMetadata(t, obj);
    if (causes.length) throw invalid(this.kindLabel(t), t.group, obj.metadata?.name ?? '', causes);
  }

  private checkNamespace(t: ResourceType, obj: KObject): void {
    if (!t.namespaced) {
      delete obj.metadata.namespace;
      return;
    }
    const ns = obj.metadata.namespace;
    if (!ns) throw badRequest('an empty namespace may not be set during creation');
    const nsType = this.registry.byGroupKind('', 'Namespace')!;
    if (!this.entry(nsType, undefined, ns)) throw notFound('namespaces', '', ns);
  }

  private checkSchema(t: ResourceType, version: string, obj: KObject, opts: WriteOptions): void {
    const mode = opts.fieldValidation;
    if (mode === 'Strict' || mode === 'Warn') {
      const unknown = unknownFields(t, version, obj).map((f) => `unknown field "${f}"`);
      if (unknown.length && mode === 'Strict') throw badRequest(`strict decoding error: ${unknown.join(', ')}`);
      if (unknown.length) opts.warnings?.push(...unknown);
    }
    const causes = validateSchema(t, version, obj);
    if (causes.length) throw invalid(this.kindLabel(t), t.group, obj.metadata?.name ?? '', causes);
  }

  private checkCRD(obj: KObject): void {
    const problems = crdProblems(obj);
    if (problems.length) {
      throw invalid('CustomResourceDefinition.apiextensions.k8s.io', 'apiextensions.k8s.io', obj.metadata.name, problems.map((p) => ({ reason: 'FieldValueInvalid', ...p })));
    }
  }

  /** apiVersion, kind, metadata first: stable JSON and cheap apiVersion swaps. */
  private normalize(obj: KObject, apiVersion: string): KObject {
    const { apiVersion: _a, kind, metadata, ...rest } = obj;
    void _a;
    return { apiVersion, kind, metadata: { ...metadata }, ...rest } as KObject;
  }

  private commitUpdate(type: ResourceType, version: string, st: ResourceType, old: KObject, obj: KObject, subresource: string | undefined, opts: WriteOptions): KObject {
    const md = obj.metadata;
    md.resourceVersion = old.metadata.resourceVersion;
    md.managedFields = old.metadata.managedFields;
    const finalizing = md.deletionTimestamp && !md.finalizers?.length;
    const same = !finalizing && deepEqual(obj, old);
    if (same && opts.operation !== 'Apply') return old; // a no-op write changes nothing, as in kube
    const changed = opts.operation === 'Apply' ? (opts.appliedFields ?? {}) : changedFields(trackedPart(old, subresource), trackedPart(obj, subresource));
    md.managedFields = this.managed(old.metadata.managedFields ?? [], opts, apiVersionFor(type.group, version), subresource, changed);
    if (same && deepEqual(withoutTimes(md.managedFields), withoutTimes(old.metadata.managedFields))) return old;
    if (opts.dryRun) return obj;
    if (finalizing) return this.remove(st, { obj, json: '', rv: 0 });
    const rv = this.objects.nextRv();
    md.resourceVersion = String(rv);
    this.objects.put(this.key(st), obj, rv);
    if (st.kind === 'CustomResourceDefinition') this.registry.add(resourceTypeFromCRD(obj));
    return obj;
  }

  /** Records `fields` for the manager and takes them away from the other managers. */
  private managed(entries: ManagedFieldsEntry[], opts: WriteOptions, apiVersion: string, subresource: string | undefined, fields: FieldSet): ManagedFieldsEntry[] {
    const manager = opts.manager ?? 'gatewatch-demo';
    const operation = opts.operation ?? 'Update';
    const now = nowTimestamp();
    const out: ManagedFieldsEntry[] = [];
    let mine: ManagedFieldsEntry | undefined;
    for (const e of entries) {
      if (e.manager === manager && e.operation === operation && (e.subresource ?? undefined) === subresource) {
        mine = e;
        continue;
      }
      const rest = subtractFields((e.fieldsV1 ?? {}) as FieldSet, fields);
      if (Object.keys(rest).length) out.push({ ...e, fieldsV1: rest });
    }
    if (!Object.keys(fields).length && !mine && operation !== 'Apply') return out.length === entries.length ? entries : out;
    const prev = (mine?.fieldsV1 ?? {}) as FieldSet;
    const set = operation === 'Apply' ? fields : unionFields(prev, fields);
    const entry: ManagedFieldsEntry = { manager, operation, apiVersion, time: now, fieldsType: 'FieldsV1', fieldsV1: set };
    if (subresource) entry.subresource = subresource;
    out.push(entry);
    return out;
  }

  private remove(st: ResourceType, cur: Entry): KObject {
    const rv = this.objects.nextRv();
    const obj = structuredClone(cur.obj) as KObject;
    obj.metadata.resourceVersion = String(rv);
    const md = obj.metadata;
    this.objects.remove(this.key(st), md.namespace ?? '', md.name, obj, rv);
    return obj;
  }

  private deleteNamespaceContents(ns: string): void {
    for (const t of this.registry.all()) {
      if (!t.namespaced || t !== this.storageType(t)) continue;
      for (const e of [...this.entries(t, ns)]) this.remove(t, e);
    }
  }

  private uninstallCRD(crd: KObject): void {
    const spec = crd.spec as { group: string; names: { plural: string } };
    const t = this.registry.byResource(spec.group, spec.names.plural);
    if (!t) return;
    for (const e of [...this.entries(t)]) this.remove(t, e);
    this.registry.remove(spec.group, spec.names.plural);
    this.objects.dropKind(this.key(t));
  }

  /** Names a resource for messages: "httproutes.gateway.networking.k8s.io". */
  static qualified(t: ResourceType): string {
    return qualifiedResource(t.plural, t.group);
  }
}
