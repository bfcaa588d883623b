/**
 * The resource verbs: get, list, watch, create, update, patch, delete (and their /status forms),
 * plus SelfSubjectAccessReview. Each handler returns [httpCode, body] or streams (watch).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KObject } from '../gateway-api/types';
import { type ClusterStore, trackedPart } from './cluster-store';
import { StatusError, badRequest, forbidden, methodNotSupported, notFound } from './errors';
import { type Representation, fieldManager, flag, negotiate, parseBody, readBody, readObject } from './negotiate';
import { type FieldSet, applyJsonPatch, applyMerge, fieldSetOf, mergePatch, removeFields, strategicMerge, subtractFields } from './patch';
import { type ResourceType, apiVersionFor } from './registry';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { type Entry, entryBytes } from './storage';
import { partialMetadata, table } from './tables';
import { Renderer, type WatchOptions, serveWatch } from './watch';

export interface ResourceRequest {
  type: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface Context {
  store: ClusterStore;
  deny: Set<string>;
  watch: WatchOptions;
  activeWatches: Set<ServerResponse>;
}

/** A ready-to-send answer: a JSON string body (already serialized) and its status code. */
export interface Answer {
  code: number;
  body: string | Buffer;
  /** Sent as `Warning: 299 - "…"` headers (kubectl prints them). */
  warnings?: string[];
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

const answer = (code: number, obj: unknown, warnings?: string[]): Answer => ({ code, body: JSON.stringify(obj), warnings });

export function denied(ctx: Context, verb: string, plural: string, sub?: string): boolean {
  const res = sub ? `${plural}/${sub}` : plural;
  return ctx.deny.has(`${verb}:${res}`) || ctx.deny.has(`*:${res}`) || ctx.deny.has(`${verb}:*`);
}

function checkAllowed(ctx: Context, verb: string, r: ResourceRequest): void {
  if (denied(ctx, verb, r.type.plural, r.subresource)) throw forbidden(verb, r.type.plural, r.type.group, r.name, r.namespace);
}

function render(ctx: Context, r: ResourceRequest, obj: KObject): KObject {
  return ctx.store.external(r.type, r.version, obj);
}

// ---- reads --------------------------------------------------------------------------------

interface Continue {
  ns: string;
  name: string;
}

function encodeContinue(c: Continue): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeContinue(s: string): Continue {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Continue;
    if (typeof c.ns === 'string' && typeof c.name === 'string') return c;
  } catch {
    /* fall through */
  }
  throw badRequest('continue key is not valid: invalid continue token');
}

/** Index of the first entry after (ns, name) in a list sorted by namespace then name. */
function after(entries: Entry[], c: Continue): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const md = entries[mid].obj.metadata;
    const ns = md.namespace ?? '';
    const le = ns < c.ns || (ns === c.ns && md.name <= c.name);
    if (le) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function get(ctx: Context, req: IncomingMessage, r: ResourceRequest): Answer {
  checkAllowed(ctx, 'get', r);
  const e = ctx.store.entry(r.type, r.namespace, r.name!);
  if (!e) throw notFound(r.type.plural, r.type.group, r.name!);
  const rep = negotiate(req.headers.accept);
  const rd = new Renderer(ctx.store, r.type, r.version);
  if (rep === 'table') return answer(200, table(r.type, r.version, [rd.external(e)], { resourceVersion: e.obj.metadata.resourceVersion }));
  if (rep === 'partial') return answer(200, partialMetadata(rd.external(e)));
  return { code: 200, body: rd.json(e) };
}

