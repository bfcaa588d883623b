/** Where the bundled fixtures live: next to this module in the repo, or under the working directory. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  try {
    // Not `new URL('../..', import.meta.url)`: bundlers treat that pattern as an asset import.
    const here = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    if (existsSync(join(here, 'fixtures', 'crds'))) return here;
  } catch {
    // bundled (e.g. by Next.js): import.meta.url may not be a file URL
  }
  return resolve(process.cwd());
}

export const defaultCrdsDir = (): string => join(projectRoot(), 'fixtures', 'crds');
export const defaultFixturesDir = (): string => join(projectRoot(), 'fixtures', 'reference-env');
