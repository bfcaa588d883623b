/** Turns a CustomResourceDefinition object into the ResourceType the emulator serves. */
import type { KObject } from '../gateway-api/types';
import type { JSONSchema, PrinterColumn, ResourceType } from './registry';
import { ALL_VERBS } from './registry';

interface CRDVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: JSONSchema };
  subresources?: { status?: unknown };
  additionalPrinterColumns?: PrinterColumn[];
}

interface CRDSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { plural: string; singular?: string; kind: string; shortNames?: string[]; categories?: string[]; listKind?: string };
  versions: CRDVersion[];
}

/** Checks the few fields the emulator needs; returns field errors (empty when fine). */
export function crdProblems(obj: KObject): { field: string; message: string }[] {
  const spec = obj.spec as Partial<CRDSpec> | undefined;
  const out: { field: string; message: string }[] = [];
  if (!spec) return [{ field: 'spec', message: 'Required value' }];
  if (!spec.group) out.push({ field: 'spec.group', message: 'Required value' });
  if (!spec.names?.plural) out.push({ field: 'spec.names.plural', message: 'Required value' });
  if (!spec.names?.kind) out.push({ field: 'spec.names.kind', message: 'Required value' });
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') out.push({ field: 'spec.scope', message: 'Unsupported value: supported values: "Cluster", "Namespaced"' });
  const versions = spec.versions ?? [];
  if (!versions.length) out.push({ field: 'spec.versions', message: 'Invalid value: must have exactly one version marked as storage version' });
  else if (versions.filter((v) => v.storage).length !== 1) out.push({ field: 'spec.versions', message: 'Invalid value: must have exactly one version marked as storage version' });
  if (spec.group && spec.names?.plural && obj.metadata.name !== `${spec.names.plural}.${spec.group}`) {
    out.push({ field: 'metadata.name', message: `Invalid value: "${obj.metadata.name}": must be spec.names.plural+"."+spec.group` });
  }
  return out;
}

export function resourceTypeFromCRD(obj: KObject): ResourceType {
  const spec = obj.spec as CRDSpec;
  const served = spec.versions.filter((v) => v.served !== false);
  const storage = spec.versions.find((v) => v.storage) ?? served[0];
  const schemas = new Map<string, JSONSchema>();
  const printerColumns = new Map<string, PrinterColumn[]>();
  for (const v of served) {
    if (v.schema?.openAPIV3Schema) schemas.set(v.name, v.schema.openAPIV3Schema);
    if (v.additionalPrinterColumns) printerColumns.set(v.name, v.additionalPrinterColumns);
  }
  return {
    group: spec.group,
    kind: spec.names.kind,
    plural: spec.names.plural,
    singular: spec.names.singular || spec.names.kind.toLowerCase(),
    namespaced: spec.scope === 'Namespaced',
    shortNames: spec.names.shortNames,
    categories: spec.names.categories,
    versions: served.map((v) => v.name),
    storageVersion: storage.name,
    verbs: ALL_VERBS,
    hasStatus: served.some((v) => v.subresources?.status !== undefined),
    builtin: false,
    schemas,
    printerColumns,
    storage: { group: spec.group, kind: spec.names.kind },
  };
}

/** The status a real apiextensions-apiserver writes once the CRD is established. */
export function establishedStatus(obj: KObject, now: string): Record<string, unknown> {
  const spec = obj.spec as CRDSpec;
  const cond = (type: string, reason: string, message: string) => ({ type, status: 'True', lastTransitionTime: now, reason, message });
  return {
    conditions: [
      cond('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      cond('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    acceptedNames: { ...spec.names, singular: spec.names.singular || spec.names.kind.toLowerCase(), listKind: spec.names.listKind || `${spec.names.kind}List` },
    storedVersions: [spec.versions.find((v) => v.storage)?.name ?? spec.versions[0].name],
  };
}
