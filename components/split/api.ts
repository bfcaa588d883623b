/** Browser side of the split API: CSRF token, apply, access check, history. Errors come back as ApiError. */
import type { ApplyResult } from '@/lib/split/apply';
import type { SplitAccess } from '@/lib/split/access';
import type { HistoryEntry } from '@/lib/split/history';
import type { ApiError } from '@/lib/wire/types';

export type { ApplyResult, SplitAccess, HistoryEntry };

export interface RouteRef {
  kind: string;
  namespace: string;
  name: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError };

let csrf: Promise<string> | null = null;

function token(): Promise<string> {
  csrf ??= fetch('/api/csrf', { credentials: 'same-origin', cache: 'no-store' })
    .then((r) => r.json() as Promise<{ token: string }>)
    .then((b) => b.token)
    .catch((e: unknown) => {
      csrf = null;
      throw e;
    });
  return csrf;
}

async function call<T>(url: string, init?: RequestInit): Promise<Outcome<T>> {
  try {
    const r = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init });
    const body = (await r.json().catch(() => ({ error: 'bad_response', message: `HTTP ${r.status} without a JSON body` }))) as T | ApiError;
    return r.ok ? { ok: true, value: body as T } : { ok: false, status: r.status, error: body as ApiError };
  } catch (e) {
    return { ok: false, status: 0, error: { error: 'network', message: `Gatewatch did not answer: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function query(ref: RouteRef, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ kind: ref.kind, namespace: ref.namespace, name: ref.name, ...extra }).toString();
}

export interface ApplyBody extends RouteRef {
  ruleIndex: number;
  expectedResourceVersion: string;
  expectedGeneration?: number;
  weights: { index: number; name: string; weight: number }[];
  confirmAllZero?: boolean;
}

export async function applySplit(body: ApplyBody): Promise<Outcome<ApplyResult>> {
  let t: string;
  try {
    t = await token();
  } catch (e) {
    return { ok: false, status: 0, error: { error: 'network', message: `Could not get a CSRF token: ${String(e)}` } };
  }
  const out = await call<ApplyResult>('/api/split', {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'x-gatewatch-csrf': t },
    body: JSON.stringify(body),
  });
  // A server restart forgets nothing (the cookie holds the token), but a cleared cookie needs a new token.
  if (!out.ok && out.error.error === 'csrf') csrf = null;
  return out;
}

export const fetchAccess = (ref: RouteRef) => call<SplitAccess>(`/api/split/access?${query(ref)}`);

export const fetchHistory = (ref: RouteRef, rule: number) =>
  call<{ entries: HistoryEntry[] }>(`/api/split/history?${query(ref, { rule: String(rule) })}`);

export async function fetchObservedShares(edgeIdsList: string[]): Promise<(number | undefined)[] | undefined> {
  const r = await call<{ source: string; edges: Record<string, { observedShare?: number }> }>('/api/telemetry?window=1m');
  if (!r.ok || r.value.source === 'none') return undefined;
  return edgeIdsList.map((id) => r.value.edges?.[id]?.observedShare);
}
