import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, issuesText, json } from '@/lib/server/http';
import { filterTopology, topologyQuery } from '@/lib/server/topology-filter';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const q = topologyQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return apiError(400, 'bad_request', issuesText(q.error.issues));
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  return json(filterTopology(core.topology(), q.data));
}
