import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { IngressNode as Ing } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, Header, Row } from './parts';

/** Ingress, drawn beside the Gateways: dashed outline, class, rules in short. */
function IngressNodeView({ data, selected }: NodeProps<GwNode>) {
  const i = data.node as Ing;
  return (
    <Card data={data} selected={selected} frame="border-2 border-dashed border-stone-400 dark:border-stone-500">
      <Header chip="Ingress" kind="Ingress" name={i.name} sub={`${i.namespace} · ${i.ingressClassName ?? 'default class'}${i.tlsHosts.length ? ' · TLS' : ''}`} />
      {(i.rules.length ? i.rules : ['no rules']).map((r, idx) => (
        <Row key={idx} title={r}>
          <span className="min-w-0 flex-1 truncate font-mono text-[10.5px]">{r}</span>
        </Row>
      ))}
    </Card>
  );
}

export default memo(IngressNodeView);
