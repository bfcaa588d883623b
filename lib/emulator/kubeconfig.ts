/** The demo cluster's own kubeconfig: plain http, insecure-skip-tls-verify and a dummy token (see docs/emulator.md). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import YAML from 'yaml';

export const CONTEXT_NAME = 'gatewatch-demo';

export function kubeconfigYaml(url: string): string {
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // client-node refuses http:// unless the cluster entry skips TLS verification.
    clusters: [{ name: CONTEXT_NAME, cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    // The emulator requires no auth; client-node still wants a user with some credential.
    users: [{ name: CONTEXT_NAME, user: { token: 'gatewatch-demo' } }],
    contexts: [{ name: CONTEXT_NAME, context: { cluster: CONTEXT_NAME, user: CONTEXT_NAME, namespace: 'default' } }],
    'current-context': CONTEXT_NAME,
    preferences: {},
  });
}

export function writeKubeconfig(path: string, url: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigYaml(url), { mode: 0o600 });
}
