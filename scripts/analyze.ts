/**
 * Offline diagnosis of Gateway API manifests:
 *   npm run --silent analyze -- [--json] PATH...   (files, directories recursively, `-` for stdin)
 * Exit 0: no errors found; 1: some error found; 2: input could not be read or parsed, or bad usage.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../lib/analyze';
import { formatTable } from '../lib/analyze/format';
import { ManifestError, parseManifests } from '../lib/analyze/load';
import { GATEWAY_GROUP } from '../lib/gateway-api/kinds';
import type { KObject } from '../lib/gateway-api/types';
import { snapshotFromObjects } from '../lib/model/snapshot';

const USAGE = `usage: npm run --silent analyze -- [--json] PATH...
  PATH   a manifest file (YAML or JSON, multi-document, kind: List), a directory (read recursively), or - for stdin
  --json print the findings as a JSON array
exit status: 0 no errors found, 1 errors found, 2 input could not be read or parsed`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { json: boolean; paths: string[] } {
  let json = false;
  const paths: string[] = [];
  let rest = false;
  for (const a of argv) {
    if (rest || a === '-' || !a.startsWith('-')) paths.push(a);
    else if (a === '--') rest = true;
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new UsageError(`unknown option ${a}`);
  }
  if (paths.length === 0) throw new UsageError('no PATH given');
  return { json, paths };
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => {
      const p = join(path, f);
      return statSync(p).isDirectory() ? filesUnder(p) : /\.(ya?ml|json)$/i.test(f) ? [p] : [];
    });
}

function load(paths: string[]): KObject[] {
  const objects: KObject[] = [];
  for (const path of paths) {
    if (path === '-') {
      objects.push(...parseManifests(readFileSync(0, 'utf8'), '<stdin>'));
      continue;
    }
    let files: string[];
    try {
      files = filesUnder(path);
    } catch (err) {
      throw new ManifestError(path, undefined, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    for (const f of files) {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch (err) {
        throw new ManifestError(f, undefined, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      objects.push(...parseManifests(text, f));
    }
  }
  return objects;
}

/** Status checks only make sense for objects read from a cluster (kubectl get -o yaml carries status). */
function hasControllerStatus(objects: readonly KObject[]): boolean {
  return objects.some((o) => o.apiVersion?.startsWith(`${GATEWAY_GROUP}/`) && o.status && Object.keys(o.status as object).length > 0);
}

function main(): number {
  let args: { json: boolean; paths: string[] };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`analyze: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let objects: KObject[];
  try {
    objects = load(args.paths);
  } catch (err) {
    process.stderr.write(`analyze: ${(err as Error).message}\n`);
    return 2;
  }
  const findings = analyze(snapshotFromObjects(objects), { expectStatus: hasControllerStatus(objects) });
  process.stdout.write(args.json ? JSON.stringify(findings, null, 2) + '\n' : formatTable(findings));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

process.exitCode = main();
