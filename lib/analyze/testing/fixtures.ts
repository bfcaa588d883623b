/** Loads manifest directories for tests (reference environment, conformance manifests). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KObject } from '../../gateway-api/types';
import { parseManifests } from '../load';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

export function yamlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => (statSync(join(path, f)).isDirectory() ? yamlFiles(join(path, f)) : /\.ya?ml$/.test(f) ? [join(path, f)] : []));
}

/** Conformance manifests name their class `{GATEWAY_CLASS_NAME}`; tests substitute a real one. */
export function substitutePlaceholders(text: string): string {
  return text.replace(/\{GATEWAY_CLASS_NAME\}/g, 'conformance-class').replace(/\{[A-Z_]+\}/g, 'placeholder');
}

export function loadObjects(...paths: string[]): KObject[] {
  return paths.flatMap((p) => yamlFiles(p).flatMap((f) => parseManifests(substitutePlaceholders(readFileSync(f, 'utf8')), f)));
}

export function referenceEnv(): KObject[] {
  return loadObjects(join(REPO_ROOT, 'fixtures', 'reference-env'));
}
