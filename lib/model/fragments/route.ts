/**
 * A route node (HTTP/GRPC/TCP/TLS/UDP) with its parents and rules, the attachment edges from the
 * listeners each parentRef selects (or mesh-parent edges from a parent Service), and one backend
 * edge per backendRef from the rule row.
 */
import { GATEWAY_GROUP } from '../../gateway-api/kinds';
import type {
  Gateway,
  KObject,
  Listener,
  Namespace,
  ReferenceGrant,
  Route,
  RouteParentStatus,
} from '../../gateway-api/types';
import { edgeIds, handles, nodeId } from '../../wire/ids';
import type { NodeId, RouteNode, WireBackendRef, WireEdge, WireParentRef, WireRouteParent, WireRule } from '../../wire/types';
import { conditionVerdict, toWireConditions } from '../conditions';
import type { Reader } from '../object-index';
import {
  grantPermits,
  hostnamesIntersect,
  isGatewayParent,
  isServiceParent,
  listenerAllowsKind,
  listenerAllowsNamespace,
  normalizeBackendRef,
  normalizeParentRef,
  sameParentRef,
  selectListeners,
} from '../refs';
import { filterTexts, matchTexts } from '../rule-text';
import { baseFields } from './base';
import { ghostGateway, ghostService } from './ghosts';
import type { Fragment } from './types';

export function routeFragment(o: KObject, read: Reader): Fragment {
  const route = o as Route;
  const kind = route.kind;
  const base = baseFields(route, kind);
  const ns = route.metadata.namespace ?? '';
  const hostnames = Array.isArray(route.spec?.hostnames) ? [...route.spec.hostnames] : [];
  const frag: Fragment = { nodes: [], edges: [] };
  const statusParents = (route.status?.parents ?? []).map((s) => ({ s, ref: normalizeParentRef(s.parentRef ?? { name: '' }, ns) }));

  const parents: WireRouteParent[] = (route.spec?.parentRefs ?? []).map((raw, index) => {
    const ref = normalizeParentRef(raw, ns);
    const mine: RouteParentStatus[] = statusParents.filter((p) => sameParentRef(p.ref, ref)).map((p) => p.s);
    const statuses = mine.map((s) => ({
      controllerName: s.controllerName,
      conditions: toWireConditions(s.conditions, base.generation, s.controllerName),
    }));
    const verdict = conditionVerdict(statuses.flatMap((s) => s.conditions), 'Accepted');
    const accepted = statuses.length ? verdict.status : 'unknown';
    const target = parentTarget(ref);
    if (isGatewayParent(ref)) {
      frag.edges.push(...attachmentEdges(route, base.id, index, ref, hostnames, accepted, verdict.reason, read, frag));
    } else if (isServiceParent(ref)) {
      if (!read.get('Service', ref.namespace, ref.name)) frag.nodes.push(ghostService(ref.namespace, ref.name));
      frag.edges.push(withReason({ id: edgeIds.meshParent(base.id, index), kind: 'mesh-parent', source: target, target: base.id, accepted }, verdict.reason));
    }
    return { index, parentRef: ref, target, statuses, accepted };
  });

  const grantsCache = new Map<string, readonly ReferenceGrant[]>();
  const mesh = parents.some((p) => isServiceParent(p.parentRef));
  const rules: WireRule[] = (route.spec?.rules ?? []).map((rule, ruleIndex) => {
    const refs = (Array.isArray(rule.backendRefs) ? rule.backendRefs : []).map((r) => normalizeBackendRef(r, ns));
    const totalWeight = refs.reduce((sum, r) => sum + r.weight, 0);
    const backendRefs: WireBackendRef[] = refs.map((r, index) => {
      const isService = r.group === '' && r.kind === 'Service';
      const target = nodeId(isService ? 'Service' : r.kind, r.name, r.namespace);
      const exists = isService && !!read.get('Service', r.namespace, r.name);
      let reason: string | undefined;
      if (!isService) reason = 'InvalidKind';
      else if (!exists) reason = 'BackendNotFound';
      else if (r.namespace !== ns && !mesh) {
        let grants = grantsCache.get(r.namespace);
        if (!grants) grantsCache.set(r.namespace, (grants = read.inNamespace<ReferenceGrant>('ReferenceGrant', r.namespace)));
        const ok = grantPermits(grants, { group: GATEWAY_GROUP, kind, namespace: ns }, { group: '', kind: 'Service', namespace: r.namespace, name: r.name });
        if (!ok) reason = 'RefNotPermitted';
      }
      if (!exists) frag.nodes.push(ghostService(r.namespace, r.name, isService ? 'Service' : r.kind, r.group));
      const share = totalWeight > 0 ? r.weight / totalWeight : 0;
      const wb: WireBackendRef = { index, group: r.group, kind: r.kind, name: r.name, namespace: r.namespace, weight: r.weight, share, target, resolved: !reason };
      if (r.port !== undefined) wb.port = r.port;
      const edge: WireEdge = {
        id: edgeIds.backend(base.id, ruleIndex, index),
        kind: 'backend',
        source: base.id,
        target,
        sourceHandle: handles.rule(ruleIndex),
        weight: r.weight,
        share,
        totalWeight,
        ruleIndex,
        backendIndex: index,
        resolved: !reason,
      };
      if (reason) edge.reason = reason;
      frag.edges.push(edge);
      return wb;
    });
    const wr: WireRule = {
      handle: handles.rule(ruleIndex),
      index: ruleIndex,
      matches: matchTexts(kind, rule),
      filters: filterTexts(rule),
      backendRefs,
      totalWeight,
    };
    if (rule.name) wr.name = rule.name;
    return wr;
  });

  // In place rather than a spread copy (see service.ts).
  const node: RouteNode = Object.assign(base, { kind, hostnames, parents, rules, mesh });
  frag.nodes.push({ role: 'real', node });
  return frag;
}

