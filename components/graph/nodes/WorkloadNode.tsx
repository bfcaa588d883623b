import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { WorkloadNode as Wl } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, Header, StatusDot } from './parts';

/** Workload: the versioned app (app/version) and its replicas. */
function WorkloadNodeView({ data, selected }: NodeProps<GwNode>) {
  const w = data.node as Wl;
  const replicas = w.deployments.reduce((s, d) => s + d.replicas, 0);
  const ready = w.deployments.reduce((s, d) => s + d.readyReplicas, 0);
  const tone = replicas === 0 ? 'unknown' : ready === replicas ? 'ok' : ready === 0 ? 'error' : 'warning';
  return (
    <Card data={data} selected={selected} outHandle={false}>
      <Header
        chip="APP"
        kind="Workload"
        name={`${w.app}${w.workloadVersion ? ` ${w.workloadVersion}` : ''}`}
        sub={`${w.namespace} · ${ready}/${replicas} ready`}
        right={<StatusDot tone={tone} title={`${ready} of ${replicas} replicas ready`} />}
      />
    </Card>
  );
}

export default memo(WorkloadNodeView);
