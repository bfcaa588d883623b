'use client';
/**
 * The browser side of layout: one shared Web Worker, a positions cache keyed by structural hash, and a
 * hook that keeps existing nodes where they are across live updates.
 */
import { useEffect, useRef, useState } from 'react';
import { PositionsCache } from '@/lib/layout/cache';
import type { LayoutInput, Positions } from '@/lib/layout/input';
import { stabilize } from '@/lib/layout/stabilize';

type Reply = { id: number; progress?: number; positions?: Positions; error?: string };

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void; progress?: (p: number) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      if (e.data.progress !== undefined) w.progress?.(e.data.progress);
      if (e.data.positions) {
        waiting.delete(e.data.id);
        w.resolve(e.data.positions);
      } else if (e.data.error !== undefined) {
        waiting.delete(e.data.id);
        w.reject(new Error(e.data.error));
      }
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(e.message || 'layout worker failed'));
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

export function layoutInWorker(input: LayoutInput, progress?: (p: number) => void): Promise<Positions> {
  return new Promise((resolve, reject) => {
    const id = ++seq;
    waiting.set(id, { resolve, reject, progress });
    getWorker().postMessage({ id, input });
  });
}

/** Starts the worker early (it warms ELK up while the page loads its data). */
export function prewarmLayout(): void {
  if (typeof Worker !== 'undefined') getWorker().postMessage({ id: 0 });
}

const cache = new PositionsCache();

export interface LayoutState {
  positions: Positions;
  /** Structural hash the positions belong to (null before the first layout). */
  hash: string | null;
  /** Increments every time positions change (first layout = 1). */
  version: number;
  error: string | null;
}

/**
 * Positions for `input`. When `filterKey` is the same as for the previous layout, the change came from a
 * live update and existing nodes keep their place; otherwise (filters, re-layout) the fresh layout is used.
 */
export function useLayout(
  input: LayoutInput,
  hash: string,
  filterKey: string,
  relayoutSignal: number,
  onProgress?: (p: number | null) => void,
): LayoutState {
  const [state, setState] = useState<LayoutState>({ positions: {}, hash: null, version: 0, error: null });
  const current = useRef(state);
  current.current = state;
  const lastRelayout = useRef(relayoutSignal);
  const laidOutFor = useRef<string | null>(null);
  const progressRef = useRef(onProgress);
  progressRef.current = onProgress;

  useEffect(() => {
    const forced = lastRelayout.current !== relayoutSignal;
    lastRelayout.current = relayoutSignal;
    const cached = forced ? undefined : cache.get(hash);
    if (cached) {
      laidOutFor.current = filterKey;
      if (current.current.hash !== hash) setState((s) => ({ positions: cached, hash, version: s.version + 1, error: null }));
      return;
    }
    if (input.nodes.length === 0) {
      setState((s) => ({ positions: {}, hash, version: s.version + 1, error: null }));
      return;
    }
    let cancelled = false;
    progressRef.current?.(0);
    layoutInWorker(input, (p) => !cancelled && progressRef.current?.(p))
      .then((fresh) => {
        if (cancelled) return;
        const keep = !forced && laidOutFor.current === filterKey;
        laidOutFor.current = filterKey;
        const positions = keep ? stabilize(current.current.positions, fresh, input) : fresh;
        cache.set(hash, positions);
        setState((s) => ({ positions, hash, version: s.version + 1, error: null }));
      })
      .catch((err: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
      })
      .finally(() => {
        if (!cancelled) progressRef.current?.(null);
      });
    return () => {
      cancelled = true;
    };
    // `input` and `filterKey` follow `hash`; they are read at the moment the structure changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hash, relayoutSignal]);

  return state;
}
