/**
 * The analyzer: named rules over a ClusterSnapshot → Finding[]. Attachment and reference verdicts come
 * from lib/conformance (the same engine the demo controller writes status with).
 */
import { evaluateGateway, evaluateRoute } from '../conformance';
import { isRouteKind } from '../gateway-api/kinds';
import type { Gateway, GatewayClass, KObject, Route, Service } from '../gateway-api/types';
import type { ClusterSnapshot } from '../model/snapshot';
import type { Finding } from '../wire/types';
import { createAnalyzeContext, type AnalyzeContext, type AnalyzeOptions } from './context';
import { sortFindings } from './finding';
import { GATEWAY_RULES, GATEWAYCLASS_RULES, ROUTE_RULES, SERVICE_RULES } from './rules';

/** Kinds whose objects findings are about. */
export const SUBJECT_KINDS = ['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'Service'] as const;

/** Findings about one object. A rule that throws becomes an info finding instead of failing the analysis. */
export function analyzeObject(ctx: AnalyzeContext, obj: KObject): Finding[] {
  const guard = <T>(rules: readonly ((c: AnalyzeContext, s: T) => Finding[])[], subject: T): Finding[] =>
    rules.flatMap((rule) => {
      try {
        return rule(ctx, subject);
      } catch (err) {
        return [
          {
            severity: 'info' as const,
            kind: obj.kind,
            namespace: obj.metadata.namespace,
            name: obj.metadata.name,
            reason: 'AnalyzerError',
            message: `Gatewatch could not analyze this object: ${(err as Error).message}`,
            rule: 'analyzer-error',
          },
        ];
      }
    });
  if (isRouteKind(obj.kind)) {
    const route = obj as Route;
    return guard(ROUTE_RULES, { obj: route, result: evaluateRoute(ctx.eval, route) });
  }
  switch (obj.kind) {
    case 'Gateway': {
      const gw = obj as Gateway;
      return guard(GATEWAY_RULES, { obj: gw, result: evaluateGateway(ctx.eval, gw) });
    }
    case 'GatewayClass':
      return guard(GATEWAYCLASS_RULES, obj as GatewayClass);
    case 'Service':
      return guard(SERVICE_RULES, obj as Service);
    default:
      return [];
  }
}

export function analyzeWithContext(ctx: AnalyzeContext): Finding[] {
  const out: Finding[] = [];
  for (const kind of SUBJECT_KINDS) for (const o of ctx.snapshot.list(kind)) out.push(...analyzeObject(ctx, o));
  return sortFindings(out);
}

/** Every finding for the cluster (or the manifests) in the snapshot, errors first. */
export function analyze(snapshot: ClusterSnapshot, options?: AnalyzeOptions): Finding[] {
  return analyzeWithContext(createAnalyzeContext(snapshot, options));
}
