/** What one object contributes to the topology: its own node, ghosts of what it names, and its edges. */
import type { WireEdge, WireNode } from '../../wire/types';
import type { KObject } from '../../gateway-api/types';
import type { Reader } from '../object-index';

/**
 * `real`: the object's own node. `ghost`: a reference target that may not exist (dropped when a
 * real node has the same id). `workload`: one Deployment's share of a Workload node (merged by id).
 */
export type NodeRole = 'real' | 'ghost' | 'workload';

export interface NodeContribution {
  role: NodeRole;
  node: WireNode;
}

export interface Fragment {
  nodes: NodeContribution[];
  edges: WireEdge[];
}

export type FragmentBuilder = (o: KObject, read: Reader) => Fragment;
