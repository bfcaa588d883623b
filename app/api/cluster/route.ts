import { coreOrUnavailable } from '@/lib/server/core';
import { json } from '@/lib/server/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Which cluster is watched, its health and the per-kind watch status. */
export async function GET(): Promise<Response> {
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  return json({ cluster: core.cluster, health: core.health(), kinds: core.kinds(), readOnly: core.readOnly, revision: core.revision() });
}
