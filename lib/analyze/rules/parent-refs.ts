/**
 * Route attachment rules (spec digest §2): a parent that does not exist, sectionName/port matching no
 * listener (NoMatchingParent), listeners refusing the route's namespace, kind or protocol
 * (NotAllowedByListeners), hostnames that intersect no listener (NoMatchingListenerHostname), a parent
 * Gateway no controller owns, and a route attached to nothing.
 */
import type { RouteParentResult } from '../../conformance';
import type { Gateway } from '../../gateway-api/types';
import { nodeId } from '../../wire/ids';
import type { Finding } from '../../wire/types';
import type { AnalyzeContext } from '../context';
import { didYouMean } from '../did-you-mean';
import { makeFinding } from '../finding';
import { agrees, routeParentView, withAgreement } from './controller-view';
import type { RouteRule, RouteSubject } from './types';

const parentNode = (p: RouteParentResult) => nodeId(p.parentRef.kind, p.parentRef.name, p.parentRef.namespace);
const parentText = (p: RouteParentResult) => `${p.parentRef.kind} ${p.parentRef.namespace}/${p.parentRef.name}`;

function missingParent(ctx: AnalyzeContext, s: RouteSubject, p: RouteParentResult): Finding {
  const { kind, namespace, name } = p.parentRef;
  let guess = didYouMean(name, ctx.names(kind, namespace));
  let where = namespace;
  if (!guess) {
    // The name may be right and the namespace wrong.
    for (const ns of ctx.namespacesWith(kind)) {
      if (ctx.names(kind, ns).includes(name)) {
        guess = name;
        where = ns;
        break;
      }
    }
  }
  const hint = guess ? (where === namespace ? guess : `${where}/${guess}`) : undefined;
  return makeFinding('parent-not-found', { kind: s.obj.kind, namespace: s.obj.metadata.namespace, name: s.obj.metadata.name }, {
    severity: 'error',
    condition: 'Accepted',
    reason: 'NoMatchingParent',
    message: `${kind} ${namespace}/${name} not found${hint ? ` — did you mean ${hint}?` : ''}`,
    suggestion: hint
      ? where === namespace
        ? `Change parentRefs[${p.index}].name to ${guess}.`
        : `Set parentRefs[${p.index}].namespace to ${where}.`
      : `Create the ${kind} ${namespace}/${name}, or point parentRefs[${p.index}] at an existing one.`,
    related: [parentNode(p)],
    parentIndex: p.index,
    detail: `p${p.index}`,
  });
}

function listenerList(ctx: AnalyzeContext, p: RouteParentResult): string {
  const gw = ctx.snapshot.get('Gateway', p.parentRef.namespace, p.parentRef.name) as Gateway | undefined;
  const ls = Array.isArray(gw?.spec?.listeners) ? gw.spec.listeners : [];
  return ls.map((l) => `${l.name} (port ${l.port}, ${l.protocol})`).join(', ') || 'none';
}

function notAllowedSuggestion(s: RouteSubject, p: RouteParentResult): string {
  const out: string[] = [];
  for (const r of p.refusals ?? []) {
    if (r.why === 'namespace') {
      out.push(
        `Listener ${r.listener} admits ${r.detail}: set its allowedRoutes.namespaces.from to All, or to Selector with labels namespace ${s.obj.metadata.namespace} has, or move the route.`,
      );
    } else if (r.why === 'kind') out.push(`Add ${s.obj.kind} to allowedRoutes.kinds of listener ${r.listener}.`);
    else if (r.why === 'protocol') out.push(`Listener ${r.listener}: ${r.detail}; attach to a listener whose protocol carries ${s.obj.kind}.`);
  }
  return [...new Set(out)].join(' ');
}

