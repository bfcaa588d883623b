/** Public face of the conformance engine (pure): used by the demo controller and the analyzer. */
export * from './types';
export { createContext, type EvalContext } from './context';
export { evaluateCluster, evaluateWithContext, countAttachedRoutes, gatewayKey, routeKey } from './evaluate';
export { evaluateGateway, evaluateGatewayClass } from './gateway';
export { evaluateRoute } from './route';
export { evaluateBackends } from './backends';
export { computeStatusWrites, statusWritesFor, canonicalJson, jsonEqual, type StatusWrite, type StatusWriteOptions, type ObjectRef } from './status';
export { kindRefusal, protocolKinds, isKnownProtocol } from './protocols';