export function list(ctx: Context, req: IncomingMessage, res: ServerResponse, r: ResourceRequest, q: URLSearchParams): Answer | undefined {
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'), r.type.fieldLabels ?? []);
  // metadata.namespace in a field selector narrows like a namespaced path does.
  let namespace = r.namespace;
  const nsField = fields.find((f) => f.field === 'metadata.namespace' && !f.negate);
  if (namespace === undefined && nsField && r.type.namespaced) namespace = nsField.value;
  const rep = negotiate(req.headers.accept);
  if (flag(q, 'watch')) {
    checkAllowed(ctx, 'watch', r);
    const rvParam = q.get('resourceVersion');
    const sendInitialEvents = flag(q, 'sendInitialEvents');
    const fromRv = rvParam && rvParam !== '0' && !sendInitialEvents ? Number(rvParam) : undefined;
    if (fromRv !== undefined && !Number.isFinite(fromRv)) throw badRequest(`invalid resource version: ${rvParam}`);
    const timeout = q.get('timeoutSeconds');
    serveWatch(ctx.store, res, {
      type: r.type,
      version: r.version,
      namespace,
      labels,
      fields,
      fromRv,
      sendInitialEvents,
      bookmarks: flag(q, 'allowWatchBookmarks'),
      timeoutSeconds: timeout ? Number(timeout) : undefined,
      rendering: rep === 'json' ? 'object' : rep,
    }, ctx.watch, ctx.activeWatches);
    return undefined;
  }
  checkAllowed(ctx, 'list', r);
  const rv = ctx.store.resourceVersion();
  const rd = new Renderer(ctx.store, r.type, r.version);
  let entries = ctx.store.entries(r.type, namespace);
  if (labels.length || fields.length) {
    entries = entries.filter((e) => (!labels.length || matchLabels(labels, e.obj.metadata.labels)) && (!fields.length || matchFields(fields, rd.external(e) as Record<string, unknown>)));
  }
  const cont = q.get('continue');
  const start = cont ? after(entries, decodeContinue(cont)) : 0;
  const limit = Number(q.get('limit') ?? 0);
  let page = entries;
  const meta: Record<string, unknown> = { resourceVersion: rv };
  if (start > 0 || (limit > 0 && entries.length - start > limit)) {
    const end = limit > 0 ? Math.min(entries.length, start + limit) : entries.length;
    page = entries.slice(start, end);
    if (end < entries.length) {
      const last = page[page.length - 1].obj.metadata;
      meta.continue = encodeContinue({ ns: last.namespace ?? '', name: last.name });
      meta.remainingItemCount = entries.length - end;
    }
  }
  return listAnswer(r, rd, page, meta, rep, q);
}

function listAnswer(r: ResourceRequest, rd: Renderer, page: Entry[], meta: Record<string, unknown>, rep: Representation, q: URLSearchParams): Answer {
  if (rep === 'table') {
    const t = table(r.type, r.version, page.map((e) => rd.external(e)), meta);
    if (q.get('includeObject') === 'Object') (t.rows as { object: unknown }[]).forEach((row, i) => (row.object = rd.external(page[i])));
    return answer(200, t);
  }
  if (rep === 'partial') {
    return answer(200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: meta, items: page.map((e) => partialMetadata(e.obj)) });
  }
  // Plain lists are built from each object's cached JSON: no per-request serialization.
  const head = `{"kind":${JSON.stringify(`${r.type.kind}List`)},"apiVersion":${JSON.stringify(apiVersionFor(r.type.group, r.version))},"metadata":${JSON.stringify(meta)},"items":[`;
  if (rd.storedShape) {
    const av = apiVersionFor(r.type.group, r.version);
    const bufs = new Array<Buffer>(page.length * 2 + 1);
    bufs[0] = Buffer.from(head);
    for (let i = 0; i < page.length; i++) {
      const e = page[i];
      // An object stored before its CRD's storage version changed still needs its apiVersion swapped.
      bufs[2 * i + 1] = e.obj.apiVersion === av ? entryBytes(e) : Buffer.from(rd.json(e));
      bufs[2 * i + 2] = i === page.length - 1 ? CLOSE : COMMA;
    }
    if (!page.length) bufs[0] = Buffer.from(`${head}]}`);
    return { code: 200, body: Buffer.concat(page.length ? bufs : [bufs[0]]) };
  }
  const parts = new Array<string>(page.length);
  for (let i = 0; i < page.length; i++) parts[i] = rd.json(page[i]);
  return { code: 200, body: `${head}${parts.join(',')}]}` };
}

// ---- writes -------------------------------------------------------------------------------

function writeOptions(req: IncomingMessage, q: URLSearchParams) {
  const dry = q.getAll('dryRun');
  if (dry.some((d) => d !== 'All')) throw badRequest(`invalid dry run value: ${dry.join(',')}`);
  const fv = q.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Strict' && fv !== 'Warn' && fv !== 'Ignore') throw badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${fv}"`);
  return { dryRun: dry.length > 0, manager: fieldManager(q, req), fieldValidation: fv as 'Strict' | 'Warn' | 'Ignore', warnings: [] as string[] };
}

function asObject(body: unknown): KObject {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the request body must be a JSON object');
  return body as KObject;
}

