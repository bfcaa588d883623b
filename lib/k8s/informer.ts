/**
 * Informers for every watched kind: discovery picks versions, one reflector per installed kind
 * feeds the shared store, and handlers hear about each change after the store has it (cache first,
 * then listeners, as in client-go). Re-discovers periodically so a CRD installed (or removed)
 * later is picked up.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { KINDS, type KindInfo } from '../gateway-api/kinds';
import type { KObject } from '../gateway-api/types';
import type { ClusterHealth, KindStatus } from '../wire/types';
import type { BackoffOptions } from './backoff';
import { discoverKinds, fetchServedResources } from './discovery';
import { Reflector, type ReflectorStatus } from './reflector';
import { SLIMMED_KINDS, StringPool } from './slim';
import { ObjectStore, type Delta } from './store';
import { ApiStatusError } from './transport';

export type DeltaHandler = (deltas: readonly Delta[]) => void;
/** Fires when health or per-kind status changes (not for object changes). */
export type StatusHandler = () => void;

export interface InformerOptions {
  kc: KubeConfig;
  kinds?: readonly KindInfo[];
  /** Re-discovery period (CRDs installed or removed later). */
  rediscoverMs?: number;
  backoff?: BackoffOptions;
  stallMs?: number;
  watchTimeoutSeconds?: [number, number];
  /** Objects per list page. */
  pageSize?: number;
  /**
   * Store Deployments, Services and Namespaces slimmed to the fields Gatewatch reads (default true;
   * ./slim.ts). Their full objects are read from the cluster on demand.
   */
  slim?: boolean;
  log?: (line: string) => void;
}

interface Running {
  version: string;
  reflector: Reflector;
  status: ReflectorStatus;
}

export class ClusterInformers {
  readonly store = new ObjectStore();
  /** Strings shared by every stored object (namespaces, label keys and values). */
  private readonly pool?: StringPool;
  private readonly kinds: readonly KindInfo[];
  private readonly running = new Map<string, Running>();
  /** Kinds discovery found not installed. */
  private readonly missing = new Set<string>();
  private readonly deltaHandlers = new Set<DeltaHandler>();
  private readonly statusHandlers = new Set<StatusHandler>();
  private discovered = false;
  private clusterError?: { message: string; code?: number; since: string };
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private discovering?: Promise<void>;
  private readonly abort = new AbortController();

  constructor(private readonly o: InformerOptions) {
    this.kinds = o.kinds ?? KINDS;
    if (o.slim ?? true) this.pool = new StringPool();
  }

  /** True when objects of this kind are stored slimmed (read the full object from the cluster). */
  isSlimmed(kind: string): boolean {
    return this.pool !== undefined && SLIMMED_KINDS.has(kind);
  }

  onDeltas(h: DeltaHandler): () => void {
    this.deltaHandlers.add(h);
    return () => this.deltaHandlers.delete(h);
  }

  onStatus(h: StatusHandler): () => void {
    this.statusHandlers.add(h);
    return () => this.statusHandlers.delete(h);
  }

