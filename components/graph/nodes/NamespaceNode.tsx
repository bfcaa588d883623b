import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { NamespaceNode as Ns } from '@/lib/wire/types';
import type { GwNode } from '../flow';
import { Card, Header, StatusDot } from './parts';

const SHORT: Record<string, string> = {
  Gateway: 'gw',
  HTTPRoute: 'http',
  GRPCRoute: 'grpc',
  TCPRoute: 'tcp',
  TLSRoute: 'tls',
  UDPRoute: 'udp',
  Service: 'svc',
  Workload: 'app',
  Ingress: 'ing',
};

/** A collapsed namespace: what it holds and its worst status; the button expands it. */
function NamespaceNodeView({ data, selected }: NodeProps<GwNode>) {
  const ns = data.node as Ns;
  const tone = ns.worst === 'ok' ? 'ok' : ns.worst;
  const counts = Object.entries(ns.counts)
    .filter(([, v]) => v)
    .map(([k, v]) => `${v} ${SHORT[k] ?? k}`)
    .join(' · ');
  return (
    <Card data={data} selected={selected} frame="border-2 border-slate-400 dark:border-slate-500">
      <Header chip="NS" kind="Namespace" name={ns.name} sub={counts} right={<StatusDot tone={tone} title={`worst status: ${ns.worst}`} />} />
      <div className="px-2">
        <button
          type="button"
          className="nodrag rounded border border-slate-300 px-1.5 text-[11px] leading-5 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
          onClick={(e) => {
            e.stopPropagation();
            data.onToggleCollapse?.(ns.name);
          }}
          data-testid={`expand-${ns.name}`}
        >
          Expand
        </button>
      </div>
    </Card>
  );
}

export default memo(NamespaceNodeView);
