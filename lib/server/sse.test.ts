import { describe, expect, it } from 'vitest';
import type { TopologyEvent } from '../wire/types';
import type { ServerCore } from './core-api';
import { EventRing } from './event-ring';
import { eventStream } from './sse';

/** Just the parts of a core the stream uses. */
function fakeCore(rev: number, history: number[] = []) {
  const listeners = new Set<(ev: TopologyEvent) => void>();
  const ring = new EventRing(8);
  let current = rev;
  for (const r of history) ring.push({ revision: r, changed: [`n${r}`], removed: [] });
  const core = {
    revision: () => current,
    subscribe: (l: (ev: TopologyEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    replay: (since: number) => ring.since(since, current),
  } as unknown as ServerCore;
  const publish = (r: number) => {
    current = r;
    const ev = { revision: r, changed: [`n${r}`], removed: [] };
    ring.push(ev);
    for (const l of listeners) l(ev);
  };
  return { core, listeners, publish };
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, acc = { s: '' }): Promise<string> {
  const dec = new TextDecoder();
  while (!acc.s.includes(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    acc.s += dec.decode(value);
  }
  return acc.s;
}

describe('eventStream', () => {
  it('greets a fresh client, streams each revision with its id, and cleans up on abort', async () => {
    const { core, listeners, publish } = fakeCore(10);
    const ac = new AbortController();
    const res = eventStream(core, new Request('http://x/api/events', { signal: ac.signal }), { heartbeatMs: 60_000 });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const reader = res.body!.getReader();
    const acc = { s: '' };
    await readUntil(reader, 'event: hello', acc);
    expect(acc.s).toContain('id: 10\nevent: hello\ndata: {"revision":10}\n\n');
    publish(11);
    await readUntil(reader, 'id: 11', acc);
    expect(acc.s).toContain('id: 11\nevent: topology\ndata: {"revision":11,"changed":["n11"],"removed":[]}\n\n');
    expect(listeners.size).toBe(1);
    ac.abort();
    expect(listeners.size).toBe(0);
  });

  it('replays what a resuming client missed, then continues live', async () => {
    const { core, publish } = fakeCore(13, [11, 12, 13]);
    const res = eventStream(core, new Request('http://x/api/events', { headers: { 'Last-Event-ID': '11' } }), { heartbeatMs: 60_000 });
    const reader = res.body!.getReader();
    const acc = { s: '' };
    await readUntil(reader, 'id: 13', acc);
    publish(14);
    await readUntil(reader, 'id: 14', acc);
    const ids = [...acc.s.matchAll(/^id: (\d+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(['12', '13', '14']);
    expect(acc.s).not.toContain('event: hello');
    await reader.cancel();
  });

  it('sends reset when the missed revisions are gone, and honours ?since=', async () => {
    const { core } = fakeCore(20, [19, 20]);
    const res = eventStream(core, new Request('http://x/api/events?since=3'), { heartbeatMs: 60_000 });
    const reader = res.body!.getReader();
    const s = await readUntil(reader, 'event: reset');
    expect(s).toContain('id: 20\nevent: reset\ndata: {"revision":20}\n\n');
    await reader.cancel();
  });

  it('sends heartbeats as comment lines', async () => {
    const { core } = fakeCore(1);
    const res = eventStream(core, new Request('http://x/api/events'), { heartbeatMs: 5 });
    const reader = res.body!.getReader();
    const s = await readUntil(reader, ': ping');
    expect(s).toMatch(/\n: ping [^\n]+\n\n/);
    await reader.cancel();
  });
});
