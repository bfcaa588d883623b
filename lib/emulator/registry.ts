/**
 * The resource types the emulator serves: built-in kinds plus every installed CRD. Discovery,
 * OpenAPI, routing and validation all read this one table, so a CRD created at run time becomes
 * servable everywhere at once.
 */
import type { KObject } from '../gateway-api/types';
import { compareVersions } from './versions';

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  /** CRD additionalPrinterColumns only */
  jsonPath?: string;
}

export type JSONSchema = Record<string, unknown>;

export interface ResourceType {
  group: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Served versions, highest priority first. */
  versions: string[];
  storageVersion: string;
  verbs: string[];
  hasStatus: boolean;
  builtin: boolean;
  /** CRD per-version schema (openAPIV3Schema) and printer columns. */
  schemas?: Map<string, JSONSchema>;
  printerColumns?: Map<string, PrinterColumn[]>;
  /** Where objects live: another type can share this type's storage (events.k8s.io Event → core Event). */
  storage: { group: string; kind: string };
  /** Converts a stored object to this type's shape at `version` (default: swap apiVersion). */
  toExternal?: (stored: KObject, version: string) => KObject;
  /** Converts an object of this type into the storage type's shape. */
  toStorage?: (obj: KObject) => KObject;
  /** Field selector keys accepted besides metadata.name / metadata.namespace. */
  fieldLabels?: string[];
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function storageKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

export class Registry {
  private byPlural = new Map<string, ResourceType>();
  private byKind = new Map<string, ResourceType>();
  private generation = 0;

  add(t: ResourceType): void {
    t.versions = [...t.versions].sort(compareVersions);
    this.byPlural.set(`${t.group}/${t.plural}`, t);
    this.byKind.set(storageKey(t.group, t.kind), t);
    this.generation++;
  }

  remove(group: string, plural: string): ResourceType | undefined {
    const t = this.byPlural.get(`${group}/${plural}`);
    if (!t) return undefined;
    this.byPlural.delete(`${group}/${plural}`);
    this.byKind.delete(storageKey(group, t.kind));
    this.generation++;
    return t;
  }

  /** Bumped on every change, so discovery/OpenAPI caches know when to rebuild. */
  version(): number {
    return this.generation;
  }

  byResource(group: string, plural: string): ResourceType | undefined {
    return this.byPlural.get(`${group}/${plural}`);
  }

  byGroupKind(group: string, kind: string): ResourceType | undefined {
    return this.byKind.get(storageKey(group, kind));
  }

  /** Resolves an object's apiVersion + kind; undefined when the group/version/kind is not served. */
  forObject(apiVersion: string, kind: string): { type: ResourceType; version: string } | undefined {
    const i = apiVersion.lastIndexOf('/');
    const group = i < 0 ? '' : apiVersion.slice(0, i);
    const version = i < 0 ? apiVersion : apiVersion.slice(i + 1);
    const type = this.byKind.get(storageKey(group, kind));
    if (!type || !type.versions.includes(version)) return undefined;
    return { type, version };
  }

  all(): ResourceType[] {
    return [...this.byPlural.values()];
  }

  /** Groups with their served versions (highest priority first); the core group is ''. */
  groups(): Map<string, string[]> {
    const out = new Map<string, Set<string>>();
    for (const t of this.byPlural.values()) {
      let s = out.get(t.group);
      if (!s) out.set(t.group, (s = new Set()));
      for (const v of t.versions) s.add(v);
    }
    const sorted = new Map<string, string[]>();
    for (const g of [...out.keys()].sort()) sorted.set(g, [...out.get(g)!].sort(compareVersions));
    return sorted;
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all()
      .filter((t) => t.group === group && t.versions.includes(version))
      .sort((a, b) => (a.plural < b.plural ? -1 : 1));
  }
}

export function apiVersionFor(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
