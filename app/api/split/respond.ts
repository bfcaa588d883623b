/** Shared by the split API routes: the core's KubeConfig, the route's served version, and error replies. */
import { getCore } from '@/lib/server/core';
import { json } from '@/lib/server/http';
import { SplitError } from '@/lib/split/errors';
import { nodeId } from '@/lib/wire/ids';
import { applyRequestSchema, describeIssues } from '@/lib/split/validate';

export function readOnlyMode(): boolean {
  return process.env.GATEWATCH_READ_ONLY === '1';
}

/** `{error, message, details?}` with the SplitError's status; anything else is a 500 with its message. */
export function errorResponse(err: unknown): Response {
  if (err instanceof SplitError) return json(err.toJSON(), err.status);
  console.error(JSON.stringify({ msg: 'split.error', error: err instanceof Error ? err.stack ?? err.message : String(err) }));
  return json({ error: 'internal', message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}` }, 500);
}

/** The cluster the core watches, and the version discovery picked for the route (when the model has it). */
export async function clusterFor(kind: string, namespace: string, name: string) {
  const core = await getCore();
  const node = core.topology().nodes.find((n) => n.id === nodeId(kind, name, namespace));
  return { kubeConfig: core.kubeConfig, version: node?.version || undefined };
}

const handleSchema = applyRequestSchema.pick({ kind: true, namespace: true, name: true });

/** kind/namespace/name from the query string, validated like an apply request. */
export function parseHandle(url: URL) {
  const r = handleSchema.safeParse({
    kind: url.searchParams.get('kind') ?? undefined,
    namespace: url.searchParams.get('namespace') ?? undefined,
    name: url.searchParams.get('name') ?? undefined,
  });
  if (!r.success) throw new SplitError('bad_request', `Invalid route: ${describeIssues(r.error)}`);
  return r.data;
}
