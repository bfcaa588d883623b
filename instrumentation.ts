/** Starts the server core (informers, or the demo cluster) when the Next.js server boots. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getCore } = await import('./lib/server/core');
  // Do not block the server on the cluster: readiness reports the sync state.
  getCore().catch((e: unknown) => console.error(`[gatewatch] could not start: ${e instanceof Error ? e.message : String(e)}`));
}
