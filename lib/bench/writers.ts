/**
 * Writes to the synthetic cluster while measuring: a background writer that changes route weights at
 * a fixed rate through the emulator's store (every write is a real commit that watches see), and a
 * measured write that patches one weight over HTTP like kubectl would.
 */
import type { RunningEmulator } from '../emulator';
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import type { KObject, Route } from '../gateway-api/types';
import { edgeIds, nodeId } from '../wire/ids';

export function httpRoutes(emu: RunningEmulator): KObject[] {
  return emu.store.list(GATEWAY_GROUP, 'HTTPRoute').sort((a, b) => (a.metadata.namespace! + a.metadata.name < b.metadata.namespace! + b.metadata.name ? -1 : 1));
}

/** Sets rules[0].backendRefs[0].weight of a route in the store (a spec change: new generation). */
function bumpWeight(emu: RunningEmulator, route: KObject, n: number): void {
  const cur = emu.store.get({ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: route.metadata.namespace, name: route.metadata.name }) as Route | undefined;
  const ref = cur?.spec.rules?.[0]?.backendRefs?.[0];
  if (!cur || !ref) return;
  const next = structuredClone(cur);
  next.spec.rules![0].backendRefs![0].weight = 1 + (n % 9);
  emu.store.update(next);
}

/** Writes `perSecond` weight changes per second over `routes` until stopped; returns the number written. */
export function startBackgroundWriter(emu: RunningEmulator, routes: readonly KObject[], perSecond: number): { stop(): number } {
  let n = 0;
  let errors = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    // catch up on timer drift so the rate holds on a busy machine
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    while (n < due && routes.length) {
      try {
        bumpWeight(emu, routes[n % routes.length], n);
      } catch {
        errors++;
      }
      n++;
    }
  }, Math.max(5, Math.floor(1000 / perSecond)));
  return {
    stop: () => {
      clearInterval(timer);
      return n - errors;
    },
  };
}

/** PATCHes rules[0].backendRefs[0].weight over HTTP (JSON patch); returns the backend edge id that must change. */
export async function patchWeightOverHttp(emu: RunningEmulator, route: KObject, weight: number): Promise<string> {
  const ns = route.metadata.namespace!;
  const name = route.metadata.name;
  const r = await fetch(`${emu.url}/apis/${GATEWAY_GROUP}/v1/namespaces/${ns}/httproutes/${name}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json-patch+json' },
    body: JSON.stringify([{ op: 'add', path: '/spec/rules/0/backendRefs/0/weight', value: weight }]),
  });
  if (!r.ok) throw new Error(`PATCH ${ns}/${name}: ${r.status} ${(await r.text()).slice(0, 200)}`);
  await r.arrayBuffer();
  return edgeIds.backend(nodeId('HTTPRoute', name, ns), 0, 0);
}
