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
  const f: Finding = { ...rest, kind: subject.kind, name: subject.name, rule, nodeId: id, id: `${rule}|${id}|${detail ?? ''}` };
  if (subject.namespace) f.namespace = subject.namespace;
  return f;
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
