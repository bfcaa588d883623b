import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GatewayNode as Gw } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, ConditionDots, Header, Row } from './parts';
import { conditionTitle, conditionToneTrueIsBad, worstTone } from '../status';

/** Gateway: class and status in the header, one row (and one handle) per listener. */
function GatewayNodeView({ data, selected }: NodeProps<GwNode>) {
  const gw = data.node as Gw;
  return (
    // The out handle carries the overview's one edge to the summary of the Gateway's routes.
    <Card data={data} selected={selected} outHandle>
      <Header
        chip="GW"
        kind="Gateway"
        name={gw.name}
        sub={`${gw.namespace} · ${gw.gatewayClassName}${gw.addresses.length ? ` · ${gw.addresses[0]}` : ''}`}
        right={<ConditionDots conditions={gw.conditions} types={['Accepted', 'Programmed']} />}
      />
      {gw.listeners.map((l) => {
        const tone = l.conditions.length ? worstTone(l.conditions.map(conditionToneTrueIsBad)) : 'unknown';
        const routes = l.attachedRoutes;
        return (
          // The row's title carries the listener's conditions; its status dot is drawn by CSS (data-tone).
          <Row key={l.handle} testId={`listener-${gw.id}-${l.name}`} title={l.conditions.map(conditionTitle).join('\n') || 'No listener status'} tone={tone}>
            <span className="w-[74px] truncate font-medium">{l.name}</span>
            <span className="w-[90px] shrink-0 truncate tabular-nums text-slate-500 dark:text-slate-400">{`${l.protocol} :${l.port}`}</span>
            <span className="min-w-0 flex-1 truncate text-slate-500 dark:text-slate-400">{l.hostname ?? '*'}</span>
            <span className="shrink-0 pr-1.5 tabular-nums text-slate-500 dark:text-slate-400" title="attached routes (from status)">
              {routes === undefined ? '–' : `${routes} rt`}
            </span>
          </Row>
        );
      })}
    </Card>
  );
}

export default memo(GatewayNodeView);
