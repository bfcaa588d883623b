/**
 * PATCH /api/split (POST is the same): change the weights of one route rule. Body: see docs/api.md.
 * Guards run before anything touches the cluster: read-only mode, same origin, CSRF token, JSON body
 * within 16 KiB, request shape; lib/split/apply checks the rest against the live route.
 */
import { applyWeights } from '@/lib/split/apply';
import { SplitError } from '@/lib/split/errors';
import { checkCsrf, checkOrigin, readJsonBody, requestUser } from '@/lib/split/guard';
import { parseApplyRequest } from '@/lib/split/validate';
import { json } from '@/lib/server/http';
import { clusterFor, errorResponse, readOnlyMode } from './respond';

export const dynamic = 'force-dynamic';

async function handle(req: Request): Promise<Response> {
  try {
    if (readOnlyMode()) {
      throw new SplitError('read_only', 'Gatewatch runs in read-only mode (GATEWATCH_READ_ONLY=1): weights cannot be changed from the dashboard.');
    }
    checkOrigin(req.headers);
    checkCsrf(req.headers);
    const change = parseApplyRequest(await readJsonBody(req));
    const { kubeConfig, version } = await clusterFor(change.kind, change.namespace, change.name);
    const result = await applyWeights(change, { kubeConfig, version, user: requestUser(req.headers) });
    return json(result);
  } catch (err) {
    return errorResponse(err);
  }
}

export const PATCH = handle;
export const POST = handle;
