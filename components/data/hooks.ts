'use client';
/** SWR hooks for the dashboard's HTTP API (shapes in lib/wire/types.ts). */
import useSWR from 'swr';
import type { ClusterHealth, ClusterInfo, Finding, KindStatus, SeriesPoint, TelemetryReport, TelemetryWindow, Topology } from '@/lib/wire/types';
import { fetchJson } from './fetcher';

export interface ClusterReply {
  cluster: ClusterInfo;
  health: ClusterHealth;
  kinds: KindStatus[];
  readOnly: boolean;
  revision: number;
}

export type { SeriesPoint };

export interface SeriesReply {
  source?: string;
  step?: number;
  points: SeriesPoint[];
  error?: string;
}

// Live updates arrive over /api/events, so no polling and no refetch on focus for the model.
const live = { revalidateOnFocus: false, keepPreviousData: true } as const;

export const useTopology = () => useSWR<Topology>('/api/topology', fetchJson, live);
export const useFindings = () => useSWR<Finding[]>('/api/findings', fetchJson, live);
export const useCluster = () => useSWR<ClusterReply>('/api/cluster', fetchJson, { revalidateOnFocus: false });

/** `refreshSeconds` 0 = no polling. */
export function useTelemetry(window: TelemetryWindow, refreshSeconds: number) {
  return useSWR<TelemetryReport>(`/api/telemetry?window=${window}`, fetchJson, {
    refreshInterval: refreshSeconds * 1000,
    revalidateOnFocus: false,
    keepPreviousData: true,
    errorRetryInterval: 15_000,
  });
}

export function useSeries(edgeId: string | null, window: TelemetryWindow, refreshSeconds: number) {
  return useSWR<SeriesReply>(
    edgeId ? `/api/telemetry/series?window=${window}&edge=${encodeURIComponent(edgeId)}` : null,
    fetchJson,
    { refreshInterval: refreshSeconds * 1000, revalidateOnFocus: false, keepPreviousData: true },
  );
}

/** The object's JSON; the resourceVersion in the key refetches it when the object changes. */
export const useObject = (path: string | null, resourceVersion?: string) =>
  useSWR<Record<string, unknown>, Error, [string, string] | null>(path ? [path, resourceVersion ?? ''] : null, ([p]) => fetchJson<Record<string, unknown>>(p), {
    revalidateOnFocus: false,
    keepPreviousData: true,
  });
