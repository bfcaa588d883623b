import { coreOrUnavailable } from '@/lib/server/core';
import { apiError } from '@/lib/server/http';
import { eventStream } from '@/lib/server/sse';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  for (const key of params.keys()) {
    if (key !== 'since') return apiError(400, 'bad_request', `unknown parameter ${key} (only since)`);
  }
  const since = params.get('since');
  if (since !== null && !/^\d{1,15}$/.test(since)) return apiError(400, 'bad_request', 'since: expected a revision number');
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  return eventStream(core, req);
}
