/** Building findings with their stable id and node id, and ordering them. */
import { nodeId } from '../wire/ids';
import type { Finding, Severity } from '../wire/types';

export interface Subject {
  kind: string;
  namespace?: string;
  name: string;
}

export type FindingFields = Omit<Finding, 'kind' | 'namespace' | 'name' | 'rule' | 'nodeId' | 'id'> & {
  /** Distinguishes several findings of one rule on one object (e.g. `p0`, `r1b0`, a listener name). */
  detail?: string;
};

export function subjectNodeId(s: Subject): string {
  return nodeId(s.kind, s.name, s.namespace);
}

export function makeFinding(rule: string, subject: Subject, fields: FindingFields): Finding {
  const { detail, ...rest } = fields;
  const id = subjectNodeId(subject);
  // One literal with every field in a fixed order, then the optional ones copied in that order:
  // tens of thousands of findings then share a few hidden classes instead of one each.
  const f: Finding = {
    severity: rest.severity,
    kind: subject.kind,
    name: subject.name,
    reason: rest.reason,
    message: flat(rest.message),
    rule,
    nodeId: flat(id),
    id: flat(`${rule}|${id}|${detail ?? ''}`),
  };
  if (subject.namespace) f.namespace = subject.namespace;
  for (const k of OPTIONAL) if (rest[k] !== undefined) (f as unknown as Record<string, unknown>)[k] = rest[k];
  if (f.suggestion) flat(f.suggestion);
  return f;
}

const OPTIONAL = ['condition', 'suggestion', 'related', 'parentIndex', 'controllerAgrees'] as const satisfies readonly (keyof FindingFields)[];

/**
 * Messages and ids are built by concatenation, which V8 keeps as chains of rope pieces (several
 * times the bytes of the text); flattening them while young lets the garbage collector drop the
 * rope. A large cluster holds tens of thousands of findings.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.kind.localeCompare(b.kind) ||
      (a.namespace ?? '').localeCompare(b.namespace ?? '') ||
      a.name.localeCompare(b.name) ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
}