function parentTarget(ref: WireParentRef): NodeId {
  if (isGatewayParent(ref)) return nodeId('Gateway', ref.name, ref.namespace);
  if (isServiceParent(ref)) return nodeId('Service', ref.name, ref.namespace);
  return nodeId(ref.kind, ref.name, ref.namespace);
}

function withReason(e: WireEdge, reason: string | undefined): WireEdge {
  if (reason && e.accepted !== true) e.reason = reason;
  return e;
}

/**
 * One edge per listener the parentRef selects by sectionName/port, narrowed to listeners that admit
 * the route (kind, namespace, hostname) when any does; no listener selected → one edge to the
 * Gateway itself, not accepted.
 */
function attachmentEdges(
  route: Route,
  routeId: NodeId,
  index: number,
  ref: WireParentRef,
  hostnames: readonly string[],
  accepted: boolean | 'unknown',
  reason: string | undefined,
  read: Reader,
  frag: Fragment,
): WireEdge[] {
  const gatewayId = nodeId('Gateway', ref.name, ref.namespace);
  const gw = read.get<Gateway>('Gateway', ref.namespace, ref.name);
  if (!gw) {
    frag.nodes.push(ghostGateway(ref.namespace, ref.name));
    return [withReason({ id: edgeIds.attachment(routeId, index), kind: 'attachment', source: gatewayId, target: routeId, accepted }, reason)];
  }
  const selected = selectListeners(gw.spec?.listeners ?? [], ref);
  if (selected.length === 0) {
    return [
      {
        id: edgeIds.attachment(routeId, index),
        kind: 'attachment',
        source: gatewayId,
        target: routeId,
        accepted: false,
        reason: accepted === false && reason ? reason : 'NoMatchingParent',
      },
    ];
  }
  const routeNs = route.metadata.namespace ?? '';
  const needsLabels = selected.some((l) => l.allowedRoutes?.namespaces?.from === 'Selector');
  const nsLabels = needsLabels ? read.get<Namespace>('Namespace', undefined, routeNs)?.metadata.labels : undefined;
  let chosen: Listener[] = selected;
  const narrow = (keep: (l: Listener) => boolean) => {
    const next = chosen.filter(keep);
    if (next.length > 0) chosen = next;
    return next.length > 0;
  };
  if (narrow((l) => listenerAllowsKind(l, route.kind) && listenerAllowsNamespace(l, gw.metadata.namespace ?? '', routeNs, nsLabels)))
    narrow((l) => hostnamesIntersect(l.hostname, hostnames));
  return chosen.map((l) =>
    withReason(
      {
        id: edgeIds.attachment(routeId, index, l.name),
        kind: 'attachment',
        source: gatewayId,
        target: routeId,
        sourceHandle: handles.listener(l.name),
        accepted,
      },
      reason,
    ),
  );
}
