/** GatewayClass rules: a Gateway naming a class that does not exist (did-you-mean) or was not accepted. */
import { findCondition } from '../../gateway-api/conditions';
import type { GatewayClass } from '../../gateway-api/types';
import { nodeId } from '../../wire/ids';
import type { Finding } from '../../wire/types';
import { didYouMean } from '../did-you-mean';
import { makeFinding } from '../finding';
import type { GatewayRule } from './types';

export const gatewayClassRules: GatewayRule = (ctx, s) => {
  const subject = { kind: 'Gateway', namespace: s.obj.metadata.namespace, name: s.obj.metadata.name };
  const className = s.result.gatewayClassName;
  const related = [nodeId('GatewayClass', className)];
  if (!s.result.classExists) {
    const guess = didYouMean(className, ctx.names('GatewayClass', undefined));
    return [
      makeFinding('gatewayclass-not-found', subject, {
        severity: 'error',
        condition: 'Accepted',
        reason: 'GatewayClassNotFound',
        message: `GatewayClass ${className} does not exist${guess ? ` — did you mean ${guess}?` : '.'} No controller will program this Gateway.`,
        suggestion: guess
          ? `Change spec.gatewayClassName from ${className} to ${guess}.`
          : `Set spec.gatewayClassName to an installed GatewayClass (${ctx.names('GatewayClass', undefined).join(', ') || 'none installed'}).`,
        related,
      }),
    ];
  }
  const gc = ctx.snapshot.get('GatewayClass', undefined, className) as GatewayClass | undefined;
  const accepted = findCondition(gc?.status?.conditions, 'Accepted');
  const out: Finding[] = [];
  if (accepted?.status === 'False') {
    out.push(
      makeFinding('gatewayclass-not-accepted', subject, {
        severity: 'error',
        condition: 'Accepted',
        reason: accepted.reason,
        message: `GatewayClass ${className} was not accepted by ${gc?.spec?.controllerName}: ${accepted.message}`,
        suggestion: `Fix GatewayClass ${className} (its parametersRef or controllerName) so that its controller accepts it.`,
        related,
      }),
    );
  }
  return out;
};
