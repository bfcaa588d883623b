/**
 * GatewayClass and Gateway evaluation (spec digest §3.2–3.4): listener validity (protocol, route kinds,
 * certificateRefs with ReferenceGrants, conflicts) and the Gateway's roll-up conditions.
 * attachedRoutes is filled in later from the route results.
 */
import { GATEWAY_GROUP } from '../gateway-api/kinds';
import { defaultSecretRef, referenceAllowed } from '../gateway-api/refs';
import type { ConditionInput } from '../gateway-api/conditions';
import type { Gateway, GatewayClass, Listener, RouteGroupKind } from '../gateway-api/types';
import type { EvalContext } from './context';
import { isGatewayGroup, isKnownProtocol, protocolKinds, protocolUsesHostname } from './protocols';
import type { GatewayClassResult, GatewayResult, ListenerProblem, ListenerResult } from './types';

export function evaluateGatewayClass(ctx: EvalContext, gc: GatewayClass): GatewayClassResult {
  const controllerName = String(gc.spec?.controllerName ?? '');
  return {
    name: gc.metadata.name,
    controllerName,
    played: ctx.plays(controllerName),
    conditions: [
      {
        type: 'Accepted',
        status: 'True',
        reason: 'Accepted',
        message: `Accepted by ${controllerName}`,
        observedGeneration: gc.metadata.generation,
      },
    ],
  };
}

/** Listeners on one port conflict when protocols differ, or when protocol and hostname are the same. */
function conflicts(listeners: readonly Listener[]): Map<string, ListenerProblem> {
  const out = new Map<string, ListenerProblem>();
  const byPort = new Map<number, Listener[]>();
  for (const l of listeners) {
    const list = byPort.get(l.port) ?? [];
    list.push(l);
    byPort.set(l.port, list);
  }
  // TCP and UDP are separate transports: a UDP listener shares a port number with the others freely.
  const family = (p: string) => (p === 'UDP' ? 'udp' : 'tcp');
  for (const group of byPort.values()) {
    for (const l of group) {
      const others = group.filter((o) => o !== l && family(o.protocol) === family(l.protocol));
      const proto = others.filter((o) => o.protocol !== l.protocol);
      if (proto.length > 0) {
        out.set(l.name, {
          condition: 'Conflicted',
          reason: 'ProtocolConflict',
          message: `Port ${l.port} is also used by listener(s) ${proto.map((o) => `${o.name} (${o.protocol})`).join(', ')} with a different protocol`,
          conflictsWith: proto.map((o) => o.name),
        });
        continue;
      }
      const host = (h?: string) => (protocolUsesHostname(l.protocol) ? (h ?? '').toLowerCase() : '');
      const same = others.filter((o) => o.protocol === l.protocol && host(o.hostname) === host(l.hostname));
      if (same.length > 0) {
        out.set(l.name, {
          condition: 'Conflicted',
          reason: 'HostnameConflict',
          message: `Listener(s) ${same.map((o) => o.name).join(', ')} use the same port ${l.port}, protocol ${l.protocol} and hostname ${l.hostname ?? '(none)'}`,
          conflictsWith: same.map((o) => o.name),
        });
      }
    }
  }
  return out;
}

