import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, json } from '@/lib/server/http';
import { lookupObject } from '@/lib/server/object-path';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await ctx.params;
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  const r = lookupObject(path, core.snapshot, core.kinds());
  return r.ok ? json(r.object) : apiError(r.status, r.error, r.message);
}
