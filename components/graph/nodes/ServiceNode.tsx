import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { SUBLINE_H } from '@/lib/layout/sizes';
import type { ServiceNode as Svc } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, Header } from './parts';

/** Service: name, namespace, ports. A missing backend target is a red dashed ghost. */
function ServiceNodeView({ data, selected }: NodeProps<GwNode>) {
  const s = data.node as Svc;
  const ghost = !!s.missing;
  return (
    <Card
      data={data}
      selected={selected}
      frame={ghost ? 'border-2 border-dashed border-red-500 !bg-red-50/60 dark:!bg-red-950/30' : undefined}
    >
      <Header chip="SVC" kind="Service" name={s.name} sub={`${s.namespace}${s.type && s.type !== 'ClusterIP' ? ` · ${s.type}` : ''}`} />
      <div className="truncate px-2 font-mono text-[10.5px] leading-[18px]" style={{ height: SUBLINE_H }}>
        {ghost ? (
          <span className="font-sans font-semibold text-red-700 dark:text-red-400">not found</span>
        ) : (
          s.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}${p.protocol && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`).join(' · ') || 'no ports'
        )}
        {!ghost && s.backendTLSPolicies?.length ? <span className="ml-1 font-sans text-emerald-700 dark:text-emerald-400">· TLS</span> : null}
      </div>
    </Card>
  );
}

export default memo(ServiceNodeView);
