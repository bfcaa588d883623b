import { json } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. Cluster trouble shows on /api/readyz, not here. */
export function GET(): Response {
  return json({ ok: true });
}
