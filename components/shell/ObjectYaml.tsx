'use client';
import { stringify } from 'yaml';
import { useObject } from '@/components/data/hooks';
import { Pre } from '@/components/ui/Pre';

/** The object as the cluster holds it, as YAML (kubectl's field order, without managedFields). */
export function ObjectYaml({ path, resourceVersion }: { path: string; resourceVersion: string | undefined }) {
  const { data, error, isLoading } = useObject(path, resourceVersion);
  if (error) return <p className="text-xs text-red-700 dark:text-red-400">Cannot read the object: {error.message}</p>;
  if (isLoading || !data) return <p className="text-xs text-slate-500 dark:text-slate-400">Loading…</p>;
  const { apiVersion, kind, metadata, ...rest } = data as { apiVersion?: string; kind?: string; metadata?: Record<string, unknown> };
  const meta = metadata ? Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== 'managedFields')) : undefined;
  return <Pre text={stringify({ apiVersion, kind, metadata: meta, ...rest }, { lineWidth: 0 })} testId="object-yaml" maxHeight="max-h-96" />;
}
