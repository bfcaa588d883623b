import { z } from 'zod';
import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, issuesText, json } from '@/lib/server/http';
import { telemetrySource } from '@/lib/telemetry/select';
import { TELEMETRY_WINDOWS } from '@/lib/telemetry/source';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({ window: z.enum(TELEMETRY_WINDOWS).default('5m') });

/** GET /api/telemetry?window=1m|5m|15m|1h → TelemetryReport (never an error status for an unavailable source). */
export async function GET(req: Request): Promise<Response> {
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return apiError(400, 'bad_request', issuesText(q.error.issues));
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  return json(await telemetrySource(core).report(core.topology(), q.data.window));
}
