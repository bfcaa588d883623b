// The real kubectl against the demo cluster: get (table columns), -o yaml, describe with events,
// apply (client- and server-side), patch (merge, json, refused), delete, get -w, and the CLI.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../lib/emulator/index';
import type { RunningEmulator } from '../../lib/emulator/api';
import { Kubectl, eventually } from '../helpers/kubectl';

let emu: RunningEmulator;
let kubectl: Kubectl;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, log: () => {} });
  kubectl = new Kubectl(emu.kubeconfigPath);
});

afterAll(async () => {
  await emu?.stop();
  kubectl?.cleanup();
});

const GC = (name: string, controller: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: ${name}
spec:
  controllerName: ${controller}
`;

describe('kubectl against the demo cluster', () => {
  it('get prints the kinds\' own columns (a Table per kind)', async () => {
    const routes = await kubectl.run(['get', 'httproutes', '-A']);
    expect(routes.code, routes.stderr).toBe(0);
    expect(routes.stdout).toMatch(/NAMESPACE\s+NAME\s+HOSTNAMES\s+AGE/);
    expect(routes.stdout).toMatch(/app2\s+b-split/);
    const svc = await kubectl.run(['get', 'svc', '-A']);
    expect(svc.stdout).toMatch(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
    expect(svc.stdout).toMatch(/httpbin\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+8000\/TCP/);
    const deploy = await kubectl.run(['get', 'deploy', '-n', 'app1']);
    expect(deploy.stdout).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/);
    expect(deploy.stdout).toMatch(/httpbin\s+1\/1\s+1\s+1/);
    const ns = await kubectl.run(['get', 'ns']);
    expect(ns.stdout).toMatch(/app1\s+Active/);
    const gw = await kubectl.run(['get', 'gateways', '-n', 'gateways']);
    expect(gw.stdout).toMatch(/NAME\s+CLASS\s+ADDRESS\s+PROGRAMMED\s+AGE/);
  });

  it('get -o yaml returns the whole object; v1alpha2 and v1 TCPRoute are one object', async () => {
    const r = await kubectl.run(['get', 'httproute', 'b-split', '-n', 'app2', '-o', 'yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('kind: HTTPRoute');
    expect(r.stdout).toMatch(/uid: [0-9a-f-]{36}/);
    const v1 = await kubectl.run(['get', 'tcproutes.v1.gateway.networking.k8s.io', 'mongodb', '-n', 'app1', '-o', 'jsonpath={.apiVersion} {.metadata.uid}']);
    const v1a2 = await kubectl.run(['get', 'tcproutes.v1alpha2.gateway.networking.k8s.io', 'mongodb', '-n', 'app1', '-o', 'jsonpath={.apiVersion} {.metadata.uid}']);
    expect(v1.stdout.split(' ')[0]).toBe('gateway.networking.k8s.io/v1');
    expect(v1a2.stdout.split(' ')[0]).toBe('gateway.networking.k8s.io/v1alpha2');
    expect(v1.stdout.split(' ')[1]).toBe(v1a2.stdout.split(' ')[1]);
  });

  it('describe shows the object and its Events (written through events.k8s.io/v1)', async () => {
    const route = emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' })!;
    emu.store.create({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'b-split.weights', namespace: 'app2' },
      eventTime: new Date().toISOString().replace('Z', '000Z'),
      reportingController: 'gatewatch',
      reportingInstance: 'gatewatch-test',
      action: 'Update',
      reason: 'WeightsChanged',
      type: 'Normal',
      note: 'b-v1=1 b-v2=0',
      regarding: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: 'app2', name: 'b-split', uid: route.metadata.uid },
    });
    const r = await kubectl.run(['describe', 'httproute', 'b-split', '-n', 'app2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Name:\s+b-split/);
    expect(r.stdout).toMatch(/Normal\s+WeightsChanged\s+\S+\s+gatewatch\s+b-v1=1 b-v2=0/);
    const other = await kubectl.run(['describe', 'httproute', 'app2', '-n', 'app2']);
    expect(other.stdout).toMatch(/Events:\s+<none>/);
  });

  it('apply -f says created, unchanged, then configured', async () => {
    const a = await kubectl.run(['apply', '-f', '-'], GC('kubectl-test', 'example.com/a'));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('gatewayclass.gateway.networking.k8s.io/kubectl-test created');
    const b = await kubectl.run(['apply', '-f', '-'], GC('kubectl-test', 'example.com/a'));
    expect(b.stdout).toContain('gatewayclass.gateway.networking.k8s.io/kubectl-test unchanged');
    const c = await kubectl.run(['apply', '-f', '-'], GC('kubectl-test', 'example.com/b'));
    expect(c.stdout).toContain('gatewayclass.gateway.networking.k8s.io/kubectl-test configured');
    const got = emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: 'kubectl-test' })!;
    expect((got.spec as { controllerName: string }).controllerName).toBe('example.com/b');
    expect(got.metadata.generation).toBe(2);
    expect(got.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('example.com/b');
  });

  it('apply -f into a namespace that does not exist is refused with NotFound', async () => {
    const r = await kubectl.run(['apply', '-f', '-'], `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: nope\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('namespaces "nope" not found');
  });

  it('apply --server-side creates and records the field manager', async () => {
    const r = await kubectl.run(['apply', '--server-side', '-f', '-'], GC('ssa-test', 'example.com/ssa'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('serverside-applied');
    const got = emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: 'ssa-test' })!;
    expect(got.metadata.managedFields?.some((m) => m.manager === 'kubectl' && m.operation === 'Apply')).toBe(true);
  });

  it('patch --type=merge and --type=json change the object', async () => {
    const m = await kubectl.run(['patch', 'httproute', 'app2', '-n', 'app2', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"web"}}}']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain('httproute.gateway.networking.k8s.io/app2 patched');
    const j = await kubectl.run(['patch', 'httproute', 'b-split', '-n', 'app2', '--type=json', '-p', '[{"op":"replace","path":"/spec/rules/0/backendRefs/0/weight","value":1}]']);
    expect(j.code, j.stderr).toBe(0);
    const route = emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' })!;
    const rules = (route.spec as { rules: { backendRefs: { weight: number }[] }[] }).rules;
    expect(rules[0].backendRefs[0].weight).toBe(1);
    expect(emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app2', name: 'app2' })!.metadata.labels?.tier).toBe('web');
  });

  it('an invalid patch is refused: exit 1, the message names the field, nothing changes', async () => {
    const weight = () => (emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app2', name: 'b-split' })!.spec as { rules: { backendRefs: { weight: number }[] }[] }).rules[0].backendRefs[0].weight;
    const before = weight();
    const r = await kubectl.run(['patch', 'httproute', 'b-split', '-n', 'app2', '--type=json', '-p', '[{"op":"replace","path":"/spec/rules/0/backendRefs/0/weight","value":-1}]']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec.rules[0].backendRefs[0].weight');
    expect(r.stderr).toContain('greater than or equal to 0');
    expect(weight()).toBe(before);
    const smp = await kubectl.run(['patch', 'httproute', 'b-split', '-n', 'app2', '-p', '{"metadata":{"labels":{"a":"b"}}}']);
    expect(smp.code).toBe(1);
    expect(smp.stderr).toContain('application/strategic-merge-patch+json is not supported');
  });

  it('apply refuses an unknown field (kubectl asks for fieldValidation=Strict)', async () => {
    const r = await kubectl.run(['apply', '-f', '-'], `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: typo\nspec:\n  controllerName: example.com/x\n  descripton: typo\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown field "spec.descripton"');
    expect(emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: 'typo' })).toBeUndefined();
  });

  it('typed commands that send protobuf work: create namespace, create secret, auth can-i', async () => {
    const ns = await kubectl.run(['create', 'namespace', 'team-a']);
    expect(ns.code, ns.stderr).toBe(0);
    expect(emu.store.get({ group: '', kind: 'Namespace', name: 'team-a' })).toBeDefined();
    const secret = await kubectl.run(['create', 'secret', 'generic', 'pw', '-n', 'team-a', '--from-literal=password=hunter2']);
    expect(secret.code, secret.stderr).toBe(0);
    const data = emu.store.get({ group: '', kind: 'Secret', namespace: 'team-a', name: 'pw' })!.data as Record<string, string>;
    expect(Buffer.from(data.password, 'base64').toString()).toBe('hunter2');
    const can = await kubectl.run(['auth', 'can-i', 'patch', 'httproutes']);
    expect(can.stdout.trim()).toBe('yes');
  });

  it('delete removes the object', async () => {
    await kubectl.run(['apply', '-f', '-'], GC('to-delete', 'example.com/d'));
    const r = await kubectl.run(['delete', 'gatewayclass', 'to-delete']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"to-delete" deleted');
    const g = await kubectl.run(['get', 'gatewayclass', 'to-delete']);
    expect(g.code).toBe(1);
    expect(g.stderr).toContain('Error from server (NotFound)');
  });

  it('get -w sees a change, then stops when killed', async () => {
    const w = kubectl.start(['get', 'httproutes', '-n', 'app1', '-w']);
    await eventually(() => w.output().includes('app1-typo'));
    const seen = w.output().length;
    emu.store.update({ ...structuredClone(emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app1', name: 'app1' })!), metadata: { ...emu.store.get({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app1', name: 'app1' })!.metadata, labels: { watched: 'yes' } } });
    await eventually(() => /app1\s+\["cadec2024\.localhost"\]/.test(w.output().slice(seen)));
    w.child.kill('SIGTERM');
    await w.exited;
  });
});

describe('npm run demo-cluster', () => {
  it('starts, prints its URL and kubeconfig, and stops on SIGTERM', async () => {
    const child = spawn('npm', ['run', '--silent', 'demo-cluster', '--', '--port', '0', '--no-controller'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await eventually(() => /kubeconfig: \S+/.test(out) || child.exitCode !== null);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const kc = new Kubectl(/kubeconfig: (\S+)/.exec(out)![1]);
      const r = await kc.run(['get', 'httproutes', '-A']);
      kc.cleanup();
      expect(r.stdout).toContain('b-split');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  });

  it('refuses a bad flag with exit code 2', async () => {
    const child = spawn('npm', ['run', '--silent', 'demo-cluster', '--', '--bogus'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(err).toContain('--bogus');
  });
});
