/**
 * Nodes for reference targets that do not exist (drawn as ghosts). Their content depends only on
 * the reference, so every referrer contributes the same ghost.
 */
import { GATEWAY_GROUP } from '../../gateway-api/kinds';
import { nodeId } from '../../wire/ids';
import type { GatewayClassNode, GatewayNode, ServiceNode } from '../../wire/types';
import type { NodeContribution } from './types';

export function ghostGatewayClass(name: string): NodeContribution {
  const node: GatewayClassNode = {
    id: nodeId('GatewayClass', name),
    kind: 'GatewayClass',
    name,
    group: GATEWAY_GROUP,
    version: '',
    conditions: [],
    missing: true,
  };
  return { role: 'ghost', node };
}

export function ghostGateway(namespace: string, name: string): NodeContribution {
  const node: GatewayNode = {
    id: nodeId('Gateway', name, namespace),
    kind: 'Gateway',
    name,
    namespace,
    group: GATEWAY_GROUP,
    version: '',
    conditions: [],
    missing: true,
    gatewayClassName: '',
    addresses: [],
    listeners: [],
  };
  return { role: 'ghost', node };
}

/**
 * A Service that does not exist. Backends of another kind (e.g. a ServiceImport) are drawn as
 * service-like ghosts under their own kind's id, since the model cannot resolve them.
 */
export function ghostService(namespace: string, name: string, kind = 'Service', group = ''): NodeContribution {
  const node: ServiceNode = {
    id: nodeId(kind, name, namespace),
    kind: 'Service',
    name,
    namespace,
    group,
    version: '',
    conditions: [],
    missing: true,
    ports: [],
  };
  return { role: 'ghost', node };
}
