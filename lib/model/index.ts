/** The topology model: pure functions from a ClusterSnapshot to the wire Topology. */
export { buildTopology, createTopologyBuilder, MODEL_KINDS } from './builder';
export type { ChangeSet, ModelContext, ObjectChange, TopologyBuilder } from './builder';
export { collapseNamespaces } from './collapse';
export { snapshotFromObjects, objectKey } from './snapshot';
export type { ClusterSnapshot } from './snapshot';
export { MutableSnapshot } from './mutable-snapshot';
