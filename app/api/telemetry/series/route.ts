import { z } from 'zod';
import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, issuesText, json } from '@/lib/server/http';
import { telemetrySource } from '@/lib/telemetry/select';
import { TELEMETRY_WINDOWS } from '@/lib/telemetry/source';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({
  edge: z.string().min(1, 'edge is required').max(2048),
  window: z.enum(TELEMETRY_WINDOWS).default('5m'),
});

/** GET /api/telemetry/series?edge=<edge id>&window=… → {points: [{t, rps, errorRatio, p95Ms?}], …}. */
export async function GET(req: Request): Promise<Response> {
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return apiError(400, 'bad_request', issuesText(q.error.issues));
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  const topology = core.topology();
  if (!topology.edges.some((e) => e.id === q.data.edge)) return apiError(404, 'not_found', `no edge ${q.data.edge} in the topology`);
  return json(await telemetrySource(core).series(topology, q.data.edge, q.data.window));
}
