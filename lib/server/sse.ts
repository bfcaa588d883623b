/**
 * The /api/events stream: one `topology` event per revision (`id:` = revision), a comment
 * heartbeat, and Last-Event-ID resume (replay from the ring, or a `reset` telling the client to
 * refetch /api/topology). `Cache-Control: no-transform` keeps compression from buffering it.
 */
import type { ServerCore } from './core-api';
import { parseLastEventId, sseFrame } from './event-ring';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

export interface StreamOptions {
  heartbeatMs?: number;
  /** Client reconnection delay sent as `retry:`. */
  retryMs?: number;
}

/** `since`: from the Last-Event-ID header, else the `since` query parameter (for clients that fetched first). */
export function resumePoint(req: Request): number | undefined {
  const header = req.headers.get('last-event-id');
  if (header !== null) return parseLastEventId(header);
  return parseLastEventId(new URL(req.url).searchParams.get('since'));
}

export function eventStream(core: ServerCore, req: Request, o: StreamOptions = {}): Response {
  const enc = new TextEncoder();
  const since = resumePoint(req);
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (s: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(s));
        } catch {
          cleanup();
        }
      };
      send(`retry: ${o.retryMs ?? 2000}\n\n`);
      // Subscribe before replaying so nothing falls between the two.
      const queued: string[] = [];
      let replaying = true;
      const unsubscribe = core.subscribe((ev) => {
        const f = sseFrame('topology', ev, ev.revision);
        if (replaying) queued.push(f);
        else send(f);
      });
      const current = core.revision();
      if (since === undefined) {
        send(sseFrame('hello', { revision: current }, current));
      } else {
        const r = core.replay(since);
        if (r.kind === 'reset') send(sseFrame('reset', { revision: r.revision }, r.revision));
        else for (const ev of r.events) if (ev.revision <= current) send(sseFrame('topology', ev, ev.revision));
      }
      replaying = false;
      for (const f of queued) send(f);
      const hb = setInterval(() => send(`: ping ${new Date().toISOString()}\n\n`), o.heartbeatMs ?? 15_000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(hb);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      req.signal.addEventListener('abort', () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
