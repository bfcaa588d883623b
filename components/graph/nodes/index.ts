import type { NodeTypes } from '@xyflow/react';
import ClassNode from './ClassNode';
import GatewayNode from './GatewayNode';
import IngressNode from './IngressNode';
import NamespaceNode from './NamespaceNode';
import RouteNode from './RouteNode';
import ServiceNode from './ServiceNode';
import SummaryNode from './SummaryNode';
import WorkloadNode from './WorkloadNode';

/** Defined once at module level: React Flow re-mounts every node when this object changes identity. */
export const nodeTypes: NodeTypes = {
  gateway: GatewayNode,
  route: RouteNode,
  service: ServiceNode,
  workload: WorkloadNode,
  class: ClassNode,
  ingress: IngressNode,
  namespace: NamespaceNode,
  summary: SummaryNode,
};
