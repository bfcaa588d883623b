import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManifests } from './fixtures';
import { createClusterStore } from './index';
import { defaultCrdsDir } from './paths';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('loading manifests', () => {
  it('loads namespaces first, reports bad documents by file and number, and loads the rest', () => {
    dir = mkdtempSync(join(tmpdir(), 'gw-fixtures-'));
    // The route comes before its namespace in file order: namespaces must still load first.
    writeFileSync(
      join(dir, 'a.yaml'),
      [
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ok\n  namespace: demo\nspec:\n  parentRefs: [{name: gw}]\nstatus:\n  parents: []',
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: bad\n  namespace: demo\nspec:\n  rules: [{backendRefs: [{name: s, port: 80, weight: 2000000}]}]',
        'key: [unclosed',
        '# only a comment',
      ].join('\n---\n'),
    );
    writeFileSync(join(dir, 'b.yml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n');
    writeFileSync(join(dir, 'notes.txt'), 'not yaml: [');
    const store = createClusterStore();
    expect(loadManifests(store, defaultCrdsDir())).toEqual([]);
    const errors = loadManifests(store, dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ file: join(dir, 'a.yaml'), document: 3 });
    expect(errors[1]).toMatchObject({ file: join(dir, 'a.yaml'), document: 2, message: expect.stringContaining('spec.rules[0].backendRefs[0].weight') });
    const ok = store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'demo', name: 'ok' });
    expect(ok).toBeDefined();
    expect(ok!.status).toBeUndefined(); // status in manifests is dropped: a controller writes it
  });

  it('reports a missing directory instead of throwing', () => {
    const store = createClusterStore();
    expect(loadManifests(store, '/nonexistent/dir')[0].message).toContain('not found');
  });
});
