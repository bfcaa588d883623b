/**
 * Loading YAML manifests at start: every *.yaml / *.yml in a directory (multi-document), namespaces
 * first, CRDs next, the rest in file order. A document that does not parse or is refused is reported
 * as {file, document, message}; the rest still load. Status in manifests is dropped (a controller writes it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import type { KObject } from '../gateway-api/types';
import type { LoadError } from './api';
import type { ClusterStore } from './cluster-store';

interface Doc {
  file: string;
  document: number;
  obj: KObject;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`fixtures directory not found: ${dir}`);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

type Parsed = { document: number; obj?: unknown; error?: string }[];

/**
 * Parsing the Gateway API CRDs (~30k lines of YAML) takes seconds, so parsed documents are kept in
 * memory and in a JSON cache under the temp directory, keyed by the file's content hash.
 */
const memo = new Map<string, Parsed>();

function parseFile(file: string): Parsed {
  const text = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 24);
  const hit = memo.get(hash);
  if (hit) return hit;
  const cacheFile = join(tmpdir(), `gatewatch-yaml-${hash}.json`);
  const big = text.length > 64 * 1024;
  if (big && existsSync(cacheFile)) {
    try {
      const parsed = JSON.parse(readFileSync(cacheFile, 'utf8')) as Parsed;
      memo.set(hash, parsed);
      return parsed;
    } catch {
      // a damaged cache file: parse again below
    }
  }
  const parsed: Parsed = YAML.parseAllDocuments(text).map((d, i) =>
    d.errors.length ? { document: i + 1, error: d.errors[0].message.split('\n')[0] } : { document: i + 1, obj: d.toJS() as unknown },
  );
  if (big) {
    memo.set(hash, parsed);
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, JSON.stringify(parsed));
      renameSync(tmp, cacheFile);
    } catch {
      // the cache is an optimisation only
    }
  }
  return parsed;
}

export function parseManifests(files: string[], errors: LoadError[]): Doc[] {
  const docs: Doc[] = [];
  for (const file of files) {
    let parsed: Parsed;
    try {
      parsed = parseFile(file);
    } catch (err) {
      errors.push({ file, document: 0, message: (err as Error).message });
      continue;
    }
    parsed.forEach((d) => {
      const document = d.document;
      if (d.error !== undefined) {
        errors.push({ file, document, message: d.error });
        return;
      }
      // Documents are handed to the store (which may change them): copy cached ones.
      const obj = structuredClone(d.obj);
      if (obj === null || obj === undefined) return; // an empty document (comments only)
      const items = isList(obj) ? (obj as { items: unknown[] }).items : [obj];
      for (const item of items) {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          errors.push({ file, document, message: 'not a Kubernetes object (expected a mapping with apiVersion, kind and metadata)' });
          continue;
        }
        const o = item as KObject;
        if (!o.apiVersion || !o.kind) {
          errors.push({ file, document, message: 'object has no apiVersion or kind' });
          continue;
        }
        docs.push({ file, document, obj: o });
      }
    });
  }
  return docs;
}

function isList(o: unknown): boolean {
  const x = o as { kind?: unknown; items?: unknown };
  return typeof x.kind === 'string' && x.kind.endsWith('List') && Array.isArray(x.items);
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** JSON with object keys sorted, as Go's encoding/json writes maps (what kubectl stores). */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as Record<string, unknown>).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Loads objects as `kubectl apply -f` would have: with the last-applied annotation, so re-applying a
 * fixture file with kubectl reports "unchanged" instead of warning about a missing annotation.
 */
function recordLastApplied(obj: KObject): void {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  if (LAST_APPLIED in annotations) return;
  const manifest = { ...obj, metadata: { ...obj.metadata, annotations } };
  obj.metadata.annotations = { ...annotations, [LAST_APPLIED]: `${sortedJson(manifest)}\n` };
}

const rank = (o: KObject): number => (o.kind === 'Namespace' ? 0 : o.kind === 'CustomResourceDefinition' ? 1 : 2);

/** Creates the objects of every manifest in `dirOrFiles`; returns what failed. */
export function loadManifests(store: ClusterStore, dirOrFiles: string | string[]): LoadError[] {
  const errors: LoadError[] = [];
  let files: string[];
  try {
    files = Array.isArray(dirOrFiles) ? dirOrFiles : yamlFiles(dirOrFiles);
  } catch (err) {
    return [{ file: String(dirOrFiles), document: 0, message: (err as Error).message }];
  }
  const docs = parseManifests(files, errors);
  docs.sort((a, b) => rank(a.obj) - rank(b.obj)); // stable: file order within a rank
  for (const d of docs) {
    const obj = d.obj;
    if (obj.kind !== 'CustomResourceDefinition') delete obj.status;
    if (!obj.metadata || typeof obj.metadata !== 'object') {
      errors.push({ file: d.file, document: d.document, message: 'object has no metadata' });
      continue;
    }
    const t = store.registry.forObject(String(obj.apiVersion), String(obj.kind));
    if (t?.type.namespaced && !obj.metadata.namespace) obj.metadata.namespace = 'default';
    recordLastApplied(obj);
    try {
      store.create(obj, { owned: true, manager: 'kubectl-client-side-apply' });
    } catch (err) {
      errors.push({ file: d.file, document: d.document, message: (err as Error).message });
    }
  }
  return errors;
}
