import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/wire/types';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (args: string[], input?: string) => {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'analyze.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'gatewatch-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [{name: http, port: 80, protocol: HTTP}]
`;

describe('analyze CLI', () => {
  it('reference environment: exit 1, table with both mistakes', () => {
    const r = run([join(ROOT, 'fixtures', 'reference-env')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('SEVERITY');
    expect(r.stdout).toContain('Service app1/httbin not found — did you mean httpbin?');
    expect(r.stdout).toContain('did you mean envoy-gateway-class?');
  });

  it('--json prints exactly the Finding[] array', () => {
    const r = run(['--json', join(ROOT, 'fixtures', 'reference-env')]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.find((f) => f.name === 'app1-typo')).toMatchObject({ severity: 'error', reason: 'BackendNotFound', kind: 'HTTPRoute', namespace: 'app1' });
    expect(findings.find((f) => f.name === 'envoy-tcp-mongodb-typo')).toMatchObject({ reason: 'GatewayClassNotFound' });
  });

  it('exit 0 on clean input from stdin, and a kubectl List', () => {
    expect(run(['-'], GOOD).code).toBe(0);
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: gateway.networking.k8s.io/v1\n  kind: GatewayClass\n  metadata: {name: gc}\n  spec: {controllerName: example.com/c}\n- apiVersion: gateway.networking.k8s.io/v1\n  kind: Gateway\n  metadata: {name: gw, namespace: d}\n  spec: {gatewayClassName: gcx, listeners: [{name: h, port: 80, protocol: HTTP}]}\n`;
    const r = run(['--json', '-'], list);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Finding[]).map((f) => f.reason)).toContain('GatewayClassNotFound');
  });

  it('exit 2 with file and line on a parse error', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'kind: Gateway\nmetadata:\n  name: [x\n');
    const r = run([bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+/);
  });

  it('exit 2 on a missing path and on an unknown flag (with usage)', () => {
    expect(run([join(dir, 'nope.yaml')]).code).toBe(2);
    const r = run(['--frobnicate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage:');
    expect(run([]).code).toBe(2);
  });
});
