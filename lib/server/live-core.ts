/**
 * The server core: informers → store → (coalesced) incremental model + analyzer → new revision →
 * subscribers. One instance per process is kept by ./core.ts; tests build their own.
 */
import { KubeConfig } from '@kubernetes/client-node';
import type { RunningEmulator } from '../emulator/api';
import { ClusterInformers, type InformerOptions } from '../k8s/informer';
import type { Delta } from '../k8s/store';
import { kubeconfigInfo, loadKubeconfigFile, type ClusterChoice } from '../k8s/cluster';
import { createTopologyBuilder, type ObjectChange, type TopologyBuilder } from '../model';
import type { ClusterSnapshot } from '../model/snapshot';
import { snapshotFromObjects } from '../model/snapshot';
import type { ClusterHealth, ClusterInfo, Finding, KindStatus, Topology, TopologyEvent } from '../wire/types';
import { createLiveAnalysis, summaryChanges, type LiveAnalysis } from './analysis';
import type { Readiness, ServerCore } from './core-api';
import { EventRing } from './event-ring';

export interface CoreOptions {
  choice: ClusterChoice;
  /** Starts the embedded demo cluster (choice.mode === 'demo'). */
  startDemo?: () => Promise<RunningEmulator>;
  readOnly?: boolean;
  /** Events arriving within this window become one revision. */
  coalesceMs?: number;
  informer?: Omit<InformerOptions, 'kc'>;
  log?: (line: string) => void;
}

/** A batch this large is applied by a full rebuild rather than object by object. */
const FULL_PASS_CHANGES = 2000;
/** Longest the initial lists are held waiting for every kind to sync. */
const INITIAL_HOLD_MS = 60_000;

class LiveCore implements ServerCore {
  readonly cluster: ClusterInfo;
  readonly kubeConfig: KubeConfig;
  readonly demo?: RunningEmulator;
  readonly readOnly: boolean;
  readonly snapshot: ClusterSnapshot;
  private readonly informers?: ClusterInformers;
  private readonly configError?: { error: string; since: string };
  private builder: TopologyBuilder;
  private analysis: LiveAnalysis;
  private readonly log: (line: string) => void;
  private readonly ring = new EventRing(512);
  private readonly listeners = new Set<(ev: TopologyEvent) => void>();
  /** Revisions start at the epoch millisecond so they keep increasing across restarts (SSE resume). */
  private rev = Date.now();
  private cached?: { rev: number; topology: Topology };
  private pending = new Map<string, ObjectChange>();
  private statusDirty = false;
  private timer?: NodeJS.Timeout;
  private readonly coalesceMs: number;
  /** Until the first full sync, changes are held and then applied in one full rebuild. */
  private initialSync = true;
  private holdingSince?: number;
  /** The pending timer is the slow re-check while holding (a new event may replace it). */
  private holdTimer = false;

  constructor(
    parts: { cluster: ClusterInfo; kubeConfig: KubeConfig; demo?: RunningEmulator; informers?: ClusterInformers; configError?: string },
    o: CoreOptions,
  ) {
    this.cluster = parts.cluster;
    this.kubeConfig = parts.kubeConfig;
    this.demo = parts.demo;
    this.informers = parts.informers;
    this.configError = parts.configError ? { error: parts.configError, since: new Date().toISOString() } : undefined;
    this.readOnly = o.readOnly ?? false;
    this.coalesceMs = o.coalesceMs ?? 30;
    this.log = o.log ?? ((l: string) => console.error(`[gatewatch] ${l}`));
    this.snapshot = this.informers?.store ?? snapshotFromObjects([]);
    this.builder = createTopologyBuilder(this.snapshot);
    this.analysis = createLiveAnalysis(this.snapshot);
    this.informers?.onDeltas((ds) => this.onDeltas(ds));
    this.informers?.onStatus(() => {
      this.statusDirty = true;
      this.schedule();
    });
  }

  private onDeltas(deltas: readonly Delta[]) {
    for (const d of deltas) {
      const m = d.object.metadata;
      this.pending.set(`${d.kind}/${d.key}`, { kind: d.kind, namespace: m.namespace, name: m.name });
    }
    this.schedule();
  }

  private schedule() {
    if (this.timer && !this.holdTimer) return;
    clearTimeout(this.timer);
    this.holdTimer = false;
    this.timer = setTimeout(() => this.flush(), this.coalesceMs);
  }

  /**
   * While the informers are still listing (cluster connecting, no errors), the lists of the kinds
   * that arrived are held: one full pass once all have synced is far cheaper than feeding tens of
   * thousands of objects through the incremental path kind by kind. Bounded, so a kind that never
   * syncs cannot hold the model back for long.
   */
  private holdForSync(): boolean {
    if (!this.initialSync) return false;
    if (!this.informers) {
      this.initialSync = false;
      return false;
    }
    if (this.informers.health().state === 'connecting' && this.informers.notReadyReasons().length > 0) {
      this.holdingSince ??= Date.now();
      if (Date.now() - this.holdingSince < INITIAL_HOLD_MS) return true;
    }
    this.initialSync = false;
    return false;
  }

