import { pct } from '@/components/graph/edge-label';
import { conditionTone } from '@/components/graph/status';
import { Dot } from '@/components/ui/Dot';
import type { WireNode } from '@/lib/wire/types';

const td = 'py-0.5 pr-2 align-top';

/** The spec in short: listeners, rules with matches, filters and backends (weights and shares), ports. */
export function SpecSummary({ node }: { node: WireNode }) {
  switch (node.kind) {
    case 'Gateway':
      return (
        <div className="space-y-1 text-xs">
          <p>
            class <span className="font-mono">{node.gatewayClassName}</span>
            {node.addresses.length > 0 && <> · addresses {node.addresses.join(', ')}</>}
          </p>
          <table className="w-full text-left" data-testid="listeners">
            <thead className="text-[11px] text-slate-500 dark:text-slate-400">
              <tr><th className="font-medium">Listener</th><th className="font-medium">Protocol</th><th className="font-medium">Port</th><th className="font-medium">Hostname</th><th className="font-medium">Routes</th></tr>
            </thead>
            <tbody>
              {node.listeners.map((l) => {
                const worst = l.conditions.find((c) => conditionTone(c) !== 'ok');
                return (
                  <tr key={l.name}>
                    <td className={td}><span className="flex items-center gap-1"><Dot tone={worst ? conditionTone(worst) : 'ok'} />{l.name}</span>{worst && <div className="text-[11px] text-slate-500">{worst.type} {worst.status} {worst.reason}</div>}</td>
                    <td className={td}>{l.protocol}{l.tlsMode ? ` (${l.tlsMode})` : ''}</td>
                    <td className={td}>{l.port}</td>
                    <td className={`${td} break-all`}>{l.hostname ?? '*'}</td>
                    <td className={td}>{l.attachedRoutes ?? '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      );
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TCPRoute':
    case 'TLSRoute':
    case 'UDPRoute':
      return (
        <div className="space-y-2 text-xs">
          {node.hostnames.length > 0 && <p>hostnames: <span className="font-mono">{node.hostnames.join(', ')}</span></p>}
          <p>
            parents:{' '}
            {node.parents.map((p) => `${p.parentRef.kind} ${p.parentRef.namespace}/${p.parentRef.name}${p.parentRef.sectionName ? `/${p.parentRef.sectionName}` : ''}${p.parentRef.port ? `:${p.parentRef.port}` : ''}`).join(', ') || '–'}
          </p>
          <ol className="space-y-1.5" data-testid="rules">
            {node.rules.map((r) => (
              <li key={r.index} className="rounded border border-slate-200 p-1.5 dark:border-slate-700">
                <div className="font-medium">
                  rule {r.index}
                  {r.name ? ` (${r.name})` : ''}: <span className="font-mono font-normal">{r.matches.join(' | ') || '*'}</span>
                </div>
                {r.filters.length > 0 && <div className="text-slate-600 dark:text-slate-300">filters: {r.filters.join(', ')}</div>}
                <ul>
                  {r.backendRefs.map((b) => (
                    <li key={b.index} className="flex gap-2 font-mono">
                      <Dot tone={b.resolved ? 'ok' : 'error'} label={b.resolved ? 'resolved' : 'not found'} />
                      <span className="break-all">{b.kind === 'Service' ? '' : `${b.kind} `}{b.namespace !== node.namespace ? `${b.namespace}/` : ''}{b.name}{b.port ? `:${b.port}` : ''}</span>
                      <span className="ml-auto whitespace-nowrap text-slate-600 dark:text-slate-300">weight {b.weight} · {pct(b.share)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      );
    case 'Service':
      return (
        <p className="text-xs">
          {node.type ?? 'ClusterIP'} {node.clusterIP ?? ''} · ports {node.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}${p.targetPort !== undefined ? `→${p.targetPort}` : ''}`).join(', ') || '–'}
          {node.backendTLSPolicies?.length ? ` · BackendTLSPolicy ${node.backendTLSPolicies.join(', ')}` : ''}
        </p>
      );
    case 'Workload':
      return (
        <ul className="text-xs">
          {node.deployments.map((d) => (
            <li key={d.name}>Deployment {d.name}: {d.readyReplicas}/{d.replicas} ready</li>
          ))}
        </ul>
      );
    case 'Ingress':
      return (
        <div className="text-xs">
          <p>class {node.ingressClassName ?? '–'}{node.tlsHosts.length ? ` · TLS ${node.tlsHosts.join(', ')}` : ''}</p>
          <ul className="font-mono">{node.rules.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      );
    case 'Namespace':
      return <p className="text-xs">{Object.entries(node.counts).map(([k, v]) => `${v} ${k}`).join(', ')}</p>;
    case 'GatewayClass':
      return <p className="text-xs">controllerName <span className="font-mono">{node.controllerName ?? '–'}</span></p>;
  }
}
