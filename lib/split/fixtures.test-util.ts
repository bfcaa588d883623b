/** A b-split route as the demo cluster serves it, for the unit tests of lib/split. */
import type { Route } from '../gateway-api/types';

export function bSplit(over: Partial<Route['metadata']> = {}): Route {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'b-split', namespace: 'app2', resourceVersion: '42', generation: 3, uid: 'u-1', ...over },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: 'b', port: 8080 }],
      rules: [
        {
          backendRefs: [
            { group: '', kind: 'Service', name: 'b-v1', port: 8080, weight: 2 },
            { group: '', kind: 'Service', name: 'b-v2', port: 8080, weight: 3 },
          ],
        },
        { backendRefs: [{ name: 'b-v1', port: 8080 }] },
      ],
    },
    status: { parents: [] },
  };
}
