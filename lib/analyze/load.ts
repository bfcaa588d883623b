/**
 * Reads Kubernetes manifests for offline analysis: multi-document YAML or JSON, `kind: List` (as
 * `kubectl get -o yaml` prints), with parse errors reported by file and line.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { KObject } from '../gateway-api/types';

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Flattens `kind: List` (and `*List`) documents into their items. */
function flatten(doc: unknown, out: KObject[]): void {
  if (!isObject(doc)) return;
  if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) {
    for (const item of doc.items) flatten(item, out);
    return;
  }
  if (typeof doc.kind === 'string' && isObject(doc.metadata) && typeof doc.metadata.name === 'string') out.push(doc as unknown as KObject);
}

/** Parses one file's text; throws ManifestError with the line of the first syntax error. */
export function parseManifests(text: string, file: string): KObject[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const out: KObject[] = [];
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    const err = d.errors[0];
    if (err) {
      const line = lineCounter.linePos(err.pos[0]).line;
      throw new ManifestError(file, line, err.message.split('\n')[0] ?? 'YAML syntax error');
    }
    flatten(d.toJS({ maxAliasCount: 100 }), out);
  }
  return out;
}
