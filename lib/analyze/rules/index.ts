/** Every rule family, by the kind of object it looks at. */
import { backendRefRules } from './backend-refs';
import { gatewayClassRules } from './gateway-class';
import { listenerRules } from './listeners';
import { parentRefRules } from './parent-refs';
import { serviceRules } from './services';
import { gatewayClassStatusRules, gatewayStatusRules, routeStatusRules } from './status';
import type { GatewayClassRule, GatewayRule, RouteRule, ServiceRule } from './types';

export const ROUTE_RULES: readonly RouteRule[] = [parentRefRules, backendRefRules, routeStatusRules];
export const GATEWAY_RULES: readonly GatewayRule[] = [gatewayClassRules, listenerRules, gatewayStatusRules];
export const GATEWAYCLASS_RULES: readonly GatewayClassRule[] = [gatewayClassStatusRules];
export const SERVICE_RULES: readonly ServiceRule[] = [serviceRules];