function evaluateListener(ctx: EvalContext, gw: Gateway, l: Listener, conflict: ListenerProblem | undefined): ListenerResult {
  const generation = gw.metadata.generation;
  const ns = gw.metadata.namespace ?? '';
  const problems: ListenerProblem[] = [];
  const known = isKnownProtocol(l.protocol);
  const carried = protocolKinds(l);

  // Route kinds: allowedRoutes.kinds filtered to what the protocol can carry, or the protocol's defaults.
  let supportedKinds: RouteGroupKind[];
  const declared = l.allowedRoutes?.kinds;
  if (declared && declared.length > 0) {
    supportedKinds = declared
      .filter((k) => isGatewayGroup(k.group) && carried.includes(k.kind))
      .map((k) => ({ group: GATEWAY_GROUP, kind: k.kind }));
    const invalid = declared.filter((k) => !(isGatewayGroup(k.group) && carried.includes(k.kind)));
    if (invalid.length > 0 && known) {
      problems.push({
        condition: 'ResolvedRefs',
        reason: 'InvalidRouteKinds',
        message: `Route kind(s) ${invalid.map((k) => k.kind).join(', ')} cannot be carried by a ${l.protocol} listener`,
      });
    }
  } else {
    supportedKinds = carried.map((kind) => ({ group: GATEWAY_GROUP, kind }));
  }

  if (!known) {
    problems.push({ condition: 'Accepted', reason: 'UnsupportedProtocol', message: `Protocol ${l.protocol} is not supported` });
    supportedKinds = [];
  }

  // certificateRefs (HTTPS, and TLS in Terminate mode).
  const terminates = l.protocol === 'HTTPS' || (l.protocol === 'TLS' && l.tls?.mode === 'Terminate');
  if (terminates) {
    (l.tls?.certificateRefs ?? []).forEach((raw, i) => {
      const ref = defaultSecretRef(raw, ns);
      const secret = { namespace: ref.namespace, name: ref.name, group: ref.group, kind: ref.kind };
      if (ref.group !== '' || ref.kind !== 'Secret') {
        problems.push({
          condition: 'ResolvedRefs',
          reason: 'InvalidCertificateRef',
          message: `certificateRefs[${i}] points at ${ref.kind} ${ref.name}; only core Secrets are supported`,
          certificateIndex: i,
          secret,
        });
      } else if (
        !referenceAllowed(
          ctx.grantsIn(ref.namespace),
          { group: GATEWAY_GROUP, kind: 'Gateway', namespace: ns },
          { group: '', kind: 'Secret', namespace: ref.namespace, name: ref.name },
        )
      ) {
        problems.push({
          condition: 'ResolvedRefs',
          reason: 'RefNotPermitted',
          message: `Secret ${ref.namespace}/${ref.name} is in another namespace and no ReferenceGrant there allows this Gateway to use it`,
          certificateIndex: i,
          secret,
        });
      } else if (!ctx.snapshot.get('Secret', ref.namespace, ref.name)) {
        problems.push({
          condition: 'ResolvedRefs',
          reason: 'InvalidCertificateRef',
          message: `Secret ${ref.namespace}/${ref.name} does not exist`,
          certificateIndex: i,
          secret,
        });
      }
    });
  }
  if (conflict) problems.push(conflict);

  const acceptedProblem = problems.find((p) => p.condition === 'Accepted');
  const refsProblem = problems.find((p) => p.condition === 'ResolvedRefs');
  const conditions: ConditionInput[] = [
    acceptedProblem
      ? { type: 'Accepted', status: 'False', reason: acceptedProblem.reason, message: acceptedProblem.message, observedGeneration: generation }
      : { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Listener is valid', observedGeneration: generation },
    refsProblem
      ? { type: 'ResolvedRefs', status: 'False', reason: refsProblem.reason, message: refsProblem.message, observedGeneration: generation }
      : { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'All references resolved', observedGeneration: generation },
    conflict
      ? { type: 'Conflicted', status: 'True', reason: conflict.reason, message: conflict.message, observedGeneration: generation }
      : { type: 'Conflicted', status: 'False', reason: 'NoConflicts', message: 'No conflicts', observedGeneration: generation },
  ];
  const valid = problems.length === 0;
  conditions.splice(1, 0, {
    type: 'Programmed',
    status: valid ? 'True' : 'False',
    reason: valid ? 'Programmed' : 'Invalid',
    message: valid ? 'Listener is programmed' : 'Listener is invalid: ' + problems.map((p) => p.reason).join(', '),
    observedGeneration: generation,
  });
  const out: ListenerResult = {
    name: l.name,
    port: l.port,
    protocol: l.protocol,
    supportedKinds,
    attachedRoutes: 0,
    conditions,
    problems,
    valid,
  };
  if (l.hostname) out.hostname = l.hostname;
  return out;
}

export function evaluateGateway(ctx: EvalContext, gw: Gateway): GatewayResult {
  const generation = gw.metadata.generation;
  const className = String(gw.spec?.gatewayClassName ?? '');
  const gc = ctx.snapshot.get('GatewayClass', undefined, className) as GatewayClass | undefined;
  const controllerName = gc ? String(gc.spec?.controllerName ?? '') : undefined;
  const listeners = Array.isArray(gw.spec?.listeners) ? gw.spec.listeners : [];
  const conflictMap = conflicts(listeners);
  const results = listeners.map((l) => evaluateListener(ctx, gw, l, conflictMap.get(l.name)));

  const invalid = results.filter((r) => !r.valid);
  const conditions: ConditionInput[] = [];
  if (invalid.length === 0) {
    conditions.push({ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Gateway is accepted', observedGeneration: generation });
  } else {
    const some = invalid.length < results.length;
    conditions.push({
      type: 'Accepted',
      status: some ? 'True' : 'False',
      reason: 'ListenersNotValid',
      message: `Invalid listener(s): ${invalid.map((r) => r.name).join(', ')}`,
      observedGeneration: generation,
    });
  }
  const programmed = invalid.length < results.length;
  conditions.push({
    type: 'Programmed',
    status: programmed ? 'True' : 'False',
    reason: programmed ? 'Programmed' : 'Invalid',
    message: programmed ? 'Gateway is programmed' : 'No valid listener to program',
    observedGeneration: generation,
  });
  const unresolved = results.filter((r) => r.problems.some((p) => p.condition === 'ResolvedRefs'));
  conditions.push(
    unresolved.length === 0
      ? { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'All references resolved', observedGeneration: generation }
      : {
          type: 'ResolvedRefs',
          status: 'False',
          reason: 'ListenersNotResolved',
          message: `Listener(s) with unresolved references: ${unresolved.map((r) => r.name).join(', ')}`,
          observedGeneration: generation,
        },
  );

  const out: GatewayResult = {
    namespace: gw.metadata.namespace ?? '',
    name: gw.metadata.name,
    gatewayClassName: className,
    classExists: !!gc,
    played: !!gc && ctx.plays(controllerName),
    conditions,
    listeners: results,
  };
  if (generation !== undefined) out.generation = generation;
  if (controllerName !== undefined) out.controllerName = controllerName;
  return out;
}
