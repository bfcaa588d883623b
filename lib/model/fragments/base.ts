/** Fields every node carries, read from the object's metadata and apiVersion. */
import { parseApiVersion } from '../../gateway-api/kinds';
import type { KObject } from '../../gateway-api/types';
import { nodeId } from '../../wire/ids';
import type { NodeBase, NodeKind } from '../../wire/types';

/** Annotations too large or too internal to ship with every topology. */
const DROPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** The identity and metadata every node carries (NodeBase without kind and analyzer decorations). */
export type BaseFields = Omit<NodeBase, 'kind' | 'missing' | 'problems'>;

export function baseFields(o: KObject, kind: NodeKind): BaseFields {
  const m = o.metadata;
  const { group, version } = parseApiVersion(o.apiVersion ?? '');
  const out: BaseFields = { id: nodeId(kind, m.name, m.namespace), name: m.name, group, version, conditions: [] };
  if (m.namespace) out.namespace = m.namespace;
  if (m.uid) out.uid = m.uid;
  if (m.generation !== undefined) out.generation = m.generation;
  if (m.resourceVersion) out.resourceVersion = m.resourceVersion;
  if (m.creationTimestamp) out.creationTimestamp = m.creationTimestamp;
  if (m.labels && Object.keys(m.labels).length) out.labels = { ...m.labels };
  if (m.annotations) {
    const kept = Object.entries(m.annotations).filter(([k]) => !DROPPED_ANNOTATIONS.has(k));
    if (kept.length) out.annotations = Object.fromEntries(kept);
  }
  return out;
}
