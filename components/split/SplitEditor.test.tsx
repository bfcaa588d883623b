import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import type { RouteNode } from '@/lib/wire/types';
import { SplitEditor } from './SplitEditor';

const route: RouteNode = {
  id: 'HTTPRoute:app2/b-split', kind: 'HTTPRoute', name: 'b-split', namespace: 'app2', group: 'gateway.networking.k8s.io', version: 'v1',
  resourceVersion: '42', generation: 3, conditions: [], hostnames: [], parents: [], mesh: true,
  rules: [{
    handle: 'rule:0', index: 0, matches: ['*'], filters: [], totalWeight: 5,
    backendRefs: ['b-v1', 'b-v2'].map((name, index) => ({
      index, group: '', kind: 'Service', name, namespace: 'app2', port: 8080, weight: index ? 3 : 2, share: index ? 0.6 : 0.4,
      target: `Service:app2/${name}`, resolved: true,
    })),
  }],
};

describe('SplitEditor (server render)', () => {
  it('renders one slider per backendRef with shares and weights, presets and apply', () => {
    const html = renderToString(<SplitEditor route={route} ruleIndex={0} readOnly={false} onPreview={() => undefined} />);
    expect(html).toContain('data-testid="split-slider-0"');
    expect(html).toContain('data-testid="split-slider-1"');
    expect(html).toContain('weight <!-- -->2');
    expect(html).toContain('data-testid="split-preset-0-100"');
    expect(html).toContain('data-testid="split-apply"');
  });

  it('hides editing in read-only mode', () => {
    const html = renderToString(<SplitEditor route={route} ruleIndex={0} readOnly onPreview={() => undefined} />);
    expect(html).not.toContain('data-testid="split-apply"');
    expect(html).toContain('Read-only mode');
  });

  it('says so when the rule does not exist', () => {
    expect(renderToString(<SplitEditor route={route} ruleIndex={4} readOnly={false} onPreview={() => undefined} />)).toMatch(/has no rule (<!-- -->)?4/);
  });
});
