import { coreOrUnavailable } from '@/lib/server/core';
import { json } from '@/lib/server/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** 200 once every watched kind has synced; 503 with the reasons otherwise. */
export async function GET(): Promise<Response> {
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  const r = core.readiness();
  return json({ ...r, health: core.health() }, r.ready ? 200 : 503);
}
