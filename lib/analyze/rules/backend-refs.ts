/**
 * backendRef rules (spec digest §3.5, §3.6, §4): BackendNotFound (with did-you-mean), InvalidKind,
 * RefNotPermitted (with the ReferenceGrant that would permit it), UnsupportedProtocol, a port the
 * Service does not expose, and a rule whose weights are all zero.
 */
import type { BackendResult } from '../../conformance';
import { GATEWAY_GROUP } from '../../gateway-api/kinds';
import type { Service } from '../../gateway-api/types';
import { nodeId } from '../../wire/ids';
import type { Finding } from '../../wire/types';
import type { AnalyzeContext } from '../context';
import { didYouMean } from '../did-you-mean';
import { makeFinding } from '../finding';
import { referenceGrantYaml } from '../grant-yaml';
import { agrees, routeParentView, withAgreement } from './controller-view';
import type { RouteRule, RouteSubject } from './types';

const where = (b: BackendResult) =>
  b.backendIndex >= 0 ? `rules[${b.ruleIndex}].backendRefs[${b.backendIndex}]` : `rules[${b.ruleIndex}].filters[${b.filterIndex}].requestMirror`;
const detail = (b: BackendResult) => (b.backendIndex >= 0 ? `r${b.ruleIndex}b${b.backendIndex}` : `r${b.ruleIndex}f${b.filterIndex}`);

/** The controller's ResolvedRefs verdict across the route's parents (False with the reason wins). */
function resolvedAgreement(s: RouteSubject, reason: string): boolean | undefined {
  let result: boolean | undefined;
  for (const p of s.result.parents) {
    const a = agrees(routeParentView(s.obj, p.parentRef, 'ResolvedRefs'), 'False', reason);
    if (a === true) return true;
    if (a === false) result = false;
  }
  return result;
}

function suggestionFor(ctx: AnalyzeContext, s: RouteSubject, b: BackendResult): { message: string; suggestion: string } {
  const r = b.ref;
  const msg = b.problem!.message;
  switch (b.problem!.reason) {
    case 'BackendNotFound': {
      const guess = didYouMean(r.name, ctx.names('Service', r.namespace));
      return guess
        ? { message: `${msg} — did you mean ${guess}?`, suggestion: `Change ${where(b)}.name from ${r.name} to ${guess}.` }
        : { message: `${msg}.`, suggestion: `Create Service ${r.namespace}/${r.name}, or point ${where(b)} at an existing Service.` };
    }
    case 'InvalidKind':
      return { message: `${msg}.`, suggestion: `Reference a core Service (group "", kind Service) in ${where(b)}.` };
    case 'RefNotPermitted': {
      const yaml = referenceGrantYaml(
        { group: GATEWAY_GROUP, kind: s.obj.kind, namespace: s.obj.metadata.namespace ?? '' },
        { group: '', kind: 'Service', namespace: r.namespace, name: r.name },
      );
      return { message: `${msg}.`, suggestion: `Create this ReferenceGrant in namespace ${r.namespace}:\n${yaml}` };
    }
    default:
      return { message: `${msg}.`, suggestion: `Point ${where(b)} at a Service port that speaks HTTP, or use a route kind that matches the port's protocol.` };
  }
}

function portFinding(ctx: AnalyzeContext, s: RouteSubject, b: BackendResult): Finding | undefined {
  if (b.problem || b.ref.group !== '' || b.ref.kind !== 'Service' || b.ref.port === undefined) return undefined;
  const svc = ctx.snapshot.get('Service', b.ref.namespace, b.ref.name) as Service | undefined;
  const ports = svc?.spec?.ports ?? [];
  if (!svc || ports.length === 0 || svc.spec?.type === 'ExternalName' || ports.some((p) => p.port === b.ref.port)) return undefined;
  return makeFinding('backend-port-missing', { kind: s.obj.kind, namespace: s.obj.metadata.namespace, name: s.obj.metadata.name }, {
    severity: 'error',
    condition: 'ResolvedRefs',
    reason: 'ServicePortNotFound',
    message: `Service ${b.ref.namespace}/${b.ref.name} does not expose port ${b.ref.port}.`,
    suggestion: `Set ${where(b)}.port to one of ${ports.map((p) => p.port).join(', ')}.`,
    related: [nodeId('Service', b.ref.name, b.ref.namespace)],
    detail: detail(b),
  });
}

export const backendRefRules: RouteRule = (ctx, s) => {
  const out: Finding[] = [];
  const subject = { kind: s.obj.kind, namespace: s.obj.metadata.namespace, name: s.obj.metadata.name };
  for (const b of s.result.backends) {
    if (!b.problem) {
      const pf = portFinding(ctx, s, b);
      if (pf) out.push(pf);
      continue;
    }
    const { message, suggestion } = suggestionFor(ctx, s, b);
    const rule = { BackendNotFound: 'backend-not-found', InvalidKind: 'backend-invalid-kind', RefNotPermitted: 'backend-ref-not-permitted', UnsupportedProtocol: 'backend-unsupported-protocol' }[b.problem.reason];
    out.push(
      withAgreement(
        makeFinding(rule, subject, {
          severity: 'error',
          condition: 'ResolvedRefs',
          reason: b.problem.reason,
          message,
          suggestion,
          related: [nodeId(b.ref.kind, b.ref.name, b.ref.namespace)],
          detail: detail(b),
        }),
        resolvedAgreement(s, b.problem.reason),
      ),
    );
  }

  (Array.isArray(s.obj.spec?.rules) ? s.obj.spec.rules : []).forEach((rule, ruleIndex) => {
    const refs = rule?.backendRefs ?? [];
    if (refs.length === 0) return;
    const weights = s.result.backends.filter((b) => b.ruleIndex === ruleIndex && b.backendIndex >= 0).map((b) => b.ref.weight);
    if (weights.length > 0 && weights.every((w) => w === 0)) {
      out.push(
        makeFinding('weights-all-zero', subject, {
          severity: 'warning',
          reason: 'AllWeightsZero',
          message: `Every backendRef of rules[${ruleIndex}] has weight 0: no backend can be chosen, so every request matching this rule fails (0 % routable).`,
          suggestion: `Give at least one backendRef of rules[${ruleIndex}] a weight above 0.`,
          detail: `r${ruleIndex}`,
        }),
      );
    }
  });
  return out;
};
