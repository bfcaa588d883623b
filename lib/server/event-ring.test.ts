import { describe, expect, it } from 'vitest';
import { EventRing, parseLastEventId, sseFrame } from './event-ring';

const ev = (revision: number) => ({ revision, changed: [`n${revision}`], removed: [] });

describe('EventRing', () => {
  it('replays exactly what a client missed', () => {
    const r = new EventRing(10);
    for (let i = 101; i <= 105; i++) r.push(ev(i));
    expect(r.since(102, 105)).toEqual({ kind: 'events', events: [ev(103), ev(104), ev(105)] });
    expect(r.since(105, 105)).toEqual({ kind: 'events', events: [] });
    expect(r.since(100, 105)).toEqual({ kind: 'events', events: [101, 102, 103, 104, 105].map(ev) });
  });

  it('tells the client to refetch when the ring no longer holds what it missed', () => {
    const r = new EventRing(3);
    for (let i = 1; i <= 10; i++) r.push(ev(i));
    expect(r.since(8, 10).kind).toBe('events');
    expect(r.since(7, 10)).toEqual({ kind: 'events', events: [ev(8), ev(9), ev(10)] });
    expect(r.since(6, 10)).toEqual({ kind: 'reset', revision: 10 });
    // From the future (another server process): reset.
    expect(r.since(11, 10)).toEqual({ kind: 'reset', revision: 10 });
  });

  it('an empty ring resets unless the client is current', () => {
    const r = new EventRing();
    expect(r.since(5, 5)).toEqual({ kind: 'events', events: [] });
    expect(r.since(4, 5)).toEqual({ kind: 'reset', revision: 5 });
  });
});

describe('SSE helpers', () => {
  it('parses Last-Event-ID strictly', () => {
    expect(parseLastEventId('42')).toBe(42);
    expect(parseLastEventId(' 7 ')).toBe(7);
    expect(parseLastEventId('abc')).toBeUndefined();
    expect(parseLastEventId('-1')).toBeUndefined();
    expect(parseLastEventId(null)).toBeUndefined();
  });

  it('frames an event with id, name and one data line', () => {
    expect(sseFrame('topology', { revision: 3, changed: ['a\nb'], removed: [] }, 3)).toBe(
      'id: 3\nevent: topology\ndata: {"revision":3,"changed":["a\\nb"],"removed":[]}\n\n',
    );
  });
});
