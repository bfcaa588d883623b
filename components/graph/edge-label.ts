/** What an edge shows and how it is drawn: pure, so the graph and its tests agree. */
import type { EdgeTraffic, WireEdge } from '@/lib/wire/types';
import type { PendingShares } from '@/components/split/types';
import type { EdgeLabelMode } from './types';

export type EdgeStroke = 'normal' | 'idle' | 'rejected' | 'unknown' | 'mesh' | 'degraded' | 'failing' | 'healthy' | 'ingress';

export interface EdgeLook {
  /** Main label text (empty for none). */
  label: string;
  /** Hover text. */
  title: string;
  stroke: EdgeStroke;
  dashed: boolean;
  /** Stroke width in px. */
  width: number;
  /** The pending preview of the split editor. */
  pending: boolean;
  /** Observed share is more than 10 points away from the configured one. */
  drift: boolean;
  /** Traffic is flowing (animate the dash). */
  flowing: boolean;
}

/**
 * Health tolerances on the error ratio. Kiali's defaults: any error is degraded, more than 10 % failing.
 * Configurable at build time with NEXT_PUBLIC_GATEWATCH_ERROR_DEGRADED / NEXT_PUBLIC_GATEWATCH_ERROR_FAILING
 * (percentages, e.g. 1 and 20); Next.js inlines NEXT_PUBLIC_* into the browser bundle.
 */
export const DEGRADED = tolerance(process.env.NEXT_PUBLIC_GATEWATCH_ERROR_DEGRADED, 0);
export const FAILING = tolerance(process.env.NEXT_PUBLIC_GATEWATCH_ERROR_FAILING, 0.1);

function tolerance(percent: string | undefined, fallback: number): number {
  const n = percent === undefined || percent === '' ? NaN : Number(percent);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : fallback;
}
export const DRIFT_POINTS = 10;

export const pct = (x: number): string => {
  const v = x * 100;
  return `${Number.isInteger(Math.round(v * 10) / 10) ? Math.round(v) : (Math.round(v * 10) / 10).toFixed(1)}%`;
};

function rpsText(rps: number): string {
  return rps >= 100 ? `${Math.round(rps)} rps` : `${rps.toFixed(1)} rps`;
}

function bytesText(b: number): string {
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} MB/s`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(1)} kB/s`;
  return `${Math.round(b)} B/s`;
}

/** The telemetry figure for the label mode (null when the mode shows none). */
export function trafficText(t: EdgeTraffic, mode: EdgeLabelMode, tcp: boolean): string | null {
  switch (mode) {
    case 'rps':
      return tcp && t.tcpBytesPerSec !== undefined ? bytesText(t.tcpBytesPerSec) : rpsText(t.rps);
    case 'errors':
      return tcp ? null : pct(t.errorRatio);
    case 'latency':
      return t.p95Ms !== undefined ? `p95 ${Math.round(t.p95Ms)} ms` : null;
    default:
      return null;
  }
}

export function edgeLook(
  e: WireEdge,
  opts: { traffic?: EdgeTraffic; pending?: PendingShares[string]; mode: EdgeLabelMode; tcp?: boolean },
): EdgeLook {
  const look: EdgeLook = { label: '', title: '', stroke: 'normal', dashed: false, width: 1.5, pending: false, drift: false, flowing: false };
  const t = opts.traffic;
  const parts: string[] = [];
  const titles: string[] = [];

  if (e.kind === 'class' || e.kind === 'workload') {
    look.stroke = 'idle';
    look.width = 1;
  }
  if (e.kind === 'ingress') {
    look.stroke = 'ingress';
    look.dashed = true;
  }
  if (e.kind === 'mesh-parent') {
    look.stroke = 'mesh';
    look.width = 2.5;
    parts.push('mesh');
  }
  if (e.kind === 'attachment' || e.kind === 'mesh-parent') {
    if (e.accepted === false) {
      look.stroke = 'rejected';
      look.dashed = true;
      parts.splice(0, parts.length, e.reason ? `✕ ${e.reason}` : '✕ not accepted');
      titles.push(`Not accepted${e.reason ? `: ${e.reason}` : ''}`);
    } else if (e.accepted === 'unknown') {
      // A mesh edge stays violet (its kind matters more); both become dashed: nobody confirmed them.
      if (e.kind !== 'mesh-parent') look.stroke = 'unknown';
      look.dashed = true;
      titles.push('No controller has written status for this parent');
    }
  }
  if (e.kind === 'backend') {
    const weight = e.weight ?? 0;
    const total = e.totalWeight ?? 0;
    titles.push(`weight ${weight} of ${total}`);
    if (e.resolved === false) {
      look.stroke = 'rejected';
      look.dashed = true;
      parts.push(`✕ ${e.reason ?? 'unresolved'}`);
    } else {
      const share = e.share ?? 0;
      parts.push(pct(share));
      if (weight === 0) {
        look.stroke = 'idle';
        look.width = 1;
      }
      if (t?.observedShare !== undefined) {
        parts.push(`obs ${pct(t.observedShare)}`);
        look.drift = Math.abs(t.observedShare - share) * 100 > DRIFT_POINTS;
        titles.push(`observed ${pct(t.observedShare)} of the rule's traffic${look.drift ? ' (drift > 10 points)' : ''}`);
      }
    }
    if (opts.pending) {
      look.pending = true;
      parts.push(`→ ${pct(opts.pending.share)} pending`);
      titles.push(`pending: weight ${opts.pending.weight}`);
    }
  }
  if (t) {
    const figure = trafficText(t, opts.mode, opts.tcp ?? false);
    if (figure && !(e.kind === 'backend' && opts.mode === 'share')) parts.push(figure);
    titles.push(`${t.rps.toFixed(2)} rps · ${pct(t.errorRatio)} errors${t.p95Ms !== undefined ? ` · p95 ${Math.round(t.p95Ms)} ms` : ''}`);
    const active = isActive(t);
    if (look.stroke !== 'rejected' && look.stroke !== 'mesh') {
      if (active) {
        look.stroke = t.errorRatio > FAILING ? 'failing' : t.errorRatio > DEGRADED ? 'degraded' : 'healthy';
        look.flowing = true;
      } else {
        look.stroke = 'idle';
      }
    }
    // Thickness grows with the log of the request rate, so one busy edge does not drown the others.
    if (t.rps > 0) look.width = Math.min(5, look.width + Math.log10(1 + t.rps));
    else if (active) look.width = Math.min(5, look.width + Math.log10(1 + (t.tcpBytesPerSec ?? 0) / 1000));
  }
  // Reasons stay visible in every mode: they are the point of a red edge.
  if (opts.mode === 'none' && look.stroke !== 'rejected') parts.splice(0, parts.length);
  look.label = parts.join(' · ');
  look.title = titles.join('\n');
  return look;
}

/** Requests, or bytes for TCP (a TCP edge has no request rate). */
function isActive(t: EdgeTraffic): boolean {
  return t.rps > 0 || (t.tcpBytesPerSec ?? 0) > 0;
}

/** True when the edge would be hidden by "hide idle edges" (telemetry present, nothing flowing). */
export function isIdle(traffic: EdgeTraffic | undefined, telemetryPresent: boolean): boolean {
  return telemetryPresent && (!traffic || !isActive(traffic));
}
