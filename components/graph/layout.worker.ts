/// <reference lib="webworker" />
/**
 * ELK off the main thread (bundled build, in this worker), per component, with progress. The page draws
 * the quick layout itself at once (see layout-client.ts) and sends it along: ELK keeps its row order and
 * refines the placement.
 * Message in: { id, input, rows? }. Messages out: { id, progress } … then { id, positions } or { id, error }.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { runLayout } from '@/lib/layout/run';
import type { LayoutInput, Positions } from '@/lib/layout/input';

const elk = new ELK();
const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(msg: unknown): void };

// ELK is compiled Java: its first runs are several times slower than later ones. Warm it up while the
// page is still fetching the topology (the client creates this worker on mount).
const warm: LayoutInput = {
  nodes: Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, width: 200, height: 60, ports: [{ handle: 'r', y: 30 }], column: 1 + (i % 4) })),
  edges: Array.from({ length: 11 }, (_, i) => ({ id: `e${i}`, source: `n${i >> 1}`, sourceHandle: 'r', target: `n${i + 1}` })),
};
let requested = false;
let latest = 0;
let warming: Promise<unknown> = (async () => {
  // Stops as soon as real work arrives: warming must never delay a layout by more than one small run.
  for (let i = 0; i < 3 && !requested; i++) await runLayout(elk, warm).catch(() => undefined);
})();

// ELK's bundle installs its own onmessage when it loads inside a worker; this handler replaces it.
scope.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput; rows?: Positions }>) => {
  const { id, input, rows } = e.data;
  if (id === 0) return; // "start": creating the worker was the point
  requested = true;
  latest = Math.max(latest, id);
  // Requests run one after another (after the warm-up), so ELK never interleaves two layouts.
  warming = warming.then(() => run(id, input, rows));
};

function run(id: number, input: LayoutInput, rows: Positions | undefined): Promise<void> {
  // Only the newest structure matters: a request overtaken while it waited is answered without work.
  if (id < latest) {
    scope.postMessage({ id, error: 'superseded' });
    return Promise.resolve();
  }
  return runLayout(elk, input, (done, total) => scope.postMessage({ id, progress: total ? done / total : 1 }), rows)
    .then((positions) => scope.postMessage({ id, positions }))
    .catch((err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }));
}
