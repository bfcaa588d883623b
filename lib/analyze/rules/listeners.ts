/**
 * Listener rules (spec digest §3.4): HostnameConflict / ProtocolConflict, InvalidCertificateRef (missing
 * Secret, with did-you-mean), RefNotPermitted for a Secret in another namespace without a grant,
 * InvalidRouteKinds, UnsupportedProtocol.
 */
import { GATEWAY_GROUP } from '../../gateway-api/kinds';
import { nodeId } from '../../wire/ids';
import type { Finding, Severity } from '../../wire/types';
import { didYouMean } from '../did-you-mean';
import { makeFinding } from '../finding';
import { referenceGrantYaml } from '../grant-yaml';
import { agrees, listenerView, withAgreement } from './controller-view';
import type { GatewayRule } from './types';

const RULES: Record<string, { rule: string; severity: Severity }> = {
  HostnameConflict: { rule: 'listener-conflict', severity: 'error' },
  ProtocolConflict: { rule: 'listener-conflict', severity: 'error' },
  InvalidCertificateRef: { rule: 'listener-invalid-certificate', severity: 'error' },
  RefNotPermitted: { rule: 'listener-ref-not-permitted', severity: 'error' },
  InvalidRouteKinds: { rule: 'listener-invalid-route-kinds', severity: 'warning' },
  UnsupportedProtocol: { rule: 'listener-unsupported-protocol', severity: 'error' },
};

export const listenerRules: GatewayRule = (ctx, s) => {
  const out: Finding[] = [];
  const ns = s.obj.metadata.namespace ?? '';
  const subject = { kind: 'Gateway', namespace: ns, name: s.obj.metadata.name };
  for (const l of s.result.listeners) {
    l.problems.forEach((p, i) => {
      const meta = { ...(RULES[p.reason] ?? { rule: 'listener-invalid', severity: 'error' as Severity }) };
      // Offline, a Secret missing from the files may well exist in the cluster (Secrets rarely live in git).
      if (p.reason === 'InvalidCertificateRef' && !ctx.expectStatus && p.secret?.kind === 'Secret' && p.secret.group === '') meta.severity = 'warning';
      let message = `Listener ${l.name}: ${p.message}`;
      let suggestion: string;
      const related: string[] = [];
      if (p.reason === 'HostnameConflict' || p.reason === 'ProtocolConflict') {
        suggestion =
          p.reason === 'ProtocolConflict'
            ? `Move listener ${l.name} or ${p.conflictsWith?.join(', ')} to another port: listeners on one port must share a protocol.`
            : `Give listener ${l.name} a distinct hostname, or merge it with ${p.conflictsWith?.join(', ')}.`;
      } else if (p.reason === 'InvalidCertificateRef' && p.secret) {
        related.push(nodeId('Secret', p.secret.name, p.secret.namespace));
        const guess = p.secret.kind === 'Secret' ? didYouMean(p.secret.name, ctx.names('Secret', p.secret.namespace)) : undefined;
        if (guess) message += ` — did you mean ${guess}?`;
        suggestion = guess
          ? `Change tls.certificateRefs[${p.certificateIndex}].name to ${guess}.`
          : `Create the TLS Secret ${p.secret.namespace}/${p.secret.name} (e.g. with cert-manager), or reference an existing one.`;
      } else if (p.reason === 'RefNotPermitted' && p.secret) {
        related.push(nodeId('Secret', p.secret.name, p.secret.namespace));
        suggestion = `Create this ReferenceGrant in namespace ${p.secret.namespace}:\n${referenceGrantYaml(
          { group: GATEWAY_GROUP, kind: 'Gateway', namespace: ns },
          { group: '', kind: 'Secret', namespace: p.secret.namespace, name: p.secret.name },
        )}`;
      } else if (p.reason === 'InvalidRouteKinds') {
        suggestion = `Remove route kinds that protocol ${l.protocol} cannot carry from allowedRoutes.kinds of listener ${l.name}.`;
      } else {
        suggestion = `Use one of the protocols HTTP, HTTPS, TLS, TCP or UDP on listener ${l.name}.`;
      }
      const status = p.condition === 'Conflicted' ? 'True' : 'False';
      out.push(
        withAgreement(
          makeFinding(meta.rule, subject, {
            severity: meta.severity,
            condition: p.condition,
            reason: p.reason,
            message: message.endsWith('?') ? message : `${message}.`,
            suggestion,
            related,
            detail: `${l.name}#${i}`,
          }),
          agrees(listenerView(s.obj, l.name, p.condition), status, p.reason),
        ),
      );
    });
  }
  return out;
};
