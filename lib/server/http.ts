/** JSON replies for the API routes (web-standard Response, no Next.js imports). */
import type { ApiError } from '../wire/types';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function apiError(status: number, error: string, message: string, details?: unknown): Response {
  const body: ApiError = details === undefined ? { error, message } : { error, message, details };
  return json(body, status);
}

/** zod issues → one readable line. */
export function issuesText(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