  /** Starts discovery and the reflectors; resolves after the first discovery attempt. */
  async start(): Promise<void> {
    await this.rediscover();
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.rediscover().finally(tick), this.o.rediscoverMs ?? 15_000);
      this.timer.unref?.();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.discovering;
    await Promise.all([...this.running.values()].map((r) => r.reflector.stop()));
    this.running.clear();
  }

  /** Runs discovery now (also called on a timer). */
  rediscover(): Promise<void> {
    this.discovering ??= this.discover().finally(() => (this.discovering = undefined));
    return this.discovering;
  }

  /** For tests and diagnostics: the reflector of a kind, when running. */
  reflector(kind: string): Reflector | undefined {
    return this.running.get(kind)?.reflector;
  }

  private emitDeltas(deltas: readonly Delta[]) {
    if (!deltas.length) return;
    for (const h of this.deltaHandlers) {
      try {
        h(deltas);
      } catch (e) {
        this.o.log?.(`delta handler failed: ${String(e)}`);
      }
    }
  }

  private emitStatus() {
    for (const h of this.statusHandlers) {
      try {
        h();
      } catch (e) {
        this.o.log?.(`status handler failed: ${String(e)}`);
      }
    }
  }

  private async discover(): Promise<void> {
    if (this.stopped) return;
    let served;
    try {
      served = await fetchServedResources(this.o.kc, this.kinds, this.abort.signal);
    } catch (e) {
      if (this.stopped) return;
      const message = e instanceof Error ? e.message : String(e);
      const code = e instanceof ApiStatusError ? e.statusCode : undefined;
      if (this.clusterError?.message !== message) {
        this.clusterError = { message, code, since: new Date().toISOString() };
        this.o.log?.(`cluster discovery failed: ${message}`);
        this.emitStatus();
      }
      return;
    }
    if (this.stopped) return;
    let changed = !this.discovered || this.clusterError !== undefined;
    this.discovered = true;
    this.clusterError = undefined;
    for (const { info, version } of discoverKinds(served, this.kinds)) {
      const cur = this.running.get(info.kind);
      if (cur && cur.version === version) continue;
      if (cur) {
        // Removed, or now served at a different preferred version: stop and forget what we held.
        this.running.delete(info.kind);
        await cur.reflector.stop();
        this.emitDeltas(this.store.clear(info.kind));
        changed = true;
      }
      if (!version) {
        if (!this.missing.has(info.kind)) {
          this.missing.add(info.kind);
          this.o.log?.(`${info.kind}: not installed`);
          changed = true;
        }
        continue;
      }
      this.missing.delete(info.kind);
      this.startKind(info, version);
      changed = true;
    }
    if (changed) this.emitStatus();
  }

  private startKind(info: KindInfo, version: string) {
    const kind = info.kind;
    const entry: Running = {
      version,
      status: { synced: false },
      reflector: new Reflector({
        kc: this.o.kc,
        info,
        version,
        backoff: this.o.backoff,
        stallMs: this.o.stallMs,
        watchTimeoutSeconds: this.o.watchTimeoutSeconds,
        pageSize: this.o.pageSize,
        pool: this.pool,
        log: this.o.log,
        sink: {
          replace: (items: KObject[]) => this.emitDeltas(this.store.replace(kind, items)),
          apply: (type, obj) => {
            const d = type === 'DELETED' ? this.store.delete(kind, obj) : this.store.upsert(kind, obj);
            if (d) this.emitDeltas([d]);
          },
        },
        onStatus: (s) => {
          const prev = entry.status;
          entry.status = s;
          if (prev.synced !== s.synced || prev.error !== s.error) this.emitStatus();
        },
      }),
    };
    this.running.set(kind, entry);
    entry.reflector.start();
  }

  kindStatuses(): KindStatus[] {
    return this.kinds.map((info) => {
      const r = this.running.get(info.kind);
      const base = { kind: info.kind, group: info.group, count: this.store.count(info.kind) };
      if (r) return { ...base, version: r.version, installed: true, synced: r.status.synced, ...(r.status.error ? { error: r.status.error } : {}) };
      return { ...base, installed: false, synced: this.discovered, ...(this.discovered ? { error: 'not installed' } : {}) };
    });
  }

  health(): ClusterHealth {
    if (this.clusterError) {
      const { code, message, since } = this.clusterError;
      return { state: code === 401 || code === 403 ? 'unauthorized' : 'unreachable', error: message, since };
    }
    if (!this.discovered) return { state: 'connecting' };
    const running = [...this.running.entries()];
    const failing = running.filter(([, r]) => r.status.error);
    if (failing.length) {
      const isAuth = ([, r]: [string, Running]) => r.status.errorCode === 401 || r.status.errorCode === 403;
      // Most often every kind fails the same way (the API server went away): say it once.
      const errs = [...new Set(failing.map(([kind, r]) => (failing.length === running.length ? r.status.error : `${kind}: ${r.status.error}`)))];
      const error = errs.join('; ');
      if (failing.length < running.length) return { state: 'degraded', error };
      return { state: failing.every(isAuth) ? 'unauthorized' : 'unreachable', error };
    }
    if (running.some(([, r]) => !r.status.synced)) return { state: 'connecting' };
    return { state: 'ok' };
  }

  /** Why not ready (empty when every installed kind has synced and the cluster answers). */
  notReadyReasons(): string[] {
    const h = this.health();
    if (h.state === 'unreachable' || h.state === 'unauthorized') return [`cluster ${h.state}: ${h.error ?? ''}`.trim()];
    if (!this.discovered) return ['cluster: discovery not finished'];
    const reasons: string[] = [];
    for (const [kind, r] of this.running) {
      if (!r.status.synced) reasons.push(`${kind}: not synced${r.status.error ? ` (${r.status.error})` : ''}`);
    }
    return reasons;
  }

  /** "TLSRoute: not installed" lines. */
  notInstalled(): string[] {
    return [...this.missing].map((k) => `${k}: not installed`);
  }
}
