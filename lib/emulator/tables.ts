/**
 * meta.k8s.io/v1 Tables, as kubectl asks for on `get`: columns per kind like kube-apiserver's
 * printers (CRDs: their additionalPrinterColumns), cells already formatted, rows carrying
 * PartialObjectMetadata.
 */
import type { KObject } from '../gateway-api/types';
import { evalJsonPath } from './jsonpath';
import type { PrinterColumn, ResourceType } from './registry';

type Obj = Record<string, unknown>;
type Cell = string | number | boolean | null;

interface Column extends PrinterColumn {
  cell: (o: KObject) => Cell;
}

/** kube's duration.HumanDuration, which kubectl shows in AGE columns. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
}

function age(ts: unknown): string {
  if (typeof ts !== 'string') return '<unknown>';
  return humanDuration(Date.now() - Date.parse(ts));
}

const col = (name: string, cell: Column['cell'], extra: Partial<PrinterColumn> = {}): Column => ({
  name,
  type: 'string',
  format: '',
  description: '',
  priority: 0,
  cell,
  ...extra,
});

const nameCol = col('Name', (o) => o.metadata.name, { format: 'name', description: 'Name must be unique within a namespace.' });
const ageCol = col('Age', (o) => age(o.metadata.creationTimestamp), { description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' });

const spec = (o: KObject): Obj => (o.spec ?? {}) as Obj;
const status = (o: KObject): Obj => (o.status ?? {}) as Obj;

function servicePorts(o: KObject): string {
  const ports = (spec(o).ports ?? []) as Obj[];
  if (!ports.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function externalIP(o: KObject): string {
  const s = spec(o);
  if (s.type === 'ExternalName') return String(s.externalName ?? '<none>');
  const lb = ((status(o).loadBalancer as Obj | undefined)?.ingress ?? []) as Obj[];
  const ips = [...((s.externalIPs as string[]) ?? []), ...lb.map((i) => String(i.ip ?? i.hostname))];
  if (ips.length) return ips.join(',');
  return s.type === 'LoadBalancer' ? '<pending>' : '<none>';
}

function selectorText(sel: unknown): string {
  if (!sel || typeof sel !== 'object') return '<none>';
  const e = Object.entries(sel as Record<string, string>);
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

function ingressHosts(o: KObject): string {
  const rules = (spec(o).rules ?? []) as Obj[];
  const hosts = rules.map((r) => (r.host as string) || '*');
  return hosts.length ? hosts.join(',') : '*';
}

function ingressAddress(o: KObject): string {
  const ing = (((status(o).loadBalancer as Obj | undefined)?.ingress ?? []) as Obj[]).map((i) => String(i.ip ?? i.hostname));
  return ing.join(',');
}

const BUILTIN: Record<string, Column[]> = {
  '/Namespace': [nameCol, col('Status', (o) => String(status(o).phase ?? 'Active'), { description: 'The status of the namespace' }), ageCol],
  '/Service': [
    nameCol,
    col('Type', (o) => String(spec(o).type ?? 'ClusterIP')),
    col('Cluster-IP', (o) => String(spec(o).clusterIP ?? '<none>')),
    col('External-IP', externalIP),
    col('Port(s)', servicePorts),
    ageCol,
    col('Selector', (o) => selectorText(spec(o).selector), { priority: 1 }),
  ],
  '/Secret': [nameCol, col('Type', (o) => String((o as Obj).type ?? 'Opaque')), col('Data', (o) => Object.keys(((o as Obj).data ?? {}) as Obj).length, { type: 'string' }), ageCol],
  '/ConfigMap': [nameCol, col('Data', (o) => Object.keys(((o as Obj).data ?? {}) as Obj).length), ageCol],
  'apps/Deployment': [
    nameCol,
    col('Ready', (o) => `${status(o).readyReplicas ?? 0}/${spec(o).replicas ?? 1}`),
    col('Up-to-date', (o) => Number(status(o).updatedReplicas ?? 0), { type: 'integer' }),
    col('Available', (o) => Number(status(o).availableReplicas ?? 0), { type: 'integer' }),
    ageCol,
  ],
  'networking.k8s.io/Ingress': [
    nameCol,
    col('Class', (o) => String(spec(o).ingressClassName ?? '<none>')),
    col('Hosts', ingressHosts),
    col('Address', ingressAddress),
    col('Ports', (o) => ((spec(o).tls as unknown[] | undefined)?.length ? '80, 443' : '80')),
    ageCol,
  ],
  'networking.k8s.io/IngressClass': [
    nameCol,
    col('Controller', (o) => String(spec(o).controller ?? '')),
    col('Parameters', (o) => {
      const p = spec(o).parameters as Obj | undefined;
      return p ? `${p.kind}/${p.name}` : '<none>';
    }),
    ageCol,
  ],
  '/Event': [
    col('Last Seen', (o) => age((o as Obj).lastTimestamp ?? (o as Obj).eventTime ?? o.metadata.creationTimestamp)),
    col('Type', (o) => String((o as Obj).type ?? '')),
    col('Reason', (o) => String((o as Obj).reason ?? '')),
    col('Object', (o) => {
      const io = ((o as Obj).involvedObject ?? {}) as Obj;
      return `${String(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`;
    }),
    col('Message', (o) => String((o as Obj).message ?? '')),
  ],
  'events.k8s.io/Event': [
    col('Last Seen', (o) => age((o as Obj).deprecatedLastTimestamp ?? (o as Obj).eventTime ?? o.metadata.creationTimestamp)),
    col('Type', (o) => String((o as Obj).type ?? '')),
    col('Reason', (o) => String((o as Obj).reason ?? '')),
    col('Object', (o) => {
      const io = ((o as Obj).regarding ?? {}) as Obj;
      return `${String(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`;
    }),
    col('Message', (o) => String((o as Obj).note ?? '')),
  ],
  'apiextensions.k8s.io/CustomResourceDefinition': [nameCol, col('Created At', (o) => String(o.metadata.creationTimestamp ?? ''), { type: 'date' })],
};

function crdColumns(pcs: PrinterColumn[]): Column[] {
  return [
    nameCol,
    ...pcs.map((pc) =>
      col(pc.name, (o) => {
        const vals = evalJsonPath(o, pc.jsonPath ?? '');
        if (!vals.length) return pc.type === 'date' ? '<unknown>' : '';
        if (pc.type === 'date') return age(vals[0]);
        return vals.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
      }, { type: pc.type === 'date' ? 'date' : pc.type, format: pc.format ?? '', description: pc.description ?? '', priority: pc.priority ?? 0 }),
    ),
  ];
}

function columnsFor(t: ResourceType, version: string): Column[] {
  const b = BUILTIN[`${t.group}/${t.kind}`];
  if (b) return b;
  const pcs = t.printerColumns?.get(version);
  if (pcs?.length) return crdColumns(pcs);
  return [nameCol, ageCol];
}

export function partialMetadata(o: KObject): Obj {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function tableRows(t: ResourceType, version: string, objs: KObject[]): Obj[] {
  const cols = columnsFor(t, version);
  return objs.map((o) => ({ cells: cols.map((c) => c.cell(o)), object: partialMetadata(o) }));
}

export function table(t: ResourceType, version: string, objs: KObject[], meta: Obj): Obj {
  const cols = columnsFor(t, version);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: meta,
    columnDefinitions: cols.map(({ name, type, format, description, priority }) => ({ name, type, format, description, priority })),
    rows: tableRows(t, version, objs),
  };
}
