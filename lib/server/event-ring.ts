/**
 * The bounded history of topology events that /api/events replays to a client resuming with
 * Last-Event-ID. Pure: no timers, no I/O.
 */
import type { TopologyEvent } from '../wire/types';

export type Replay = { kind: 'events'; events: TopologyEvent[] } | { kind: 'reset'; revision: number };

export class EventRing {
  private readonly buf: TopologyEvent[] = [];

  constructor(private readonly capacity = 512) {}

  push(ev: TopologyEvent): void {
    this.buf.push(ev);
    if (this.buf.length > this.capacity) this.buf.splice(0, this.buf.length - this.capacity);
  }

  /**
   * What a client that last saw revision `since` missed, given the current revision: the events
   * after it when the ring still holds all of them, else a reset (refetch /api/topology).
   * A revision from the future (the server restarted) is a reset too.
   */
  since(since: number, current: number): Replay {
    if (!Number.isInteger(since) || since < 0 || since > current) return { kind: 'reset', revision: current };
    if (since === current) return { kind: 'events', events: [] };
    const first = this.buf[0];
    // The ring must hold revision since+1 onwards.
    if (!first || first.revision > since + 1) return { kind: 'reset', revision: current };
    return { kind: 'events', events: this.buf.filter((e) => e.revision > since) };
  }
}

/** Parses a Last-Event-ID / `since` value: a non-negative integer revision, else undefined. */
export function parseLastEventId(v: string | null | undefined): number | undefined {
  if (v == null || !/^\d{1,15}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

/** One SSE frame. Data is a single JSON line, so no multi-line splitting is needed. */
export function sseFrame(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
