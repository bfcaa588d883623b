/**
 * State of the split editor, as a pure reducer (the React component only renders it): linked mode
 * edits shares that always total 100 %, free mode edits raw integer weights. `base` is what the
 * cluster holds; the pending weights are what Apply would write.
 */
import { MAX_WEIGHT, evenly, moveLinked, presets, sameWeights, sharesFromWeights, weightsFromShares, type PresetId } from './weights';

export interface EditorBase {
  resourceVersion: string;
  /** metadata.generation: lets the server tell a status-only change from a spec change. */
  generation?: number;
  names: string[];
  weights: number[];
}

export interface EditorState {
  mode: 'linked' | 'free';
  /** Linked mode: percent per backend, total 100 (all 0 when the base weights are all 0). */
  shares: number[];
  /** Free mode: raw weights as typed (may be invalid until fixed; see rawError). */
  raw: string[];
  locked: boolean[];
  base: EditorBase;
}

export type EditorAction =
  | { type: 'move'; index: number; share: number }
  | { type: 'lock'; index: number }
  | { type: 'evenly' }
  | { type: 'preset'; id: PresetId }
  | { type: 'mode'; mode: 'linked' | 'free' }
  | { type: 'raw'; index: number; text: string }
  | { type: 'reset'; base: EditorBase }
  | { type: 'rebase'; base: EditorBase };

export function initEditor(base: EditorBase, mode: 'linked' | 'free' = 'linked'): EditorState {
  return {
    mode,
    shares: sharesFromWeights(base.weights),
    raw: base.weights.map(String),
    locked: base.weights.map(() => false),
    base,
  };
}

/** Why a typed raw weight is not acceptable, or undefined. */
export function rawError(text: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return 'a whole number ≥ 0';
  if (Number(text) > MAX_WEIGHT) return `at most ${MAX_WEIGHT.toLocaleString('en')}`;
  return undefined;
}

/**
 * Weights Apply would write: the user's raw numbers in free mode; in linked mode the smallest integers
 * expressing the shares (or the base weights unchanged, when the shares are still the base's).
 * undefined while a raw field is invalid.
 */
export function pendingWeights(s: EditorState): number[] | undefined {
  if (s.mode === 'free') return s.raw.some((t) => rawError(t)) ? undefined : s.raw.map((t) => Number(t));
  const baseShares = sharesFromWeights(s.base.weights);
  if (s.shares.every((x, i) => Math.abs(x - baseShares[i]) < 1e-6)) return [...s.base.weights];
  return weightsFromShares(s.shares);
}

/** Shares (percent) that the pending weights give. */
export function pendingShares(s: EditorState): number[] {
  if (s.mode === 'linked') return s.shares;
  const w = pendingWeights(s);
  return w ? sharesFromWeights(w) : s.shares;
}

export function isDirty(s: EditorState): boolean {
  const w = pendingWeights(s);
  return w !== undefined && !sameWeights(w, s.base.weights);
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case 'move': {
      if (s.mode === 'free') return s;
      // All-zero base: the first move starts from an even split so that linked maths has something to move.
      const from = s.shares.every((x) => x === 0) ? evenly(s.shares, s.shares.map(() => false)) : s.shares;
      return { ...s, shares: moveLinked(from, s.locked, a.index, a.share) };
    }
    case 'lock':
      return { ...s, locked: s.locked.map((l, i) => (i === a.index ? !l : l)) };
    case 'evenly':
      if (s.mode === 'free') return { ...s, raw: s.raw.map(() => '1') };
      return { ...s, shares: evenly(s.shares, s.locked) };
    case 'preset': {
      const p = presets(s.shares.length).find((x) => x.id === a.id);
      if (!p) return s;
      return { ...s, shares: p.shares, raw: weightsFromShares(p.shares).map(String) };
    }
    case 'mode': {
      if (a.mode === s.mode) return s;
      if (a.mode === 'free') return { ...s, mode: 'free', raw: (pendingWeights(s) ?? s.base.weights).map(String) };
      const w = pendingWeights(s);
      return { ...s, mode: 'linked', shares: w ? sharesFromWeights(w) : s.shares };
    }
    case 'raw':
      return { ...s, raw: s.raw.map((t, i) => (i === a.index ? a.text : t)) };
    case 'reset':
      return initEditor(a.base, s.mode);
    case 'rebase':
      // A newer resourceVersion with the same backends and weights (e.g. a status update): keep the edits.
      return { ...s, base: a.base };
  }
}
