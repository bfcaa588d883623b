/**
 * Object validation as kube-apiserver does it on create/update/patch: metadata names, and for CRD
 * kinds the version's OpenAPI v3 schema (via ajv), with unknown fields pruned and schema defaults
 * applied. CEL rules (x-kubernetes-validations) are not evaluated.
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { KObject } from '../gateway-api/types';
import type { StatusCause } from './errors';
import type { JSONSchema, ResourceType } from './registry';

// ajv and ajv-formats are CommonJS; under ESM the callable export may sit on `.default`.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const ajv = new Ajv({ strict: false, allErrors: true, useDefaults: true, removeAdditional: true, logger: false, validateFormats: true });
addFormats(ajv);
// Kubernetes formats that ajv-formats does not know: accept them as kube-openapi does for these.
for (const f of ['int32', 'int64', 'byte', 'float', 'double', 'binary', 'password', 'duration', 'cidr', 'mac', 'quantity']) {
  ajv.addFormat(f, true);
}

/**
 * Makes a structural schema prune like the apiserver: objects with `properties` and neither
 * `additionalProperties` nor x-kubernetes-preserve-unknown-fields drop unknown keys.
 */
function prepare(schema: unknown, root = true, structural = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => prepare(s, false, structural));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
    if (k === 'x-kubernetes-validations') continue;
    if (k === 'enum' || k === 'default' || k === 'example') out[k] = v;
    // Value validations (oneOf/anyOf/allOf/not) only constrain; pruning there would delete fields
    // that another branch or the structural schema allows (e.g. a Gateway address's value).
    else if (k === 'oneOf' || k === 'anyOf' || k === 'allOf' || k === 'not') out[k] = prepare(v, false, false);
    else if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([pk, pv]) => [pk, prepare(pv, false, structural)]));
    } else out[k] = prepare(v, false, structural);
  }
  if (structural && out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  if (root) {
    // apiVersion/kind/metadata are always allowed at the root, and metadata is validated separately.
    const props = { ...((out.properties as Record<string, unknown>) ?? {}) };
    props.apiVersion ??= { type: 'string' };
    props.kind ??= { type: 'string' };
    props.metadata = { type: 'object' };
    out.properties = props;
    out.type ??= 'object';
  }
  return out;
}

// Compiling a Gateway API schema takes a while: share one validator per distinct schema (versions
// of a CRD usually carry the same one) across every emulator in the process.
interface Compiled {
  fn: ValidateFunction;
  /** The schema has oneOf/anyOf/allOf/not: defaults must be in place before those are judged. */
  twoPass: boolean;
}
const byObject = new WeakMap<JSONSchema, Compiled>();
const byText = new Map<string, Compiled>();

function validatorFor(schema: JSONSchema): Compiled {
  let c = byObject.get(schema);
  if (c) return c;
  const text = JSON.stringify(schema);
  c = byText.get(text);
  if (!c) {
    c = { fn: ajv.compile(prepare(schema) as object), twoPass: /"(oneOf|anyOf|allOf|not)":/.test(text) };
    byText.set(text, c);
  }
  byObject.set(schema, c);
  return c;
}