/** Fills apiVersion/kind/namespace from the URL and refuses a body that names something else. */
function conform(r: ResourceRequest, obj: KObject): KObject {
  const av = apiVersionFor(r.type.group, r.version);
  obj.apiVersion ??= av;
  obj.kind ??= r.type.kind;
  if (obj.apiVersion !== av || obj.kind !== r.type.kind) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${av})`);
  }
  obj.metadata ??= { name: '' };
  if (r.type.namespaced) {
    obj.metadata.namespace ??= r.namespace;
    if (obj.metadata.namespace !== r.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (r.name !== undefined) {
    obj.metadata.name ??= r.name;
    if (obj.metadata.name !== r.name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${r.name})`);
  }
  return obj;
}

export async function create(ctx: Context, req: IncomingMessage, r: ResourceRequest, q: URLSearchParams): Promise<Answer> {
  if (r.name) throw methodNotSupported(`the server does not allow this method on the requested resource`);
  const body = await readObject(req);
  if (r.type.kind === 'SelfSubjectAccessReview') return accessReview(ctx, body);
  checkAllowed(ctx, 'create', r);
  const obj = conform(r, asObject(body));
  const opts = writeOptions(req, q);
  const out = ctx.store.create(obj, { ...opts, owned: true });
  return answer(201, render(ctx, r, out), opts.warnings);
}

export async function replace(ctx: Context, req: IncomingMessage, r: ResourceRequest, q: URLSearchParams): Promise<Answer> {
  checkAllowed(ctx, 'update', r);
  const obj = conform(r, asObject(await readObject(req)));
  const opts = writeOptions(req, q);
  if (r.subresource === 'status') {
    const out = ctx.store.updateStatus({ group: r.type.group, kind: r.type.kind, namespace: r.namespace, name: r.name! }, obj.status, obj.metadata.resourceVersion, opts);
    return answer(200, render(ctx, r, out), opts.warnings);
  }
  return answer(200, render(ctx, r, ctx.store.update(obj, { ...opts, owned: true })), opts.warnings);
}

export async function patch(ctx: Context, req: IncomingMessage, r: ResourceRequest, q: URLSearchParams): Promise<Answer> {
  checkAllowed(ctx, 'patch', r);
  const ct = (req.headers['content-type'] ?? '').split(';')[0].trim();
  const text = await readBody(req);
  const opts = writeOptions(req, q);
  const ref = { group: r.type.group, kind: r.type.kind, namespace: r.namespace, name: r.name! };
  if (ct === 'application/apply-patch+yaml') return apply(ctx, r, conform(r, asObject(parseBody(text, 'yaml'))), opts, q);
  const cur = ctx.store.entry(r.type, r.namespace, r.name!);
  if (!cur) throw notFound(r.type.plural, r.type.group, r.name!);
  const current = render(ctx, r, cur.obj);
  let patched: unknown;
  switch (ct) {
    case 'application/merge-patch+json':
      patched = mergePatch(current, parseBody(text, ct));
      break;
    case 'application/json-patch+json':
      patched = applyJsonPatch(current, parseBody(text, ct));
      break;
    case 'application/strategic-merge-patch+json':
      if (!r.type.builtin) {
        throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`);
      }
      patched = strategicMerge(current, parseBody(text, ct));
      break;
    default:
      throw new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${r.type.builtin ? ', application/strategic-merge-patch+json' : ''}`);
  }
  const obj = asObject(patched);
  if (obj.metadata?.name !== r.name) throw badRequest('metadata.name cannot be changed by a patch');
  if (r.subresource === 'status') {
    return answer(200, render(ctx, r, ctx.store.updateStatus(ref, obj.status, obj.metadata.resourceVersion, opts)), opts.warnings);
  }
  return answer(200, render(ctx, r, ctx.store.update(obj, opts)), opts.warnings);
}

/**
 * Server-side apply, simplified: create if missing, else merge the applied configuration (maps field
 * by field, lists whole) and drop fields this manager applied before but no longer does. Conflicts
 * between managers are not detected.
 */
