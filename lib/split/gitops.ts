/**
 * GitOps detection: a route whose spec is owned by Argo CD or Flux (labels, annotations) or written by
 * another field manager will have a live weight change reverted on the next sync. The editor then warns
 * and offers the YAML to commit to the source repository instead.
 */
import { stringify } from 'yaml';
import type { KObject, Route } from '../gateway-api/types';

export interface GitOpsInfo {
  managed: boolean;
  /** "Argo CD", "Flux", or "field manager <name>" (first reason wins). */
  by?: string;
  /** Every signal found, e.g. `label app.kubernetes.io/managed-by=argocd`. */
  reasons: string[];
}

/** Field managers whose writes are ours or an operator's by hand. */
function isOwnOrManual(manager: string): boolean {
  return /^gatewatch/.test(manager) || /^kubectl/.test(manager) || manager === 'before-first-apply';
}

const ARGO = /^argocd\.argoproj\.io\//;
const FLUX = /^(kustomize|helm)\.toolkit\.fluxcd\.io\//;

export function detectGitOps(obj: Pick<KObject, 'metadata'>): GitOpsInfo {
  const reasons: string[] = [];
  let by: string | undefined;
  const note = (who: string, why: string) => {
    by ??= who;
    reasons.push(why);
  };
  const { labels = {}, annotations = {}, managedFields = [] } = obj.metadata;
  for (const [where, map] of [['label', labels], ['annotation', annotations]] as const) {
    for (const [k, v] of Object.entries(map)) {
      if (ARGO.test(k)) note('Argo CD', `${where} ${k}`);
      else if (FLUX.test(k)) note('Flux', `${where} ${k}`);
      else if (k === 'app.kubernetes.io/managed-by' && /argo/i.test(v)) note('Argo CD', `${where} ${k}=${v}`);
      else if (k === 'app.kubernetes.io/managed-by' && /flux/i.test(v)) note('Flux', `${where} ${k}=${v}`);
    }
  }
  for (const f of managedFields) {
    // Status writers (the Gateway controller) do not fight over spec.
    if (!f.manager || f.subresource === 'status' || isOwnOrManual(f.manager)) continue;
    const m = f.manager;
    const who = /argocd/i.test(m) ? 'Argo CD' : /kustomize-controller|helm-controller|flux/i.test(m) ? 'Flux' : `field manager ${m}`;
    const why = `managedFields manager ${m}`;
    if (!reasons.includes(why)) note(who, why);
  }
  return { managed: reasons.length > 0, by, reasons };
}

export interface SnippetRoute {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * The YAML to commit instead of the live change: the route's identity and the edited rule with its
 * backendRefs carrying the new weights. Only that rule is shown; the comment says where it goes.
 */
export function snippetYaml(route: SnippetRoute, ruleIndex: number, ruleName: string | undefined, backendRefs: readonly object[]): string {
  const text = stringify({
    apiVersion: route.apiVersion,
    kind: route.kind,
    metadata: { name: route.name, namespace: route.namespace },
    spec: { rules: [{ ...(ruleName ? { name: ruleName } : {}), backendRefs }] },
  });
  return `# ${route.kind} ${route.namespace}/${route.name}: set in spec.rules[${ruleIndex}]\n${text}`;
}

/** commitSnippet for a route object as read from the cluster. */
export function commitSnippet(route: Route, ruleIndex: number, to: readonly number[]): string {
  const rule = route.spec?.rules?.[ruleIndex];
  const backendRefs = (rule?.backendRefs ?? []).map((ref, i) => ({ ...ref, weight: to[i] ?? ref.weight }));
  const m = route.metadata;
  return snippetYaml({ apiVersion: route.apiVersion, kind: route.kind, name: m.name, namespace: m.namespace }, ruleIndex, rule?.name, backendRefs);
}