export const parentRefRules: RouteRule = (ctx, s) => {
  const out: Finding[] = [];
  const subject = s.obj.metadata;
  for (const p of s.result.parents) {
    if (!p.supportedKind) {
      out.push(
        makeFinding('parent-kind-unsupported', { ...subject, kind: s.obj.kind }, {
          severity: 'info',
          reason: 'UnsupportedValue',
          message: `parentRefs[${p.index}] is a ${p.parentRef.kind}; Gatewatch does not evaluate this parent kind`,
          related: [parentNode(p)],
          parentIndex: p.index,
          detail: `p${p.index}`,
        }),
      );
      continue;
    }
    if (!p.parentFound) {
      out.push(missingParent(ctx, s, p));
      continue;
    }
    const view = routeParentView(s.obj, p.parentRef, 'Accepted');
    const subj = { kind: s.obj.kind, namespace: subject.namespace, name: subject.name };
    const common = { condition: 'Accepted', related: [parentNode(p)], parentIndex: p.index, detail: `p${p.index}` };
    if (p.accepted.reason === 'NoMatchingParent') {
      out.push(
        withAgreement(
          makeFinding('no-matching-parent', subj, {
            ...common,
            severity: 'error',
            reason: 'NoMatchingParent',
            message: `${p.accepted.message}.`,
            suggestion:
              p.parentRef.kind === 'Gateway'
                ? `Set parentRefs[${p.index}].sectionName/port to one of the Gateway's listeners: ${listenerList(ctx, p)}.`
                : `Use a port (or port name) that Service ${p.parentRef.name} exposes.`,
          }),
          agrees(view, 'False', 'NoMatchingParent'),
        ),
      );
    } else if (p.accepted.reason === 'NotAllowedByListeners') {
      out.push(
        withAgreement(
          makeFinding('not-allowed-by-listeners', subj, {
            ...common,
            severity: 'error',
            reason: 'NotAllowedByListeners',
            message: `No listener of ${parentText(p)} allows this ${s.obj.kind} from namespace ${subject.namespace}: ${p.accepted.message}.`,
            suggestion: notAllowedSuggestion(s, p),
          }),
          agrees(view, 'False', 'NotAllowedByListeners'),
        ),
      );
    } else if (p.accepted.reason === 'NoMatchingListenerHostname') {
      const listenerHosts = (p.refusals ?? []).filter((r) => r.why === 'hostname').map((r) => r.detail.replace('listener hostname ', ''));
      out.push(
        withAgreement(
          makeFinding('no-matching-listener-hostname', subj, {
            ...common,
            severity: 'error',
            reason: 'NoMatchingListenerHostname',
            message: `${p.accepted.message}.`,
            suggestion: `Add a hostname that matches a listener (${listenerHosts.join(', ')}) to spec.hostnames, or change the listener's hostname. Remember *.example.com does not match example.com.`,
          }),
          agrees(view, 'False', 'NoMatchingListenerHostname'),
        ),
      );
    } else if (p.accepted.status === 'True' && p.parentRef.kind === 'Gateway' && !p.controllerName) {
      const gw = ctx.snapshot.get('Gateway', p.parentRef.namespace, p.parentRef.name) as Gateway | undefined;
      out.push(
        makeFinding('parent-no-controller', subj, {
          ...common,
          severity: 'warning',
          reason: 'Pending',
          message: `Gateway ${p.parentRef.namespace}/${p.parentRef.name} names GatewayClass ${gw?.spec?.gatewayClassName ?? ''}, which does not exist: no controller will attach this route.`,
          suggestion: `Fix the Gateway's gatewayClassName (see the finding on the Gateway).`,
          related: [parentNode(p), nodeId('GatewayClass', String(gw?.spec?.gatewayClassName ?? ''))],
        }),
      );
    }
  }

  if (s.result.parents.length === 0) {
    out.push(
      makeFinding('route-unattached', { kind: s.obj.kind, namespace: subject.namespace, name: subject.name }, {
        severity: 'warning',
        reason: 'NoParentRefs',
        message: `${s.obj.kind} has no parentRefs: it is attached to nothing and carries no traffic.`,
        suggestion: 'Add a parentRef to a Gateway (north-south) or a Service (mesh).',
      }),
    );
  } else if (!s.result.parents.some((p) => p.accepted.status === 'True')) {
    out.push(
      makeFinding('route-unattached', { kind: s.obj.kind, namespace: subject.namespace, name: subject.name }, {
        severity: 'warning',
        condition: 'Accepted',
        reason: 'NotAttached',
        message: `No parent accepts this ${s.obj.kind}: it is attached to nothing and carries no traffic.`,
        suggestion: 'Fix the parentRef errors listed for this route.',
        related: s.result.parents.map(parentNode),
      }),
    );
  }
  return out;
};
