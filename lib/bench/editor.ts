/**
 * Editor round trip through the dashboard's own write path: PATCH /api/split (with the CSRF token
 * and same-origin headers the page sends) → the `topology` SSE event naming the changed backend
 * edge, which is what the page redraws from. The browser's paint is not part of this figure.
 */
import type { RunningEmulator } from '../emulator';
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import type { KObject, Route } from '../gateway-api/types';
import type { TopologyEvent } from '../wire/types';
import { connectSse } from './sse';
import { summarize, type Summary } from './stats';

export async function measureEditor(
  emu: RunningEmulator,
  dashboardUrl: string,
  routes: readonly KObject[],
  o: { samples: number; timeoutMs?: number },
): Promise<{ roundTripMs: Summary; failures: string[] }> {
  const csrf = await fetch(`${dashboardUrl}/api/csrf`);
  const { token, header } = (await csrf.json()) as { token: string; header: string };
  const cookie = (csrf.headers.get('set-cookie') ?? '').split(';')[0];
  const waiting = new Map<string, (at: number) => void>();
  const sse = connectSse(`${dashboardUrl}/api/events`, (ev, at) => {
    if (ev.event !== 'topology') return;
    for (const id of (JSON.parse(ev.data) as TopologyEvent).changed) waiting.get(id)?.(at);
  });
  await sse.ready;
  const times: number[] = [];
  const failures: string[] = [];
  try {
    for (let i = 0; i < o.samples; i++) {
      const ref = routes[(i * 37) % routes.length];
      const route = emu.store.get({ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: ref.metadata.namespace, name: ref.metadata.name }) as Route | undefined;
      const refs = route?.spec.rules?.[0]?.backendRefs ?? [];
      if (!route || refs.length === 0) continue;
      // A weight nobody else writes, so the edge always changes.
      const weights = refs.map((b, index) => ({ index, name: b.name, weight: index === 0 ? 1000 + i : (b.weight ?? 1) }));
      const edgeId = `backend|HTTPRoute:${route.metadata.namespace}/${route.metadata.name}|r0|b0`;
      const seen = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), o.timeoutMs ?? 5000);
        waiting.set(edgeId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      const sent = performance.now();
      const r = await fetch(`${dashboardUrl}/api/split`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Origin: dashboardUrl, Cookie: cookie, [header]: token },
        body: JSON.stringify({
          kind: 'HTTPRoute',
          namespace: route.metadata.namespace,
          name: route.metadata.name,
          ruleIndex: 0,
          expectedResourceVersion: route.metadata.resourceVersion,
          expectedGeneration: route.metadata.generation,
          weights,
        }),
      });
      const body = await r.text();
      if (!r.ok) {
        waiting.delete(edgeId);
        if (failures.length < 3) failures.push(`${r.status} ${body.slice(0, 160)}`);
        continue;
      }
      const at = await seen;
      waiting.delete(edgeId);
      if (at === null) failures.push('no SSE event within 5 s');
      else times.push(at - sent);
    }
  } finally {
    sse.close();
  }
  return { roundTripMs: summarize(times), failures };
}
