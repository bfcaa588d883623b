import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, json } from '@/lib/server/http';
import { readObject } from '@/lib/server/object-read';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await ctx.params;
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  const r = await readObject(path, core, req.signal);
  return r.ok ? json(r.object) : apiError(r.status, r.error, r.message);
}
