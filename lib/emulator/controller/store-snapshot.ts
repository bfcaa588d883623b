/** A live ClusterSnapshot over the emulator store: reads go straight to the store, nothing is copied. */
import { kindInfo } from '../../gateway-api/kinds';
import type { KObject } from '../../gateway-api/types';
import type { ClusterSnapshot } from '../../model/snapshot';
import type { EmulatorStore } from '../api';

export function storeSnapshot(store: EmulatorStore): ClusterSnapshot {
  const groupOf = (kind: string) => kindInfo(kind)?.group ?? '';
  return {
    list: (kind) => (kindInfo(kind) ? store.list(groupOf(kind), kind) : []),
    get: (kind, namespace, name): KObject | undefined => {
      if (!kindInfo(kind)) return undefined;
      const ref = namespace ? { group: groupOf(kind), kind, namespace, name } : { group: groupOf(kind), kind, name };
      return store.get(ref);
    },
  };
}
