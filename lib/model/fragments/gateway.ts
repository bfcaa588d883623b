/** GatewayClass and Gateway nodes; the class edge from the class (or its ghost) to the Gateway. */
import type { Gateway, GatewayClass, KObject, ListenerStatus } from '../../gateway-api/types';
import { edgeIds, handles, nodeId } from '../../wire/ids';
import type { GatewayClassNode, GatewayNode, WireListener } from '../../wire/types';
import { toWireConditions } from '../conditions';
import type { Reader } from '../object-index';
import { baseFields } from './base';
import { ghostGatewayClass } from './ghosts';
import type { Fragment } from './types';

export function gatewayClassFragment(o: KObject): Fragment {
  const gc = o as GatewayClass;
  const base = baseFields(gc, 'GatewayClass');
  const node: GatewayClassNode = {
    ...base,
    kind: 'GatewayClass',
    conditions: toWireConditions(gc.status?.conditions, base.generation),
  };
  if (gc.spec?.controllerName) node.controllerName = gc.spec.controllerName;
  return { nodes: [{ role: 'real', node }], edges: [] };
}

export function gatewayFragment(o: KObject, read: Reader): Fragment {
  const gw = o as Gateway;
  const base = baseFields(gw, 'Gateway');
  const className = gw.spec?.gatewayClassName ?? '';
  const gc = className ? read.get<GatewayClass>('GatewayClass', undefined, className) : undefined;
  const statusByName = new Map<string, ListenerStatus>((gw.status?.listeners ?? []).map((l) => [l.name, l]));
  const listeners: WireListener[] = (gw.spec?.listeners ?? []).map((l) => {
    const st = statusByName.get(l.name);
    const wl: WireListener = {
      handle: handles.listener(l.name),
      name: l.name,
      protocol: l.protocol,
      port: l.port,
      conditions: toWireConditions(st?.conditions, base.generation),
    };
    if (l.hostname) wl.hostname = l.hostname;
    if (l.tls?.mode || l.tls) wl.tlsMode = l.tls?.mode ?? 'Terminate';
    if (st && typeof st.attachedRoutes === 'number') wl.attachedRoutes = st.attachedRoutes;
    if (st?.supportedKinds) wl.supportedKinds = st.supportedKinds.map((k) => k.kind);
    return wl;
  });
  const node: GatewayNode = {
    ...base,
    kind: 'Gateway',
    conditions: toWireConditions(gw.status?.conditions, base.generation),
    gatewayClassName: className,
    addresses: (gw.status?.addresses ?? []).map((a) => a.value).filter((v): v is string => typeof v === 'string'),
    listeners,
  };
  if (gc?.spec?.controllerName) node.controllerName = gc.spec.controllerName;
  const frag: Fragment = { nodes: [{ role: 'real', node }], edges: [] };
  if (className) {
    const classId = nodeId('GatewayClass', className);
    frag.nodes.push(ghostGatewayClass(className));
    frag.edges.push({ id: edgeIds.class(base.id), kind: 'class', source: classId, target: base.id });
  }
  return frag;
}
