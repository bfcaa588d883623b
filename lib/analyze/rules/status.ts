/**
 * Status rules (spec digest §3.1): status that is stale (observedGeneration behind metadata.generation)
 * or still the CRD default (Pending, 1970), a Gateway or route parent no controller has written status
 * for, and a controller whose verdict differs from Gatewatch's evaluation.
 */
import { findCondition, isPending, isStale } from '../../gateway-api/conditions';
import type { Condition, GatewayClass } from '../../gateway-api/types';
import { nodeId } from '../../wire/ids';
import type { Finding } from '../../wire/types';
import { makeFinding, type Subject } from '../finding';
import { parentEntries, routeParentView } from './controller-view';
import type { GatewayClassRule, GatewayRule, RouteRule } from './types';

const NOT_PROCESSED = 'the controller has not processed this change';

function conditionFindings(subject: Subject, conditions: readonly Condition[] | undefined, generation: number | undefined, where: string, detail: string): Finding[] {
  const list = Array.isArray(conditions) ? conditions.filter((c) => c && typeof c === 'object') : [];
  const pending = list.filter(isPending);
  const stale = list.filter((c) => !isPending(c) && isStale(c, generation));
  const out: Finding[] = [];
  if (pending.length > 0) {
    out.push(
      makeFinding('status-pending', subject, {
        severity: 'warning',
        condition: pending[0]!.type,
        reason: 'Pending',
        message: `${where}${pending.map((c) => c.type).join(', ')} still the CRD default (Pending since 1970): ${NOT_PROCESSED}.`,
        suggestion: 'Check that the controller for this object is running and watching its namespace.',
        detail,
      }),
    );
  }
  if (stale.length > 0) {
    out.push(
      makeFinding('status-stale', subject, {
        severity: 'warning',
        condition: stale[0]!.type,
        reason: 'StaleStatus',
        message: `${where}${stale.map((c) => `${c.type} (generation ${c.observedGeneration})`).join(', ')} written for an older spec than generation ${generation}: ${NOT_PROCESSED}, so the status may not describe the current spec.`,
        suggestion: 'Wait for the controller to catch up; if it does not, check its logs.',
        detail,
      }),
    );
  }
  return out;
}

export const gatewayClassStatusRules: GatewayClassRule = (ctx, gc: GatewayClass) => {
  const subject = { kind: 'GatewayClass', name: gc.metadata.name };
  const out = conditionFindings(subject, gc.status?.conditions, gc.metadata.generation, '', '');
  if (ctx.expectStatus && !findCondition(gc.status?.conditions, 'Accepted')) {
    out.push(
      makeFinding('gatewayclass-no-status', subject, {
        severity: 'warning',
        condition: 'Accepted',
        reason: 'Pending',
        message: `No controller has written status for GatewayClass ${gc.metadata.name}: is ${gc.spec?.controllerName} installed?`,
        suggestion: `Install or start the controller named ${gc.spec?.controllerName}, or fix spec.controllerName.`,
      }),
    );
  }
  return out;
};

export const gatewayStatusRules: GatewayRule = (ctx, s) => {
  const subject = { kind: 'Gateway', namespace: s.obj.metadata.namespace, name: s.obj.metadata.name };
  const gen = s.obj.metadata.generation;
  const conds = s.obj.status?.conditions;
  const out = conditionFindings(subject, conds, gen, '', '');
  const written = Array.isArray(conds) && conds.some((c) => c && !isPending(c));
  if (ctx.expectStatus && s.result.classExists && !written) {
    out.push(
      makeFinding('gateway-no-status', subject, {
        severity: 'warning',
        condition: 'Accepted',
        reason: 'Pending',
        message: `No controller has written status for this Gateway: ${s.result.controllerName} (GatewayClass ${s.result.gatewayClassName}) has not processed it.`,
        suggestion: `Check that the controller ${s.result.controllerName} is running.`,
        related: [nodeId('GatewayClass', s.result.gatewayClassName)],
      }),
    );
  }
  const accepted = findCondition(conds, 'Accepted');
  const expected = s.result.conditions.find((c) => c.type === 'Accepted')!;
  if (accepted && !isPending(accepted) && !isStale(accepted, gen) && accepted.status !== expected.status) {
    out.push(
      makeFinding('controller-disagrees', subject, {
        severity: 'info',
        condition: 'Accepted',
        reason: accepted.reason,
        message: `The controller says Accepted=${accepted.status} (${accepted.reason}); Gatewatch's evaluation expects Accepted=${expected.status} (${expected.reason}).`,
        suggestion: 'One of the two is wrong: read the controller\'s message, and report a Gatewatch rule that misjudges.',
        controllerAgrees: false,
        detail: 'Accepted',
      }),
    );
  }
  for (const l of s.result.listeners) {
    const ls = (Array.isArray(s.obj.status?.listeners) ? s.obj.status.listeners : []).find((x) => x?.name === l.name);
    if (ls) out.push(...conditionFindings(subject, ls.conditions, gen, `Listener ${l.name}: `, `listener:${l.name}`));
  }
  return out;
};

export const routeStatusRules: RouteRule = (ctx, s) => {
  const subject = { kind: s.obj.kind, namespace: s.obj.metadata.namespace, name: s.obj.metadata.name };
  const gen = s.obj.metadata.generation;
  const out: Finding[] = [];
  for (const p of s.result.parents) {
    const entries = parentEntries(s.obj, p.parentRef);
    const related = [nodeId(p.parentRef.kind, p.parentRef.name, p.parentRef.namespace)];
    for (const e of entries) {
      for (const f of conditionFindings(subject, e.conditions, gen, `parentRefs[${p.index}] (${e.controllerName}): `, `p${p.index}:${e.controllerName}`)) {
        out.push({ ...f, related, parentIndex: p.index });
      }
    }
    if (ctx.expectStatus && entries.length === 0 && p.parentFound && p.controllerName) {
      out.push(
        makeFinding('route-parent-no-status', subject, {
          severity: 'warning',
          condition: 'Accepted',
          reason: 'Pending',
          message: `No status from ${p.controllerName} for parentRefs[${p.index}] (${p.parentRef.kind} ${p.parentRef.namespace}/${p.parentRef.name}): ${NOT_PROCESSED}.`,
          suggestion: `Check that ${p.controllerName} is running and watches namespace ${subject.namespace}.`,
          related,
          parentIndex: p.index,
          detail: `p${p.index}`,
        }),
      );
    }
    for (const type of ['Accepted', 'ResolvedRefs'] as const) {
      const view = routeParentView(s.obj, p.parentRef, type);
      const expected = type === 'Accepted' ? p.accepted : p.resolvedRefs;
      if (!view || view.status === expected.status) continue;
      out.push(
        makeFinding('controller-disagrees', subject, {
          severity: 'info',
          condition: type,
          reason: view.reason,
          message: `For parentRefs[${p.index}], ${view.controllerName} says ${type}=${view.status} (${view.reason}); Gatewatch's evaluation expects ${type}=${expected.status} (${expected.reason}).`,
          suggestion: "One of the two is wrong: read the controller's message, and report a Gatewatch rule that misjudges.",
          related,
          parentIndex: p.index,
          controllerAgrees: false,
          detail: `p${p.index}:${type}`,
        }),
      );
    }
  }
  return out;
};