  /** Applies the pending changes: one new revision (unless nothing visible changed). */
  private flush() {
    this.timer = undefined;
    const wasInitial = this.initialSync;
    const holding = this.holdForSync();
    if (holding) {
      // Re-check at the next delta or status change, or after a while at the latest.
      this.timer = setTimeout(() => this.flush(), 250);
      this.holdTimer = true;
      if (!this.statusDirty) return;
    }
    const changes = holding ? [] : [...this.pending.values()];
    if (!holding) this.pending = new Map();
    const statusDirty = this.statusDirty;
    this.statusDirty = false;
    let set: { changed: string[]; removed: string[] } = { changed: [], removed: [] };
    let problems: string[] = [];
    try {
      if (changes.length && (wasInitial || changes.length >= FULL_PASS_CHANGES)) {
        // The initial sync or a large relist: one full pass of model and analyzer.
        const t0 = performance.now();
        set = this.builder.rebuild();
        const t1 = performance.now();
        const before = this.analysis.summaries();
        this.analysis = createLiveAnalysis(this.snapshot);
        problems = summaryChanges(before, this.analysis.summaries());
        const t2 = performance.now();
        this.log(`full pass over ${changes.length} objects${wasInitial ? ` (initial sync, done ${Math.round(process.uptime() * 1000)} ms after process start)` : ''}: model ${Math.round(t1 - t0)} ms, analyzer ${Math.round(t2 - t1)} ms`);
      } else if (changes.length) {
        set = this.builder.applyChanges(changes);
        problems = this.analysis.update(changes);
      }
    } catch (e) {
      // A model or analyzer bug on one odd object must not take the server down: start both
      // afresh from the store (the store itself is always right).
      this.log(`incremental update failed, rebuilding the model: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.builder = createTopologyBuilder(this.snapshot);
      this.analysis = createLiveAnalysis(this.snapshot);
      set = { changed: [], removed: [] };
      problems = [];
    }
    if (!set.changed.length && !set.removed.length && !problems.length && !statusDirty && !changes.length) return;
    this.rev++;
    // Nodes whose findings changed count as changed too (their problem badge differs).
    const removed = new Set(set.removed);
    const changed = [...new Set([...set.changed, ...problems.filter((id) => !removed.has(id))])].sort();
    const ev: TopologyEvent = { revision: this.rev, changed, removed: set.removed };
    this.ring.push(ev);
    for (const l of this.listeners) {
      try {
        l(ev);
      } catch {
        // A failing subscriber (a closed stream) must not stop the others.
      }
    }
  }

  revision(): number {
    return this.rev;
  }

  health(): ClusterHealth {
    if (this.configError) return { state: 'unreachable', error: this.configError.error, since: this.configError.since };
    return this.informers?.health() ?? { state: 'connecting' };
  }

  kinds(): KindStatus[] {
    return this.informers?.kindStatuses() ?? [];
  }

  topology(): Topology {
    if (this.cached?.rev !== this.rev) {
      const t = this.builder.topology({ cluster: this.cluster, health: this.health(), kinds: this.kinds() }, this.rev);
      this.cached = { rev: this.rev, topology: this.analysis.decorate(t) };
    }
    return this.cached.topology;
  }

  findings(): Finding[] {
    return this.analysis.findings();
  }

  subscribe(listener: (ev: TopologyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  replay(since: number) {
    return this.ring.since(since, this.rev);
  }

  readiness(): Readiness {
    if (this.configError) return { ready: false, reasons: [`cluster configuration: ${this.configError.error}`] };
    if (!this.informers) return { ready: false, reasons: ['cluster: not started'] };
    const reasons = this.informers.notReadyReasons();
    // Synced lists are not enough: the model and findings must have been built from them.
    if (!reasons.length && this.initialSync) reasons.push('model: building');
    return { ready: reasons.length === 0, reasons };
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.informers?.stop();
    await this.demo?.stop();
  }
}

/** Builds and starts a core for the given cluster choice. */
export async function createCore(o: CoreOptions): Promise<ServerCore> {
  const log = o.log ?? ((l: string) => console.error(`[gatewatch] ${l}`));
  const choice = o.choice;
  if (choice.mode === 'error') {
    log(`cluster configuration error: ${choice.error}`);
    return new LiveCore({ cluster: choice.info, kubeConfig: new KubeConfig(), configError: choice.error }, o);
  }
  let kc: KubeConfig;
  let cluster: ClusterInfo;
  let demo: RunningEmulator | undefined;
  if (choice.mode === 'demo') {
    if (!o.startDemo) throw new Error('demo cluster requested but no way to start it');
    demo = await o.startDemo();
    kc = loadKubeconfigFile(demo.kubeconfigPath);
    cluster = kubeconfigInfo(kc, 'demo');
  } else {
    kc = choice.kc;
    cluster = choice.info;
  }
  const informers = new ClusterInformers({ ...o.informer, kc, log });
  const core = new LiveCore({ cluster, kubeConfig: kc, demo, informers }, o);
  await informers.start();
  for (const line of informers.notInstalled()) log(line);
  return core;
}