function apply(ctx: Context, r: ResourceRequest, applied: KObject, opts: ReturnType<typeof writeOptions>, q: URLSearchParams): Answer {
  if (!q.get('fieldManager')) throw badRequest('PATCH, application/apply-patch+yaml requests must have a fieldManager');
  const sub = r.subresource;
  const fields = fieldSetOf(trackedPart(applied, sub));
  const cur = ctx.store.entry(r.type, r.namespace, r.name!);
  if (!cur) {
    if (sub === 'status') throw notFound(r.type.plural, r.type.group, r.name!);
    const out = ctx.store.create(applied, { ...opts, operation: 'Apply', owned: true });
    return answer(201, render(ctx, r, out), opts.warnings);
  }
  const current = render(ctx, r, cur.obj);
  const mine = (cur.obj.metadata.managedFields ?? []).find((m) => m.manager === opts.manager && m.operation === 'Apply' && (m.subresource ?? undefined) === sub);
  const dropped = subtractFields((mine?.fieldsV1 ?? {}) as FieldSet, fields);
  let merged = applyMerge(current, applied) as KObject;
  if (Object.keys(dropped).length) merged = removeFields(merged, dropped) as KObject;
  merged.metadata = { ...merged.metadata, resourceVersion: applied.metadata.resourceVersion ?? cur.obj.metadata.resourceVersion };
  const wopts = { ...opts, operation: 'Apply' as const, appliedFields: fields };
  if (sub === 'status') {
    const ref = { group: r.type.group, kind: r.type.kind, namespace: r.namespace, name: r.name! };
    return answer(200, render(ctx, r, ctx.store.updateStatus(ref, merged.status, merged.metadata.resourceVersion, wopts)), opts.warnings);
  }
  return answer(200, render(ctx, r, ctx.store.update(merged, wopts)), opts.warnings);
}

export async function remove(ctx: Context, req: IncomingMessage, r: ResourceRequest, q: URLSearchParams): Promise<Answer> {
  const text = await readBody(req);
  const opts = writeOptions(req, q);
  if (!r.name) return removeCollection(ctx, r, q, opts.dryRun);
  checkAllowed(ctx, 'delete', r);
  const ref = { group: r.type.group, kind: r.type.kind, namespace: r.namespace, name: r.name };
  if (text.trim()) {
    const body = parseBody(text, 'json') as { preconditions?: { uid?: string; resourceVersion?: string } };
    const pre = body?.preconditions;
    const cur = ctx.store.entry(r.type, r.namespace, r.name);
    if (pre && cur) {
      if (pre.uid && pre.uid !== cur.obj.metadata.uid) throw new StatusError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.obj.metadata.uid}`);
      if (pre.resourceVersion && pre.resourceVersion !== cur.obj.metadata.resourceVersion) {
        throw new StatusError(409, 'Conflict', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${cur.obj.metadata.resourceVersion}`);
      }
    }
  }
  return answer(200, render(ctx, r, ctx.store.delete(ref, opts)));
}

function removeCollection(ctx: Context, r: ResourceRequest, q: URLSearchParams, dryRun: boolean): Answer {
  checkAllowed(ctx, 'deletecollection', r);
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'), r.type.fieldLabels ?? []);
  const rd = new Renderer(ctx.store, r.type, r.version);
  const items: KObject[] = [];
  for (const e of [...ctx.store.entries(r.type, r.namespace)]) {
    if (!matchLabels(labels, e.obj.metadata.labels) || !matchFields(fields, rd.external(e) as Record<string, unknown>)) continue;
    const md = e.obj.metadata;
    items.push(render(ctx, r, ctx.store.delete({ group: r.type.group, kind: r.type.kind, namespace: md.namespace, name: md.name }, { dryRun })));
  }
  return answer(200, { kind: `${r.type.kind}List`, apiVersion: apiVersionFor(r.type.group, r.version), metadata: { resourceVersion: ctx.store.resourceVersion() }, items });
}

/** SelfSubjectAccessReview: everything is allowed except what the emulator was told to deny. */
function accessReview(ctx: Context, body: unknown): Answer {
  const spec = ((body as { spec?: Record<string, unknown> })?.spec ?? {}) as Record<string, unknown>;
  const ra = (spec.resourceAttributes ?? {}) as Record<string, string>;
  const isDenied = ra.verb !== undefined && denied(ctx, ra.verb, ra.resource ?? '', ra.subresource || undefined);
  const status: Record<string, unknown> = { allowed: !isDenied };
  if (isDenied) {
    status.denied = true;
    status.reason = `denied by the demo cluster's deny list (${ra.verb}:${ra.resource})`;
  }
  return answer(201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status });
}
