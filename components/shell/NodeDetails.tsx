'use client';
import { useEffect, useRef } from 'react';
import { SplitEditor } from '@/components/split/SplitEditor';
import type { PendingShares } from '@/components/split/types';
import { Pre } from '@/components/ui/Pre';
import { Section } from '@/components/ui/Section';
import type { Finding, Topology, WireNode } from '@/lib/wire/types';
import { ConditionsTable } from './ConditionsTable';
import { FindingsBlock } from './FindingsBlock';
import { ObjectYaml } from './ObjectYaml';
import { kubectlCommand, objectPath } from './object-ref';
import { SpecSummary } from './SpecSummary';

export interface NodeDetailsProps {
  node: WireNode;
  topology: Topology;
  findings: Finding[];
  readOnly: boolean;
  /** Rule whose split editor is open (routes), or null. */
  editRule: number | null;
  onEditRule: (rule: number | null) => void;
  onPreview: (p: PendingShares | null) => void;
  onSelect: (id: string) => void;
}

/** Objects joined to this one by an edge, plus those the findings name. */
function related(node: WireNode, t: Topology, findings: Finding[]): WireNode[] {
  const ids = new Set<string>();
  for (const e of t.edges) {
    if (e.source === node.id) ids.add(e.target);
    if (e.target === node.id) ids.add(e.source);
  }
  for (const f of findings) for (const r of f.related ?? []) ids.add(r);
  ids.delete(node.id);
  const byId = new Map(t.nodes.map((n) => [n.id, n]));
  return [...ids].map((id) => byId.get(id)).filter((n): n is WireNode => !!n);
}

const fmt = (s?: string) => (s ? new Date(s).toLocaleString() : '–');

export function NodeDetails({ node, topology, findings, readOnly, editRule, onEditRule, onPreview, onSelect }: NodeDetailsProps) {
  const path = objectPath(node);
  const cmd = kubectlCommand(node);
  const isRoute = 'rules' in node && 'parents' in node;
  const rel = related(node, topology, findings);
  // Opening a rule's editor (from a backend edge or the picker) brings it into view.
  const splitRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editRule !== null) splitRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [editRule, node.id]);
  return (
    <>
      <Section title="Summary" testId="panel-summary">
        <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-0.5 text-xs">
          <dt className="text-slate-500 dark:text-slate-400">kind</dt>
          <dd>{node.kind}{node.missing ? ' (does not exist)' : ''}</dd>
          <dt className="text-slate-500 dark:text-slate-400">name</dt>
          <dd className="break-all font-mono">{node.name}</dd>
          {node.namespace && (<><dt className="text-slate-500 dark:text-slate-400">namespace</dt><dd>{node.namespace}</dd></>)}
          <dt className="text-slate-500 dark:text-slate-400">generation</dt>
          <dd>{node.generation ?? '–'}</dd>
          <dt className="text-slate-500 dark:text-slate-400">resourceVersion</dt>
          <dd>{node.resourceVersion ?? '–'}</dd>
          <dt className="text-slate-500 dark:text-slate-400">created</dt>
          <dd>{fmt(node.creationTimestamp)}</dd>
        </dl>
      </Section>

      <Section title="Analyzer findings · next to the controller's status" testId="panel-findings">
        <FindingsBlock findings={findings} />
      </Section>

      <Section title={isRoute ? 'Status per parentRef' : 'Conditions'} testId="panel-conditions">
        {isRoute ? (
          node.parents.length === 0 ? (
            <p className="text-xs text-slate-500">No parentRefs.</p>
          ) : (
            <div className="space-y-3">
              {node.parents.map((p) => (
                <div key={p.index}>
                  <div className="mb-1 text-xs font-medium">
                    parentRef {p.index}: {p.parentRef.kind} {p.parentRef.namespace}/{p.parentRef.name}
                    {p.parentRef.sectionName ? ` · sectionName ${p.parentRef.sectionName}` : ''}
                    {p.parentRef.port ? ` · port ${p.parentRef.port}` : ''}
                  </div>
                  {p.statuses.length === 0 ? (
                    <p className="text-xs text-slate-500 dark:text-slate-400">No controller has written status for this parentRef.</p>
                  ) : (
                    p.statuses.map((s) => <ConditionsTable key={s.controllerName} conditions={s.conditions} generation={node.generation} controller={s.controllerName} />)
                  )}
                </div>
              ))}
            </div>
          )
        ) : (
          <ConditionsTable conditions={node.conditions} generation={node.generation} controller={'controllerName' in node ? node.controllerName : undefined} />
        )}
      </Section>

      <Section title="Spec" testId="panel-spec">
        <SpecSummary node={node} />
      </Section>

      {isRoute && node.rules.some((r) => r.backendRefs.length > 0) && (
        <div ref={splitRef}>
          <Section title="Traffic split" testId="panel-split">
            <div className="mb-2 flex flex-wrap items-center gap-1 text-xs">
              <span className="text-slate-500 dark:text-slate-400">{editRule === null ? 'Open the split editor for rule' : 'Rule'}</span>
              {node.rules
                .filter((r) => r.backendRefs.length > 0)
                .map((r) => (
                  <button key={r.index} type="button" className={`gw-btn ${editRule === r.index ? 'gw-btn-on' : ''}`} aria-pressed={editRule === r.index} onClick={() => onEditRule(editRule === r.index ? null : r.index)}>
                    {r.index}
                    {r.name ? ` ${r.name}` : ''}
                  </button>
                ))}
            </div>
            {editRule !== null && node.rules[editRule] && (
              <SplitEditor key={`${node.id}#${editRule}`} route={node} ruleIndex={editRule} readOnly={readOnly} onPreview={onPreview} onClose={() => onEditRule(null)} />
            )}
          </Section>
        </div>
      )}

      {rel.length > 0 && (
        <Section title="Related" testId="panel-related">
          <ul className="flex flex-wrap gap-1.5 text-xs">
            {rel.map((r) => (
              <li key={r.id}>
                <button type="button" className="gw-btn gw-link no-underline" onClick={() => onSelect(r.id)}>
                  {r.kind} {r.namespace ? `${r.namespace}/` : ''}{r.name}{r.missing ? ' (missing)' : ''}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {cmd && (
        <Section title="kubectl" testId="panel-kubectl">
          <Pre text={cmd} testId="kubectl-command" />
        </Section>
      )}

      {path && (
        <Section title="YAML">
          <ObjectYaml path={path} resourceVersion={node.resourceVersion} />
        </Section>
      )}
    </>
  );
}
