/** A minimal server-sent-events client over fetch (the benchmark's stand-in for the browser's EventSource). */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export interface SseClient {
  /** Resolves when the first event (the server's `hello`) arrives. */
  ready: Promise<void>;
  close(): void;
}

export function connectSse(url: string, onEvent: (ev: SseEvent, receivedAt: number) => void): SseClient {
  const ac = new AbortController();
  let markReady: () => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const ready = new Promise<void>((res, rej) => {
    markReady = res;
    fail = rej;
  });
  (async () => {
    const r = await fetch(url, { signal: ac.signal, headers: { Accept: 'text/event-stream' } });
    if (!r.ok || !r.body) throw new Error(`${url} answered ${r.status}`);
    const reader = r.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const at = performance.now();
      buf += dec.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev: SseEvent = { event: 'message', data: '' };
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) continue;
          const c = line.indexOf(':');
          const field = c < 0 ? line : line.slice(0, c);
          const val = c < 0 ? '' : line.slice(c + 1).replace(/^ /, '');
          if (field === 'event') ev.event = val;
          else if (field === 'data') data.push(val);
          else if (field === 'id') ev.id = val;
        }
        if (data.length === 0) continue;
        ev.data = data.join('\n');
        markReady();
        onEvent(ev, at);
      }
    }
  })().catch((e: unknown) => {
    if (!ac.signal.aborted) fail(e);
  });
  return { ready, close: () => ac.abort() };
}
