import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { summaryRoutes } from '@/lib/model/overview';
import type { SummaryNode as Summary } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, Header, StatusDot } from './parts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The overview's stand-in for what is attached to one Gateway: counts, problems, worst status; click drills down. */
function SummaryNodeView({ data, selected }: NodeProps<GwNode>) {
  const s = data.node as Summary;
  const routes = summaryRoutes(s);
  const what = `${plural(routes, 'route')} in ${plural(s.namespaces.length, 'namespace')}`;
  const p = s.problems;
  const problems = p && (p.errors || p.warnings) ? [p.errors ? plural(p.errors, 'error') : '', p.warnings ? plural(p.warnings, 'warning') : ''].filter(Boolean).join(' · ') : 'no problems';
  const rest = [s.counts.Service ? plural(s.counts.Service, 'Service') : '', s.counts.Workload ? plural(s.counts.Workload, 'workload') : ''].filter(Boolean).join(' · ');
  return (
    <Card data={data} selected={selected} frame="border-2 border-dashed border-indigo-300 dark:border-indigo-700" label={what}>
      <Header
        chip={s.gateway ? 'ROUTES' : 'OTHER'}
        kind="Summary"
        name={what}
        sub={s.gateway ? `attached to ${s.name}` : s.name}
        right={<StatusDot tone={s.worst} title={`worst status: ${s.worst}`} testId="summary-worst" />}
      />
      <div className="truncate px-2 text-[11px] leading-[18px]" title={`${problems}${rest ? ` · ${rest}` : ''} — click to show these namespaces`} data-testid="summary-problems">
        <span className={p?.errors ? 'font-semibold text-red-700 dark:text-red-400' : p?.warnings ? 'font-semibold text-amber-700 dark:text-amber-400' : 'text-slate-500 dark:text-slate-400'}>{problems}</span>
        {rest && ` · ${rest}`}
      </div>
    </Card>
  );
}

export default memo(SummaryNodeView);
