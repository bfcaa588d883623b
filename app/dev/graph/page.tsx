import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { buildTopology, snapshotFromObjects } from '@/lib/model';
import type { KObject } from '@/lib/gateway-api/types';
import DevGraph from './DevGraph';

export const metadata = { title: 'Gatewatch · graph (development)' };
export const dynamic = 'force-dynamic';

function loadYamlDir(dir: string): KObject[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as KObject | null))
    .filter((o): o is KObject => !!o && typeof o === 'object' && !!o.kind);
}

/** Development page for the graph canvas (not linked from the product). */
export default function Page() {
  // The reference environment as lib/model builds it (no controller: statuses are absent), for ?set=model.
  const model = buildTopology(
    snapshotFromObjects(loadYamlDir(join(process.cwd(), 'fixtures/reference-env'))),
    { cluster: { mode: 'demo', label: 'Reference environment (no controller)' }, health: { state: 'ok' }, kinds: [], generatedAt: new Date().toISOString() },
    1,
  );
  return <DevGraph model={model} />;
}
