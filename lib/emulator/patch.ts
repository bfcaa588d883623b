/**
 * The four patch types kube-apiserver accepts: JSON merge patch (RFC 7386), JSON patch (RFC 6902,
 * via fast-json-patch), strategic merge patch (built-in kinds: lists merged by their patch key) and
 * the field-merge used for server-side apply.
 */
import jsonpatch, { type Operation } from 'fast-json-patch';
import { StatusError, badRequest } from './errors';

type Json = unknown;
type Obj = Record<string, Json>;

function isObj(v: Json): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 7386. Returns a new value; neither input is changed. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * RFC 6902. A failed `test` op or a bad path answers 422 Invalid, as kube-apiserver does for any error
 * applying a JSON patch; a malformed patch document is 400 BadRequest.
 */
export function applyJsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    const copy = structuredClone(doc);
    return jsonpatch.applyPatch(copy, ops as Operation[], true, true, true).newDocument;
  } catch (err) {
    const e = err as { name?: string; message?: string; operation?: { op?: string; path?: string } };
    const op = e.operation;
    let detail = e.message?.split('\n')[0] ?? 'invalid patch';
    if (e.name === 'TEST_OPERATION_FAILED' || /Test operation failed/i.test(detail)) detail = `testing value ${op?.path ?? ''} failed: test failed`;
    else if (op?.path !== undefined) detail = `${op.op} operation does not apply: doc is missing path: "${op.path}": missing value`;
    throw new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
      causes: [{ reason: 'FieldValueInvalid', message: detail }],
    });
  }
}

/** Merge keys of the list fields kubectl's strategic merge patches touch on the built-in kinds. */
const MERGE_KEYS: Record<string, string> = {
  ports: 'port', // Service spec.ports (containers' ports use containerPort, handled below)
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  tolerations: 'key',
  conditions: 'type',
  rules: '', // Ingress rules: atomic
  tls: '',
};

function mergeKeyFor(field: string, items: Json[]): string | undefined {
  if (field === 'ports' && items.some((i) => isObj(i) && 'containerPort' in i)) return 'containerPort';
  const k = MERGE_KEYS[field];
  return k ? k : undefined;
}

/** Strategic merge patch for built-in kinds: `$`-directives honoured where simple, lists merged by key. */
export function strategicMerge(target: Json, patch: Json, field = ''): Json {
  if (!isObj(patch)) {
    if (Array.isArray(patch)) return mergeList(field, target, patch);
    return patch;
  }
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    void _ignored;
    return stripDirectives(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue; // $setElementOrder/…, $retainKeys, $deleteFromPrimitiveList/…
    if (v === null) delete out[k];
    else {
      const merged = strategicMerge(out[k], v, k);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  for (const k of Object.keys(patch)) {
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length);
      const drop = patch[k];
      if (Array.isArray(out[f]) && Array.isArray(drop)) out[f] = (out[f] as Json[]).filter((x) => !drop.includes(x));
    }
  }
  return out;
}

function mergeList(field: string, target: Json, patch: Json[]): Json {
  const key = mergeKeyFor(field, patch);
  if (!key || !Array.isArray(target)) return patch.filter((p) => !(isObj(p) && p.$patch === 'delete')).map(stripDirectives);
  const out = [...target];
  for (const item of patch) {
    if (!isObj(item) || !(key in item)) {
      out.push(stripDirectives(item));
      continue;
    }
    const i = out.findIndex((t) => isObj(t) && t[key] === item[key]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMerge(out[i], item, '');
    else out.push(stripDirectives(item));
  }
  return out;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

/** A FieldsV1 tree ({"f:spec":{"f:rules":{}}}): maps are followed, lists and scalars are leaves. */
export type FieldSet = { [k: string]: FieldSet };

export function fieldSetOf(v: Json): FieldSet {
  const out: FieldSet = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) out[`f:${k}`] = isObj(x) ? fieldSetOf(x) : {};
  return out;
}

/** Fields that differ between a and b (added, changed or removed), as a FieldSet. */
export function changedFields(a: Json, b: Json): FieldSet {
  const out: FieldSet = {};
  const ao = isObj(a) ? a : {};
  const bo = isObj(b) ? b : {};
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const x = ao[k];
    const y = bo[k];
    if (isObj(x) && isObj(y)) {
      const sub = changedFields(x, y);
      if (Object.keys(sub).length) out[`f:${k}`] = sub;
    } else if (JSON.stringify(x) !== JSON.stringify(y)) out[`f:${k}`] = isObj(y) ? fieldSetOf(y) : {};
  }
  return out;
}

export function unionFields(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? unionFields(out[k], v) : v;
  return out;
}

/** a minus b: leaves of b are removed from a (with everything under them). */
export function subtractFields(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const [k, v] of Object.entries(a)) {
    if (!(k in b)) out[k] = v;
    else if (Object.keys(b[k]).length && Object.keys(v).length) {
      const sub = subtractFields(v, b[k]);
      if (Object.keys(sub).length) out[k] = sub;
    }
  }
  return out;
}

/** Removes from obj the leaves of `fields` (server-side apply dropping fields a manager no longer applies). */
export function removeFields(obj: Json, fields: FieldSet): Json {
  if (!isObj(obj)) return obj;
  const out: Obj = { ...obj };
  for (const [fk, sub] of Object.entries(fields)) {
    const k = fk.slice(2);
    if (!(k in out)) continue;
    if (Object.keys(sub).length === 0) delete out[k];
    else {
      const r = removeFields(out[k], sub);
      if (isObj(r) && Object.keys(r).length === 0) delete out[k];
      else out[k] = r;
    }
  }
  return out;
}

/** Server-side apply's merge: maps merged field by field, lists and scalars replaced (atomic). */
export function applyMerge(target: Json, applied: Json): Json {
  if (!isObj(applied) || !isObj(target)) return applied;
  const out: Obj = { ...target };
  for (const [k, v] of Object.entries(applied)) out[k] = v === null ? v : applyMerge(out[k], v);
  return out;
}
