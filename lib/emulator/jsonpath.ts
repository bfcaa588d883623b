/**
 * The small JSONPath subset CRD additionalPrinterColumns use: `.a.b`, `[n]`, `[*]` and
 * `[?(@.type=="Ready")]`. Results are printed the way kubectl joins them (comma-separated).
 */
type Step = { prop: string } | { index: number } | { all: true } | { filter: { path: string[]; value: string } };

function parse(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[\*\]|\[\?\(@\.([^=!]+)==["']([^"']*)["']\)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) steps.push({ prop: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ filter: { path: m[3].split('.'), value: m[4] } });
    else steps.push({ all: true });
  }
  return steps;
}

const cache = new Map<string, Step[]>();

export function evalJsonPath(obj: unknown, path: string): unknown[] {
  let steps = cache.get(path);
  if (!steps) cache.set(path, (steps = parse(path)));
  let cur: unknown[] = [obj];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const c of cur) {
      if (c === null || typeof c !== 'object') continue;
      if ('prop' in s) {
        const v = (c as Record<string, unknown>)[s.prop];
        if (v !== undefined) next.push(v);
      } else if ('index' in s) {
        if (Array.isArray(c) && s.index < c.length) next.push(c[s.index]);
      } else if ('all' in s) {
        if (Array.isArray(c)) next.push(...c);
        else next.push(...Object.values(c));
      } else if (Array.isArray(c)) {
        for (const item of c) {
          let v: unknown = item;
          for (const p of s.filter.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
          if (v !== undefined && String(v) === s.filter.value) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}
