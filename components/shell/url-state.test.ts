import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from './url-state';

const parse = (s: string) => parseView(new URLSearchParams(s));

describe('view URL state', () => {
  it('an empty query is the default view, and the default view serializes to nothing', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(serializeView(DEFAULT_VIEW)).toBe('');
  });

  it('round-trips every field', () => {
    const v: ViewState = {
      namespaces: ['app1', 'app2'],
      kinds: ['HTTPRoute', 'TCPRoute'],
      layers: { classes: true, workloads: false, ingress: false },
      problemsOnly: true,
      search: 'cadec2024.localhost /app1',
      selected: 'backend|HTTPRoute:app2/b-split|r0|b1',
      selectedKind: 'edge',
      window: '1h',
      labelMode: 'latency',
      hideIdle: true,
      refresh: 0,
      collapsed: ['gateways'],
      detail: 'overview',
      problems: true,
    };
    expect(parse(serializeView(v))).toEqual(v);
  });

  it('keeps a node selection apart from an edge selection', () => {
    const v = parse('select=HTTPRoute%3Aapp1%2Fapp1-typo');
    expect(v.selected).toBe('HTTPRoute:app1/app1-typo');
    expect(v.selectedKind).toBe('node');
    expect(serializeView(v)).toBe('select=HTTPRoute%3Aapp1%2Fapp1-typo');
  });

  it('reads the level of detail the benchmark and links name (detail=full)', () => {
    expect(parse('detail=full').detail).toBe('full');
    expect(serializeView({ ...DEFAULT_VIEW, detail: 'namespaces' })).toBe('detail=namespaces');
  });

  it('ignores values it does not know instead of passing them on', () => {
    const v = parse('window=2d&labels=bogus&refresh=7&kinds=HTTPRoute,Pod&detail=everything');
    expect(v.detail).toBeNull();
    expect(v.window).toBe('5m');
    expect(v.labelMode).toBe('share');
    expect(v.refresh).toBe(30);
    expect(v.kinds).toEqual(['HTTPRoute']);
  });
});
