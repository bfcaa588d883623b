/** Loads every YAML document of a directory's *.yaml files as objects (tests, dev pages and the benchmark). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { KObject } from '../../gateway-api/types';

export function loadYamlDir(dir: string): KObject[] {
  const out: KObject[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(/*turbopackIgnore: true*/ dir, f), 'utf8'))) {
      const o = doc.toJS() as KObject | null;
      if (o && typeof o === 'object' && o.kind) out.push(o);
    }
  }
  return out;
}

/** The repository root: from this file when run from source, else the working directory (bundled). */
function projectRoot(): string {
  try {
    const url = import.meta.url;
    if (url.startsWith('file:')) return resolve(/*turbopackIgnore: true*/ dirname(fileURLToPath(url)), '..', '..', '..');
  } catch {
    // bundled: fall through
  }
  return resolve(/*turbopackIgnore: true*/ process.cwd());
}

export const REFERENCE_ENV_DIR = join(/*turbopackIgnore: true*/ projectRoot(), 'fixtures', 'reference-env');
