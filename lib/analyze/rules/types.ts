/** The shape of a rule family: a function from one object (with its evaluation) to findings. */
import type { GatewayResult, RouteResult } from '../../conformance';
import type { Gateway, GatewayClass, Route, Service } from '../../gateway-api/types';
import type { Finding } from '../../wire/types';
import type { AnalyzeContext } from '../context';

export interface RouteSubject {
  obj: Route;
  result: RouteResult;
}
export interface GatewaySubject {
  obj: Gateway;
  result: GatewayResult;
}

export type RouteRule = (ctx: AnalyzeContext, s: RouteSubject) => Finding[];
export type GatewayRule = (ctx: AnalyzeContext, s: GatewaySubject) => Finding[];
export type GatewayClassRule = (ctx: AnalyzeContext, gc: GatewayClass) => Finding[];
export type ServiceRule = (ctx: AnalyzeContext, svc: Service) => Finding[];
