/** Label and field selectors in the query-string syntax kube-apiserver accepts. */
import { badRequest } from './errors';

type Op = 'exists' | '!exists' | '=' | '!=' | 'in' | 'notin';
export interface Requirement {
  key: string;
  op: Op;
  values: string[];
}

/** Splits on commas that are not inside parentheses ("a in (x,y),b" → ["a in (x,y)", "b"]). */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p.length > 0);
}

const SET_RE = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQ_RE = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/;
const KEY_RE = /^(!?)\s*([^\s!=()]+)$/;

export function parseLabelSelector(s: string | null | undefined): Requirement[] {
  if (!s) return [];
  return splitTop(s).map((part) => {
    let m = SET_RE.exec(part);
    if (m) return { key: m[1], op: m[2] as Op, values: m[3].split(',').map((v) => v.trim()).filter((v) => v) };
    m = EQ_RE.exec(part);
    if (m) return { key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] };
    m = KEY_RE.exec(part);
    if (m) return { key: m[2], op: m[1] ? '!exists' : 'exists', values: [] };
    throw badRequest(`unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt`);
  });
}

export function matchLabels(reqs: Requirement[], labels: Record<string, string> | undefined): boolean {
  for (const r of reqs) {
    const v = labels?.[r.key];
    switch (r.op) {
      case 'exists': if (v === undefined) return false; break;
      case '!exists': if (v !== undefined) return false; break;
      case '=': if (v !== r.values[0]) return false; break;
      case '!=': if (v === r.values[0]) return false; break;
      case 'in': if (v === undefined || !r.values.includes(v)) return false; break;
      case 'notin': if (v !== undefined && r.values.includes(v)) return false; break;
    }
  }
  return true;
}

export interface FieldRequirement {
  field: string;
  negate: boolean;
  value: string;
}

/** Parses "a=b,c!=d"; `allowed` lists the field keys the resource supports (besides metadata.*). */
export function parseFieldSelector(s: string | null | undefined, allowed: readonly string[]): FieldRequirement[] {
  if (!s) return [];
  return splitTop(s).map((part) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${s}'; can't understand '${part}'`);
    const field = m[1].trim();
    if (field !== 'metadata.name' && field !== 'metadata.namespace' && !allowed.includes(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
    return { field, negate: m[2] === '!=', value: m[3].trim() };
  });
}

/** Reads a dotted field ("involvedObject.name"); the bare "source" key means source.component as in kube. */
function fieldValue(obj: Record<string, unknown>, path: string): string {
  if (path === 'source') path = 'source.component';
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export function matchFields(reqs: FieldRequirement[], obj: Record<string, unknown>): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field);
    if ((v === r.value) === r.negate) return false;
  }
  return true;
}
