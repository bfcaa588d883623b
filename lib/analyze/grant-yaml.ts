/** The ReferenceGrant that would permit a cross-namespace reference, as YAML to paste. */
import { stringify } from 'yaml';
import { GATEWAY_GROUP } from '../gateway-api/kinds';

export function referenceGrantYaml(
  from: { group: string; kind: string; namespace: string },
  to: { group: string; kind: string; namespace: string; name: string },
): string {
  const doc = {
    apiVersion: `${GATEWAY_GROUP}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name: `allow-${from.namespace}-${from.kind.toLowerCase()}s-to-${to.name}`.slice(0, 253), namespace: to.namespace },
    spec: { from: [{ group: from.group, kind: from.kind, namespace: from.namespace }], to: [{ group: to.group, kind: to.kind, name: to.name }] },
  };
  return stringify(doc, { lineWidth: 0 }).trimEnd();
}
