/** The `analyze` command's readable output: one row per finding, the fix on the line below. */
import type { Finding } from '../wire/types';

const object = (f: Finding) => `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`;

export function formatTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No problems found.\n';
  const rows = findings.map((f) => [f.severity.toUpperCase(), object(f), f.reason] as const);
  const w0 = Math.max(8, ...rows.map((r) => r[0].length));
  const w1 = Math.max(6, ...rows.map((r) => r[1].length));
  const w2 = Math.max(6, ...rows.map((r) => r[2].length));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));
  const indent = ' '.repeat(w0 + 2);
  const lines = [`${pad('SEVERITY', w0)}  ${pad('OBJECT', w1)}  ${pad('REASON', w2)}  MESSAGE`];
  findings.forEach((f, i) => {
    const [sev, obj, reason] = rows[i]!;
    lines.push(`${pad(sev, w0)}  ${pad(obj, w1)}  ${pad(reason, w2)}  ${f.message}`);
    if (f.suggestion) {
      const [first, ...rest] = f.suggestion.split('\n');
      lines.push(`${indent}fix: ${first}`);
      for (const l of rest) lines.push(`${indent}     ${l}`);
    }
  });
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push('', `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`);
  return lines.join('\n') + '\n';
}
