/**
 * Lookups shared by the evaluators: the snapshot, the options, and ReferenceGrants indexed by the
 * namespace they live in (the target's). Indexes are rebuilt on demand after `invalidate`.
 */
import type { ClusterSnapshot } from '../model/snapshot';
import type { KObject, ReferenceGrant } from '../gateway-api/types';
import { MESH_CONTROLLER, type EvalOptions } from './types';

export interface EvalContext {
  snapshot: ClusterSnapshot;
  options: EvalOptions;
  meshController: string;
  plays(controllerName: string | undefined): boolean;
  grantsIn(namespace: string): readonly ReferenceGrant[];
  namespaceLabels(namespace: string): Record<string, string> | undefined;
  /** Forget cached indexes for a kind after it changed. */
  invalidate(kind: string): void;
}

export function createContext(snapshot: ClusterSnapshot, options: EvalOptions = {}): EvalContext {
  let grants: Map<string, ReferenceGrant[]> | undefined;
  const played = options.controllerNames ? new Set(options.controllerNames) : undefined;
  return {
    snapshot,
    options,
    meshController: options.meshControllerName ?? MESH_CONTROLLER,
    plays: (c) => !!c && (!played || played.has(c)),
    grantsIn(namespace) {
      if (!grants) {
        grants = new Map();
        for (const g of snapshot.list('ReferenceGrant') as readonly ReferenceGrant[]) {
          const ns = g.metadata.namespace ?? '';
          let list = grants.get(ns);
          if (!list) grants.set(ns, (list = []));
          list.push(g);
        }
      }
      return grants.get(namespace) ?? [];
    },
    namespaceLabels(namespace) {
      const ns: KObject | undefined = snapshot.get('Namespace', undefined, namespace);
      return ns?.metadata.labels;
    },
    invalidate(kind) {
      if (kind === 'ReferenceGrant') grants = undefined;
    },
  };
}
