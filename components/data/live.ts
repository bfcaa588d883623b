'use client';
/**
 * One EventSource on /api/events. The browser reconnects by itself (retry: 2000, Last-Event-ID);
 * this hook reports the connection state and hands `topology` / `reset` events to the caller.
 */
import { useEffect, useRef, useState } from 'react';
import type { TopologyEvent } from '@/lib/wire/types';

export type LiveState = { state: 'connecting' } | { state: 'live' } | { state: 'reconnecting'; since: number } | { state: 'stale'; since: number };

export interface LiveHandlers {
  onTopology: (ev: TopologyEvent) => void;
  onReset: () => void;
}

/** After this long without a connection the view is called stale rather than reconnecting. */
const STALE_AFTER_MS = 10_000;

export function useLiveEvents(handlers: LiveHandlers): LiveState {
  const [live, setLive] = useState<LiveState>({ state: 'connecting' });
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const es = new EventSource('/api/events');
    let lostAt: number | null = null;
    let wasOpen = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    es.addEventListener('open', () => {
      // Coming back after a gap: what we missed is replayed or a reset follows; refetch to be sure.
      if (wasOpen && lostAt !== null) ref.current.onReset();
      wasOpen = true;
      lostAt = null;
      clearTimeout(timer);
      setLive({ state: 'live' });
    });
    es.addEventListener('error', () => {
      if (lostAt !== null) return;
      lostAt = Date.now();
      const since = lostAt;
      setLive({ state: 'reconnecting', since });
      timer = setTimeout(() => setLive({ state: 'stale', since }), STALE_AFTER_MS);
    });
    es.addEventListener('topology', (e) => {
      try {
        ref.current.onTopology(JSON.parse((e as MessageEvent<string>).data) as TopologyEvent);
      } catch {
        ref.current.onReset();
      }
    });
    es.addEventListener('reset', () => ref.current.onReset());
    return () => {
      clearTimeout(timer);
      es.close();
    };
  }, []);
  return live;
}
