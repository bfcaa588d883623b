/**
 * Just enough of the Kubernetes protobuf encoding to read the bodies kubectl's typed commands send
 * (`kubectl create namespace|configmap|secret`, `kubectl auth can-i`): the runtime.Unknown envelope
 * and the few message types below. Everything else answers 415 and clients fall back to JSON.
 */
import type { KObject } from '../gateway-api/types';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

type Fields = Map<number, (bigint | Buffer)[]>;

function readFields(buf: Buffer): Fields {
  const out: Fields = new Map();
  let i = 0;
  const varint = (): bigint => {
    let shift = 0n;
    let v = 0n;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated protobuf varint');
      const b = buf[i++];
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const key = Number(varint());
    const field = key >> 3;
    const wire = key & 7;
    let value: bigint | Buffer;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const len = Number(varint());
      value = buf.subarray(i, i + len);
      i += len;
    } else if (wire === 1) {
      value = buf.subarray(i, i + 8);
      i += 8;
    } else if (wire === 5) {
      value = buf.subarray(i, i + 4);
      i += 4;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    const list = out.get(field);
    if (list) list.push(value);
    else out.set(field, [value]);
  }
  return out;
}

const str = (f: Fields, n: number): string | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
};
const msg = (f: Fields, n: number): Fields | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? readFields(v) : undefined;
};
const strings = (f: Fields, n: number): string[] => (f.get(n) ?? []).filter(Buffer.isBuffer).map((b) => (b as Buffer).toString('utf8'));

function map(f: Fields, n: number, bytesAsBase64 = false): Record<string, string> | undefined {
  const entries = (f.get(n) ?? []).filter(Buffer.isBuffer) as Buffer[];
  if (!entries.length) return undefined;
  const out: Record<string, string> = {};
  for (const e of entries) {
    const kv = readFields(e);
    const v = kv.get(2)?.[0];
    out[str(kv, 1) ?? ''] = Buffer.isBuffer(v) ? (bytesAsBase64 ? v.toString('base64') : v.toString('utf8')) : '';
  }
  return out;
}

function objectMeta(f: Fields | undefined): KObject['metadata'] {
  const md: Record<string, unknown> = {};
  if (!f) return md as unknown as KObject['metadata'];
  const put = (k: string, v: unknown) => v !== undefined && (md[k] = v);
  put('name', str(f, 1));
  put('generateName', str(f, 2));
  put('namespace', str(f, 3));
  put('labels', map(f, 11));
  put('annotations', map(f, 12));
  const fin = strings(f, 14);
  if (fin.length) md.finalizers = fin;
  return md as unknown as KObject['metadata'];
}

function decodeKind(kind: string, apiVersion: string, raw: Fields): KObject {
  const base = { apiVersion, kind, metadata: objectMeta(msg(raw, 1)) } as KObject;
  switch (`${apiVersion}/${kind}`) {
    case 'v1/Namespace':
      return base;
    case 'v1/ConfigMap':
      return { ...base, ...(map(raw, 2) ? { data: map(raw, 2) } : {}), ...(map(raw, 3, true) ? { binaryData: map(raw, 3, true) } : {}) };
    case 'v1/Secret':
      return { ...base, ...(map(raw, 2, true) ? { data: map(raw, 2, true) } : {}), ...(str(raw, 3) ? { type: str(raw, 3) } : {}), ...(map(raw, 4) ? { stringData: map(raw, 4) } : {}) };
    case 'authorization.k8s.io/v1/SelfSubjectAccessReview': {
      const spec = msg(raw, 2);
      const ra = spec && msg(spec, 1);
      const nra = spec && msg(spec, 2);
      const attrs: Record<string, string> = {};
      if (ra) ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'].forEach((k, i) => {
        const v = str(ra, i + 1);
        if (v) attrs[k] = v;
      });
      return { ...base, spec: { ...(ra ? { resourceAttributes: attrs } : {}), ...(nra ? { nonResourceAttributes: { path: str(nra, 1), verb: str(nra, 2) } } : {}) } };
    }
    default:
      throw new Error(`protobuf bodies for ${apiVersion}/${kind} are not supported; send JSON`);
  }
}

/** Decodes a `k8s\0`-prefixed runtime.Unknown body into a JSON-shaped object. */
export function decodeProtobuf(body: Buffer): KObject {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('not a Kubernetes protobuf body');
  const unknown = readFields(body.subarray(4));
  const tm = msg(unknown, 1);
  const apiVersion = (tm && str(tm, 1)) ?? '';
  const kind = (tm && str(tm, 2)) ?? '';
  const raw = unknown.get(2)?.[0];
  return decodeKind(kind, apiVersion, readFields(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0)));
}
