import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import { snapshotFromObjects } from '../model/snapshot';
import { analyze } from './analyze';
import { loadObjects, REPO_ROOT, yamlFiles } from './testing/fixtures';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'gateway-api');
const CLASS: KObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'conformance-class' }, spec: { controllerName: 'example.com/conformance' } };
const base = () => [...loadObjects(join(FIX, 'conformance', 'base', 'manifests.yaml')), CLASS];

describe('every conformance and example manifest parses and analyzes', () => {
  const files = [...yamlFiles(join(FIX, 'conformance')), ...yamlFiles(join(FIX, 'examples'))];
  it.each(files.map((f) => [f.slice(FIX.length + 1), f]))('%s', (_name, file) => {
    const objs = [...base(), ...loadObjects(file)];
    const findings = analyze(snapshotFromObjects(objs), { expectStatus: false });
    expect(findings.filter((f) => f.rule === 'analyzer-error')).toEqual([]);
  });
});

/** [test manifest, route or gateway name, expected reason] as the conformance suite asserts them. */
const EXPECTED: [string, string, string][] = [
  ['httproute-invalid-nonexistent-backendref', 'invalid-nonexistent-backend-ref', 'BackendNotFound'],
  ['httproute-invalid-cross-namespace-backend-ref', 'invalid-cross-namespace-backend-ref', 'RefNotPermitted'],
  ['httproute-invalid-reference-grant', 'reference-grant', 'RefNotPermitted'],
  ['httproute-invalid-parentref-not-matching-section-name', 'httproute-listener-not-matching-section-name', 'NoMatchingParent'],
  ['httproute-invalid-parentref-not-matching-listener-port', 'httproute-listener-not-matching-route-port', 'NoMatchingParent'],
  ['httproute-invalid-parentref-section-name-not-matching-port', 'httproute-listener-section-name-not-matching-port', 'NoMatchingParent'],
  ['httproute-hostname-intersection', 'no-intersecting-hosts', 'NoMatchingListenerHostname'],
  ['httproute-disallowed-kind', 'disallowed-kind', 'NotAllowedByListeners'],
  ['httproute-invalid-cross-namespace-parent-ref', 'invalid-cross-namespace-parent-ref', 'NotAllowedByListeners'],
  ['httproute-invalid-backendref-unknown-kind', 'invalid-backend-ref-unknown-kind', 'InvalidKind'],
  ['tcproute-invalid-non-tcp-listener', 'tcp-route', 'NotAllowedByListeners'],
  ['udproute-not-allowed-by-listeners', 'udproute-not-allowed-by-listeners', 'NotAllowedByListeners'],
  ['tlsroute-invalid-no-matching-listener', 'tlsroute-no-matching-section-name', 'NoMatchingParent'],
  ['tlsroute-invalid-no-matching-listener', 'tlsroute-not-allowed-protocol-http', 'NotAllowedByListeners'],
  ['tlsroute-invalid-no-matching-listener', 'tlsroute-not-allowed-protocol-https', 'NotAllowedByListeners'],
  ['tlsroute-invalid-no-matching-listener-hostname', 'tlsroute-hostname-mismatch-1', 'NoMatchingListenerHostname'],
  ['gateway-invalid-tls-configuration', 'gateway-certificate-nonexistent-secret', 'InvalidCertificateRef'],
  ['gateway-secret-missing-reference-grant', 'gateway-secret-missing-reference-grant', 'RefNotPermitted'],
  ['gateway-invalid-route-kind', 'gateway-only-invalid-route-kind', 'InvalidRouteKinds'],
  ['gateway-invalid-listeners-unsupported-protocol', 'gateway-only-unsupported-protocols', 'UnsupportedProtocol'],
];

describe('conformance cases get the reason the suite expects', () => {
  it.each(EXPECTED)('%s: %s → %s', (test, name, reason) => {
    const objs = loadObjects(join(FIX, 'conformance', 'tests', `${test}.yaml`));
    const findings = analyze(snapshotFromObjects([...base(), ...objs]), { expectStatus: false });
    expect(findings.filter((f) => f.name === name).map((f) => f.reason)).toContain(reason);
  });

  it.each(['httproute-simple-same-namespace', 'httproute-cross-namespace', 'httproute-reference-grant'])('%s: no errors on its routes', (test) => {
    const objs = loadObjects(join(FIX, 'conformance', 'tests', `${test}.yaml`));
    const names = new Set(objs.map((o) => o.metadata.name));
    const findings = analyze(snapshotFromObjects([...base(), ...objs]), { expectStatus: false });
    expect(findings.filter((f) => names.has(f.name) && f.severity === 'error')).toEqual([]);
  });
});