/** "/spec/rules/0/backendRefs/1/weight" → "spec.rules[0].backendRefs[1].weight" */
export function fieldPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function valueAt(obj: unknown, pointer: string): unknown {
  let cur = obj;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** One ajv error → one Kubernetes field error, worded like kube-openapi's validators. */
function toCause(e: ErrorObject, obj: unknown): StatusCause | undefined {
  const field = fieldPath(e.instancePath);
  const value = valueAt(obj, e.instancePath);
  const inv = (msg: string): StatusCause => ({ reason: 'FieldValueInvalid', field, message: `Invalid value: ${show(value)}: ${field} in body ${msg}` });
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const f = field ? `${field}.${String(p.missingProperty)}` : String(p.missingProperty);
      return { reason: 'FieldValueRequired', field: f, message: 'Required value' };
    }
    case 'type':
      return { reason: 'FieldValueTypeInvalid', field, message: `Invalid value: ${show(value)}: ${field} in body must be of type ${String(p.type)}: ${show(value)}` };
    case 'minimum':
      return inv(`should be greater than or equal to ${String(p.limit)}`);
    case 'maximum':
      return inv(`should be less than or equal to ${String(p.limit)}`);
    case 'exclusiveMinimum':
      return inv(`should be greater than ${String(p.limit)}`);
    case 'exclusiveMaximum':
      return inv(`should be less than ${String(p.limit)}`);
    case 'enum':
      return { reason: 'FieldValueNotSupported', field, message: `Unsupported value: ${show(value)}: supported values: ${(p.allowedValues as unknown[]).map(show).join(', ')}` };
    case 'maxLength':
      return { reason: 'FieldValueTooLong', field, message: `Too long: may not be more than ${String(p.limit)} bytes` };
    case 'minLength':
      return inv(`should be at least ${String(p.limit)} chars long`);
    case 'pattern':
      return inv(`should match '${String(p.pattern)}'`);
    case 'maxItems':
      return { reason: 'FieldValueTooMany', field, message: `Too many: ${Array.isArray(value) ? value.length : '?'}: must have at most ${String(p.limit)} items` };
    case 'minItems':
      return inv(`should have at least ${String(p.limit)} items`);
    case 'maxProperties':
      return { reason: 'FieldValueTooMany', field, message: `Too many: must have at most ${String(p.limit)} items` };
    case 'minProperties':
      return inv(`should have at least ${String(p.limit)} properties`);
    case 'uniqueItems':
      return { reason: 'FieldValueDuplicate', field, message: `Duplicate value: ${show(value)}` };
    case 'format':
      return inv(`must be of type ${String(p.format)}: ${show(value)}`);
    case 'if':
    case 'anyOf':
    case 'oneOf':
    case 'not':
      return undefined; // their branch errors already say what is wrong
    default:
      return inv(e.message ?? 'is invalid');
  }
}

/**
 * Validates `obj` (mutated: unknown fields pruned, defaults applied) against the CRD schema of `version`.
 * Returns field errors; empty when valid.
 */
export function validateSchema(type: ResourceType, version: string, obj: KObject): StatusCause[] {
  const schema = type.schemas?.get(version);
  if (!schema) return [];
  const { fn, twoPass } = validatorFor(schema);
  // kube-apiserver defaults, then validates; ajv does both in one pass, in keyword order, so a
  // oneOf may be judged before a default it depends on is set. A first pass settles the defaults.
  if (twoPass) fn(obj);
  if (fn(obj)) return [];
  const seen = new Set<string>();
  const out: StatusCause[] = [];
  for (const e of fn.errors ?? []) {
    const c = toCause(e, obj);
    if (!c) continue;
    const k = `${c.field}|${c.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(c);
    }
  }
  return out.length ? out : [{ reason: 'FieldValueInvalid', message: 'Invalid value: object does not match the schema' }];
}

/**
 * Fields the schema does not know (what fieldValidation=Strict refuses and Warn reports), as field
 * paths ("spec.rules[0].bakendRefs"). apiVersion, kind and metadata are not checked.
 */
export function unknownFields(type: ResourceType, version: string, obj: KObject): string[] {
  const schema = type.schemas?.get(version);
  if (!schema) return [];
  const out: string[] = [];
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'metadata') continue;
    if (k in props) walkUnknown(props[k], v, k, out);
    else out.push(k);
  }
  return out;
}

function walkUnknown(schema: unknown, value: unknown, path: string, out: string[]): void {
  if (!schema || typeof schema !== 'object' || value === null || typeof value !== 'object') return;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((v, i) => walkUnknown(s.items, v, `${path}[${i}]`, out));
    return;
  }
  const props = s.properties as Record<string, unknown> | undefined;
  const addl = s.additionalProperties;
  const open = s['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = `${path}.${k}`;
    if (props && k in props) walkUnknown(props[k], v, p, out);
    else if (addl && typeof addl === 'object') walkUnknown(addl, v, p, out);
    else if (!open && (props || addl === false)) out.push(p);
  }
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** metadata checks shared by every kind (name present and well-formed). */
export function validateMetadata(type: ResourceType, obj: KObject): StatusCause[] {
  const name = obj.metadata?.name;
  if (!name) return [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }];
  if (type.kind === 'Service') {
    if (name.length > 63 || !DNS1035_LABEL.test(name)) {
      return [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')` }];
    }
  } else if (type.kind === 'Namespace') {
    if (name.length > 63 || !DNS1123_LABEL.test(name)) {
      return [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')` }];
    }
  } else if (type.kind !== 'Event' && (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))) {
    return [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` }];
  }
  return [];
}
