/** GET /api/split/history?kind=&namespace=&name=[&rule=]: WeightsChanged Events of a route, newest first. */
import { listHistory } from '@/lib/split/access';
import { json } from '@/lib/server/http';
import { SplitError } from '@/lib/split/errors';
import { clusterFor, errorResponse, parseHandle } from '../respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  try {
    const url = new URL(req.url);
    const h = parseHandle(url);
    const ruleText = url.searchParams.get('rule');
    const rule = ruleText === null ? undefined : Number(ruleText);
    if (rule !== undefined && !(Number.isInteger(rule) && rule >= 0)) throw new SplitError('bad_request', `rule must be a rule index, got "${ruleText}"`);
    const { kubeConfig } = await clusterFor(h.kind, h.namespace, h.name);
    return json({ entries: await listHistory(kubeConfig, h, rule) });
  } catch (err) {
    return errorResponse(err);
  }
}
