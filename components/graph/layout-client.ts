'use client';
/**
 * The browser side of layout: one shared Web Worker, a positions cache keyed by structural hash (kept in
 * sessionStorage too, so a reload draws the finished picture at once), and a hook that draws the quick
 * layout immediately, replaces it with ELK's (from the worker) when that is ready, and keeps existing
 * nodes where they are across live updates.
 */
import { useEffect, useRef, useState } from 'react';
import { PositionsCache } from '@/lib/layout/cache';
import type { LayoutInput, Positions } from '@/lib/layout/input';
import { StoredPositions, type KeyValueStore } from '@/lib/layout/persist';
import { quickLayout } from '@/lib/layout/quick';
import { finalPositions, quickPositions, type OnScreen } from '@/lib/layout/refine';

type Reply = { id: number; progress?: number; positions?: Positions; error?: string };

interface Waiting {
  resolve: (p: Positions) => void;
  reject: (e: Error) => void;
  progress?: (p: number) => void;
}

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, Waiting>();

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

/** ELK's positions for `input`; `rows` (the quick layout) seeds ELK's row order. */
export function layoutInWorker(input: LayoutInput, progress?: (p: number) => void, rows?: Positions): Promise<Positions> {
  return new Promise((resolve, reject) => {
    const id = ++seq;
    waiting.set(id, { resolve, reject, progress });
    getWorker().postMessage({ id, input, rows });
  });
}

/** Starts the worker early (it warms ELK up while the page loads its data). */
export function prewarmLayout(): void {
  if (typeof Worker !== 'undefined') getWorker().postMessage({ id: 0 });
}

function sessionStore(): KeyValueStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled: reading the property throws
  }
}

const cache = new PositionsCache(12, new StoredPositions(sessionStore()));

export interface LayoutState {
  positions: Positions;
  /** Structural hash the positions belong to (null before the first layout). */
  hash: string | null;
  /** Increments every time positions change (first layout = 1). */
  version: number;
  error: string | null;
  /** The positions are the quick layout; ELK's will replace them (another version). */
  quick: boolean;
  /**
   * This version is ELK's picture replacing a quick layout that was drawn as a new picture (first load,
   * filter change), so the extent may have changed: a good moment to refit if the user has not moved.
   * False for live updates, where existing nodes keep their place.
   */
  refined: boolean;
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
  const [state, setState] = useState<LayoutState>({ positions: {}, hash: null, version: 0, error: null, quick: false, refined: false });
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
      if (current.current.hash !== hash || current.current.quick)
        setState((s) => ({ positions: cached, hash, version: s.version + 1, error: null, quick: false, refined: false }));
      return;
    }
    if (input.nodes.length === 0) {
      laidOutFor.current = filterKey;
      setState((s) => ({ positions: {}, hash, version: s.version + 1, error: null, quick: false, refined: false }));
      return;
    }
    let cancelled = false;
    // A structural change under the same filters is a live update: what is on screen stays where it is,
    // both when the quick layout places the new nodes and when ELK's placement replaces theirs.
    const keep = !forced && laidOutFor.current === filterKey;
    const screen: OnScreen = { positions: current.current.positions, quick: current.current.quick };
    progressRef.current?.(0);
    // The quick layout, here and now: a few milliseconds (tens at 2,000 nodes), where the worker would
    // first have to load ELK's 1.6 MB bundle (seconds on a busy machine) before answering anything.
    const quick = quickLayout(input);
    // A forced re-layout keeps the current picture until ELK's is ready (one change, not two).
    const shown = forced ? null : quickPositions(screen, keep, quick, input);
    if (shown) {
      laidOutFor.current = filterKey;
      setState((s) => ({ positions: shown, hash, version: s.version + 1, error: null, quick: true, refined: false }));
    }
    layoutInWorker(input, (p) => !cancelled && progressRef.current?.(p), quick)
      .then((fresh) => {
        if (cancelled) return;
        laidOutFor.current = filterKey;
        const { positions, refined } = finalPositions(screen, keep, shown, fresh, input);
        cache.set(hash, positions);
        setState((s) => ({ positions, hash, version: s.version + 1, error: null, quick: false, refined }));
      })
      .catch((err: unknown) => {
        // The quick layout (if drawn) stays: a usable picture, with the failure shown beside it.
        if (!cancelled) setState((s) => ({ ...s, quick: false, refined: false, error: err instanceof Error ? err.message : String(err) }));
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
