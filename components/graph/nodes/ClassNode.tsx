import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GatewayClassNode } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, ConditionDots, Header } from './parts';

function ClassNodeView({ data, selected }: NodeProps<GwNode>) {
  const c = data.node as GatewayClassNode;
  return (
    <Card data={data} selected={selected} frame={c.missing ? 'border-2 border-dashed border-red-500' : undefined}>
      <Header
        chip="CLASS"
        kind="GatewayClass"
        name={c.name}
        sub={c.missing ? <span className="font-semibold text-red-700 dark:text-red-400">not found</span> : c.controllerName ?? 'no controller'}
        right={<ConditionDots conditions={c.conditions} types={['Accepted']} />}
      />
    </Card>
  );
}

export default memo(ClassNodeView);
