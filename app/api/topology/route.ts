import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, issuesText, json } from '@/lib/server/http';
import { filterTopology, topologyQuery } from '@/lib/server/topology-filter';
import { topologyStream } from '@/lib/server/topology-body';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const q = topologyQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return apiError(400, 'bad_request', issuesText(q.error.issues));
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  const t = core.topology();
  if (q.data.namespace || q.data.kind) return json(filterTopology(t, q.data));
  // The whole model: streamed in slices rather than held as one string (see topology-body.ts).
  return new Response(topologyStream(t), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}
