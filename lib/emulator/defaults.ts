/**
 * What kube-apiserver and the core controllers fill in for built-in kinds, so the demo cluster looks
 * like a running one: Service clusterIPs, Deployment status, Namespace phase, Secret type.
 */
import type { KObject } from '../gateway-api/types';

type Obj = Record<string, unknown>;

/** Hands out 10.96.x.y addresses, never reusing one while the emulator runs. */
export class ClusterIPAllocator {
  private next = 10;
  allocate(): string {
    const n = this.next++;
    return `10.96.${(n >> 8) & 255}.${n & 255}`;
  }
}

/** Applies built-in defaults in place (obj is a fresh mutable copy). `prev` is the stored object on update. */
export function applyBuiltinDefaults(obj: KObject, prev: KObject | undefined, ips: ClusterIPAllocator): void {
  const o = obj as Obj;
  switch (obj.kind) {
    case 'Namespace':
      if (obj.apiVersion === 'v1') {
        o.spec = { finalizers: ['kubernetes'], ...((o.spec as Obj) ?? {}) };
        o.status = { phase: 'Active' };
        obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      }
      break;
    case 'Service': {
      const spec = ((o.spec as Obj) ??= {});
      spec.type ??= 'ClusterIP';
      const prevSpec = (prev?.spec ?? {}) as Obj;
      if (spec.type !== 'ExternalName') {
        if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = prevSpec.clusterIP ?? ips.allocate();
        spec.clusterIPs ??= [spec.clusterIP];
        spec.ipFamilies ??= ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
        spec.internalTrafficPolicy ??= 'Cluster';
      }
      spec.sessionAffinity ??= 'None';
      if (Array.isArray(spec.ports)) {
        spec.ports = (spec.ports as Obj[]).map((p) => ({ protocol: 'TCP', ...p, targetPort: p.targetPort ?? p.port }));
      }
      o.status = { loadBalancer: {} };
      break;
    }
    case 'Secret': {
      o.type ??= 'Opaque';
      // kube-apiserver folds write-only stringData into data.
      const sd = o.stringData as Record<string, string> | undefined;
      if (sd) {
        const data = { ...((o.data as Record<string, string>) ?? {}) };
        for (const [k, v] of Object.entries(sd)) data[k] = Buffer.from(String(v)).toString('base64');
        o.data = data;
        delete o.stringData;
      }
      break;
    }
    case 'Deployment': {
      const spec = ((o.spec as Obj) ??= {});
      spec.replicas ??= 1;
      const r = spec.replicas as number;
      // No pods run in the demo cluster: every Deployment reports itself fully rolled out.
      o.status = {
        observedGeneration: obj.metadata.generation,
        replicas: r,
        updatedReplicas: r,
        readyReplicas: r,
        availableReplicas: r,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${obj.metadata.name}" has successfully progressed.` },
        ],
      };
      break;
    }
  }
}

/** Kinds whose metadata.generation tracks spec changes (CRD kinds always do). */
export const GENERATION_KINDS = new Set(['Deployment', 'Ingress', 'IngressClass', 'CustomResourceDefinition']);
