import { z } from 'zod';
import { coreOrUnavailable } from '@/lib/server/core';
import { apiError, issuesText, json } from '@/lib/server/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z
  .object({
    severity: z.enum(['error', 'warning', 'info']).optional(),
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a namespace name')
      .max(63)
      .optional(),
  })
  .strict();

/** The analyzer's findings for the live cluster: the same JSON array as `analyze --json`. */
export async function GET(req: Request): Promise<Response> {
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return apiError(400, 'bad_request', issuesText(q.error.issues));
  const core = await coreOrUnavailable();
  if (core instanceof Response) return core;
  const { severity, namespace } = q.data;
  return json(core.findings().filter((f) => (!severity || f.severity === severity) && (!namespace || f.namespace === namespace)));
}
