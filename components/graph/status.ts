/** Condition and problem colours: one vocabulary for nodes, rows, edges and the legend. */
import type { ProblemSummary, RouteNode, WireCondition } from '@/lib/wire/types';

export type Tone = 'ok' | 'error' | 'warning' | 'unknown';

/** green True, red False, grey Unknown/pending, amber stale (stale wins: the status is not about the current spec). */
export function conditionTone(c: WireCondition | undefined): Tone {
  if (!c) return 'unknown';
  if (c.pending) return 'unknown';
  if (c.stale) return 'warning';
  if (c.status === 'True') return 'ok';
  if (c.status === 'False') return isNegativePolarity(c.type) ? 'ok' : 'error';
  return 'unknown';
}

/** Conditions whose True means trouble (Conflicted, Degraded …): False is the healthy state. */
function isNegativePolarity(type: string): boolean {
  return type === 'Conflicted' || type === 'Degraded' || type === 'OverlappingTLSConfig';
}

export function conditionToneTrueIsBad(c: WireCondition): Tone {
  if (isNegativePolarity(c.type) && c.status === 'True') return 'error';
  return conditionTone(c);
}

export const toneDot: Record<Tone, string> = {
  ok: 'bg-emerald-500',
  error: 'bg-red-500',
  warning: 'bg-amber-500',
  unknown: 'bg-slate-400 dark:bg-slate-500',
};

export const toneText: Record<Tone, string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  error: 'text-red-700 dark:text-red-400',
  warning: 'text-amber-700 dark:text-amber-400',
  unknown: 'text-slate-500 dark:text-slate-400',
};

/** Worst of several tones (error > warning > unknown > ok). */
export function worstTone(tones: Tone[]): Tone {
  const rank: Record<Tone, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };
  return tones.reduce<Tone>((w, t) => (rank[t] > rank[w] ? t : w), 'ok');
}

/** Per-parent condition summary of a route: one entry per parentRef, its conditions merged over controllers. */
export function routeParentConditions(route: RouteNode): { parent: string; conditions: WireCondition[] }[] {
  return route.parents.map((p) => ({
    parent: p.parentRef.sectionName ? `${p.parentRef.name}/${p.parentRef.sectionName}` : p.parentRef.name,
    conditions: p.statuses.flatMap((s) => s.conditions),
  }));
}

/** The route's badges: for each condition type, the worst tone over all parents (no status → grey). */
export function routeConditionBadges(route: RouteNode): { type: string; tone: Tone; title: string }[] {
  const types = ['Accepted', 'ResolvedRefs'];
  const perParent = routeParentConditions(route);
  for (const p of perParent) for (const c of p.conditions) if (!types.includes(c.type)) types.push(c.type);
  return types.map((type) => {
    const tones: Tone[] = [];
    const lines: string[] = [];
    for (const p of perParent) {
      const c = p.conditions.find((x) => x.type === type);
      tones.push(conditionToneTrueIsBad(c ?? { type, status: 'Unknown', reason: '', message: '', stale: false }));
      lines.push(c ? `${p.parent}: ${c.status}${c.reason ? ` (${c.reason})` : ''}${c.stale ? ' · stale' : ''}` : `${p.parent}: no status`);
    }
    return { type, tone: perParent.length ? worstTone(tones) : 'unknown', title: `${type}\n${lines.join('\n')}` };
  });
}

export function conditionTitle(c: WireCondition): string {
  const extra = c.stale ? ' · stale (observedGeneration behind)' : c.pending ? ' · never reconciled' : '';
  return `${c.type}: ${c.status}${c.reason ? ` (${c.reason})` : ''}${extra}${c.message ? `\n${c.message}` : ''}`;
}

export function problemTone(p: ProblemSummary | undefined): Tone | null {
  if (!p) return null;
  if (p.errors > 0) return 'error';
  if (p.warnings > 0) return 'warning';
  return null;
}
