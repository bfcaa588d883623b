/**
 * Freshness: a weight patched over HTTP → the `topology` SSE event that names the changed backend
 * edge, while a background writer changes other routes at a fixed rate.
 */
import type { RunningEmulator } from '../emulator';
import type { KObject } from '../gateway-api/types';
import type { TopologyEvent } from '../wire/types';
import { connectSse } from './sse';
import { summarize, type Summary } from './stats';
import { patchWeightOverHttp, startBackgroundWriter } from './writers';

export interface FreshnessFigures {
  latency: Summary;
  samples: number;
  missed: number;
  backgroundPerSecond: number;
  backgroundWrites: number;
}

export async function measureFreshness(
  emu: RunningEmulator,
  dashboardUrl: string,
  routes: readonly KObject[],
  o: { samples: number; backgroundPerSecond: number; timeoutMs?: number },
): Promise<FreshnessFigures> {
  // Measured writes use the first half of the routes, the background writer the second half.
  const half = Math.max(1, Math.floor(routes.length / 2));
  const measured = routes.slice(0, half);
  const background = routes.slice(half);
  const waiting = new Map<string, (at: number) => void>();
  const sse = connectSse(`${dashboardUrl}/api/events`, (ev, at) => {
    if (ev.event !== 'topology') return;
    const t = JSON.parse(ev.data) as TopologyEvent;
    for (const id of t.changed) waiting.get(id)?.(at);
  });
  await sse.ready;
  const writer = startBackgroundWriter(emu, background, o.backgroundPerSecond);
  await new Promise((r) => setTimeout(r, 1000)); // let the background rate settle
  const latencies: number[] = [];
  let missed = 0;
  let backgroundWrites = 0;
  try {
    for (let i = 0; i < o.samples; i++) {
      const route = measured[i % measured.length];
      const weight = 100 + i; // never a weight the generator (1–9) or an earlier sample wrote: the edge always changes
      const edgeId = `backend|HTTPRoute:${route.metadata.namespace}/${route.metadata.name}|r0|b0`;
      const seen = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), o.timeoutMs ?? 5000);
        waiting.set(edgeId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      const sent = performance.now();
      await patchWeightOverHttp(emu, route, weight);
      const at = await seen;
      waiting.delete(edgeId);
      if (at === null) missed++;
      else latencies.push(at - sent);
      await new Promise((r) => setTimeout(r, 50 + (i % 5) * 20));
    }
  } finally {
    backgroundWrites = writer.stop();
    sse.close();
  }
  return { latency: summarize(latencies), samples: latencies.length, missed, backgroundPerSecond: o.backgroundPerSecond, backgroundWrites };
}
