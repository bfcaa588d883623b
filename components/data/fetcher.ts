/** JSON fetch for SWR: API errors become Errors carrying the server's message. */
export async function fetchJson<T>(url: string): Promise<T> {
  const r = await fetch(url, { cache: 'no-store' });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(body && typeof body.message === 'string' ? body.message : `${r.status} ${r.statusText}`);
  return body as T;
}
