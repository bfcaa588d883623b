/**
 * GET /api/split/access?kind=&namespace=&name=: may the editor offer changes? Read-only mode,
 * SelfSubjectAccessReview for patch (and for creating Events), GitOps ownership, current resourceVersion.
 */
import { checkAccess } from '@/lib/split/access';
import { json } from '@/lib/server/http';
import { clusterFor, errorResponse, parseHandle, readOnlyMode } from '../respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  try {
    const h = parseHandle(new URL(req.url));
    const { kubeConfig, version } = await clusterFor(h.kind, h.namespace, h.name);
    return json(await checkAccess(kubeConfig, { ...h, version }, readOnlyMode()));
  } catch (err) {
    return errorResponse(err);
  }
}
