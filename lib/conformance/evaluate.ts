/** The whole cluster in one pass: classes, gateways, routes, then attachedRoutes per listener. */
import type { ClusterSnapshot } from '../model/snapshot';
import { ROUTE_KINDS } from '../gateway-api/kinds';
import type { Gateway, GatewayClass, Route } from '../gateway-api/types';
import { createContext, type EvalContext } from './context';
import { evaluateGateway, evaluateGatewayClass } from './gateway';
import { evaluateRoute } from './route';
import type { ClusterEvaluation, EvalOptions, GatewayResult, RouteResult } from './types';

export const gatewayKey = (namespace: string, name: string) => `${namespace}/${name}`;
export const routeKey = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

/**
 * attachedRoutes: per listener, the number of distinct routes accepted on it (whatever their
 * ResolvedRefs), counted even for listeners that are not valid (spec digest §3.4).
 */
export function countAttachedRoutes(gateways: Map<string, GatewayResult>, routes: Iterable<RouteResult>): void {
  const counts = new Map<string, Set<string>>();
  for (const r of routes) {
    const rk = routeKey(r.kind, r.namespace, r.name);
    for (const p of r.parents) {
      if (p.accepted.status !== 'True' || p.parentRef.kind !== 'Gateway') continue;
      for (const l of p.attachedListeners) {
        const k = `${gatewayKey(p.parentRef.namespace, p.parentRef.name)}#${l}`;
        let set = counts.get(k);
        if (!set) counts.set(k, (set = new Set()));
        set.add(rk);
      }
    }
  }
  for (const g of gateways.values()) {
    for (const l of g.listeners) l.attachedRoutes = counts.get(`${gatewayKey(g.namespace, g.name)}#${l.name}`)?.size ?? 0;
  }
}

export function evaluateWithContext(ctx: EvalContext): ClusterEvaluation {
  const snapshot = ctx.snapshot;
  const gatewayClasses = new Map(
    (snapshot.list('GatewayClass') as readonly GatewayClass[]).map((gc) => [gc.metadata.name, evaluateGatewayClass(ctx, gc)] as const),
  );
  const gateways = new Map<string, GatewayResult>();
  for (const gw of snapshot.list('Gateway') as readonly Gateway[]) {
    gateways.set(gatewayKey(gw.metadata.namespace ?? '', gw.metadata.name), evaluateGateway(ctx, gw));
  }
  const routes = new Map<string, RouteResult>();
  for (const kind of ROUTE_KINDS) {
    for (const r of snapshot.list(kind) as readonly Route[]) {
      routes.set(routeKey(kind, r.metadata.namespace ?? '', r.metadata.name), evaluateRoute(ctx, r));
    }
  }
  countAttachedRoutes(gateways, routes.values());
  return { gatewayClasses, gateways, routes };
}

/** What a conformant implementation concludes for every GatewayClass, Gateway and route. */
export function evaluateCluster(snapshot: ClusterSnapshot, options: EvalOptions = {}): ClusterEvaluation {
  return evaluateWithContext(createContext(snapshot, options));
}
