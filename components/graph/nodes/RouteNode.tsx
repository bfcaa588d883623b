import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { SUBLINE_H } from '@/lib/layout/sizes';
import type { RouteNode as Route } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { routeConditionBadges } from '../status';
import { Card, Header, Row, StatusDot } from './parts';

const CHIP: Record<Route['kind'], string> = { HTTPRoute: 'HTTP', GRPCRoute: 'GRPC', TCPRoute: 'TCP', TLSRoute: 'TLS', UDPRoute: 'UDP' };

/** Route: kind badge, per-parent condition badges, hostnames, one row (and handle) per rule. */
function RouteNodeView({ data, selected }: NodeProps<GwNode>) {
  const r = data.node as Route;
  const badges = routeConditionBadges(r);
  return (
    <Card data={data} selected={selected} frame={r.mesh ? 'border-violet-400 dark:border-violet-500' : undefined}>
      <Header
        chip={CHIP[r.kind]}
        kind={r.kind}
        name={r.name}
        sub={
          <>
            {r.namespace}
            {r.mesh && <span className="ml-1.5 font-medium text-violet-600 dark:text-violet-400">mesh</span>}
            {r.parents.length > 1 && <span> · {r.parents.length} parents</span>}
          </>
        }
        right={
          <span className="flex items-center gap-1">
            {badges.map((b) => (
              <StatusDot key={b.type} tone={b.tone} title={b.title} testId={`cond-${b.type}`} />
            ))}
          </span>
        }
      />
      {r.hostnames.length > 0 && (
        <div className="-mt-1 truncate px-2 text-[11px] leading-[18px] text-slate-600 dark:text-slate-300" style={{ height: SUBLINE_H }} title={r.hostnames.join(', ')}>
          {r.hostnames.join(', ')}
        </div>
      )}
      {r.rules.map((rule) => {
        const matches = rule.matches.length ? rule.matches.join(', ') : 'all traffic';
        const filters = rule.filters.length ? ` → ${rule.filters.join(', ')}` : '';
        const text = `${rule.name ? `${rule.name}: ` : ''}${matches}${filters}`;
        return (
          // The rule's index is drawn by CSS from data-index: one element less per row.
          <Row key={rule.handle} testId={`rule-${r.id}-${rule.index}`} title={text} index={rule.index}>
            <span className="min-w-0 flex-1 truncate font-mono text-[10.5px]">{text}</span>
          </Row>
        );
      })}
    </Card>
  );
}

export default memo(RouteNodeView);
