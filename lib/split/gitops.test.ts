import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitSnippet, detectGitOps } from './gitops';
import { bSplit } from './fixtures.test-util';

describe('detectGitOps', () => {
  it('is quiet for a route written by hand, by kubectl, or by Gatewatch', () => {
    const r = bSplit({
      managedFields: [
        { manager: 'kubectl-client-side-apply', operation: 'Update' },
        { manager: 'gatewatch', operation: 'Update' },
        { manager: 'istio-controller', operation: 'Update', subresource: 'status' },
      ],
    });
    expect(detectGitOps(r)).toEqual({ managed: false, by: undefined, reasons: [] });
  });

  it.each([
    [{ labels: { 'app.kubernetes.io/managed-by': 'argocd' } }, 'Argo CD'],
    [{ annotations: { 'argocd.argoproj.io/tracking-id': 'app:gateway.networking.k8s.io/HTTPRoute:app2/b-split' } }, 'Argo CD'],
    [{ labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps' } }, 'Flux'],
    [{ labels: { 'helm.toolkit.fluxcd.io/name': 'b' } }, 'Flux'],
    [{ labels: { 'app.kubernetes.io/managed-by': 'flux' } }, 'Flux'],
    [{ managedFields: [{ manager: 'kustomize-controller', operation: 'Apply' }] }, 'Flux'],
    [{ managedFields: [{ manager: 'argocd-controller', operation: 'Apply' }] }, 'Argo CD'],
    [{ managedFields: [{ manager: 'terraform', operation: 'Update' }] }, 'field manager terraform'],
  ])('%j → %s', (meta, by) => {
    const g = detectGitOps(bSplit(meta));
    expect(g.managed).toBe(true);
    expect(g.by).toBe(by);
    expect(g.reasons.length).toBeGreaterThan(0);
  });
});

describe('commitSnippet', () => {
  it('is YAML of the route identity and the rule with the new weights', () => {
    const text = commitSnippet(bSplit(), 0, [0, 1]);
    expect(text).toMatch(/^# HTTPRoute app2\/b-split: set in spec.rules\[0\]/);
    const doc = parse(text);
    expect(doc.metadata).toEqual({ name: 'b-split', namespace: 'app2' });
    expect(doc.spec.rules[0].backendRefs.map((b: { weight: number }) => b.weight)).toEqual([0, 1]);
  });
});
