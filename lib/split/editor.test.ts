import { describe, expect, it } from 'vitest';
import { editorReducer, initEditor, isDirty, pendingShares, pendingWeights, rawError } from './editor';

const base = { resourceVersion: '7', names: ['b-v1', 'b-v2'], weights: [2, 3] };

describe('split editor state', () => {
  it('opens clean with the base weights', () => {
    const s = initEditor(base);
    expect(s.shares).toEqual([40, 60]);
    expect(pendingWeights(s)).toEqual([2, 3]);
    expect(isDirty(s)).toBe(false);
  });

  it('keeps non-reduced base weights when nothing moved', () => {
    expect(pendingWeights(initEditor({ ...base, weights: [4, 6] }))).toEqual([4, 6]);
  });

  it('moving a slider to 0 writes 0,1', () => {
    const s = editorReducer(initEditor(base), { type: 'move', index: 0, share: 0 });
    expect(pendingWeights(s)).toEqual([0, 1]);
    expect(pendingShares(s)).toEqual([0, 100]);
    expect(isDirty(s)).toBe(true);
  });

  it('presets and evenly', () => {
    let s = editorReducer(initEditor(base), { type: 'preset', id: '90-10' });
    expect(pendingWeights(s)).toEqual([9, 1]);
    s = editorReducer(s, { type: 'evenly' });
    expect(pendingWeights(s)).toEqual([1, 1]);
  });

  it('locks stop a backend from moving', () => {
    const three = { resourceVersion: '1', names: ['a', 'b', 'c'], weights: [1, 1, 2] };
    let s = editorReducer(initEditor(three), { type: 'lock', index: 2 });
    s = editorReducer(s, { type: 'move', index: 0, share: 50 });
    expect(s.shares).toEqual([50, 0, 50]);
    expect(pendingWeights(s)).toEqual([1, 0, 1]);
  });

  it('free mode writes the raw numbers, and refuses bad ones', () => {
    let s = editorReducer(initEditor(base), { type: 'mode', mode: 'free' });
    s = editorReducer(s, { type: 'raw', index: 0, text: '10' });
    expect(pendingWeights(s)).toEqual([10, 3]);
    s = editorReducer(s, { type: 'raw', index: 1, text: '-1' });
    expect(pendingWeights(s)).toBeUndefined();
    expect(rawError('1.5')).toBeDefined();
    expect(rawError('1000001')).toMatch(/at most/);
    s = editorReducer(editorReducer(s, { type: 'raw', index: 1, text: '30' }), { type: 'mode', mode: 'linked' });
    expect(pendingWeights(s)).toEqual([1, 3]);
  });

  it('an all-zero base moves from an even split', () => {
    const s = editorReducer(initEditor({ ...base, weights: [0, 0] }), { type: 'move', index: 0, share: 30 });
    expect(pendingWeights(s)).toEqual([3, 7]);
  });
});
