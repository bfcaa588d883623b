/**
 * One kind's ListerWatcher → store sink, after client-go's reflector: list, then watch from the
 * list's resourceVersion with bookmarks; relist on 410 Gone; reconnect with capped, jittered
 * backoff (never more than one request per second); re-establish a stalled watch. The only code
 * in Gatewatch that knows resourceVersions, which it treats as opaque strings.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { KObject } from '../gateway-api/types';
import { apiVersionOf, type KindInfo } from '../gateway-api/kinds';
import { Backoff, RequestPacer, sleep, type BackoffOptions } from './backoff';
import { slimObject, type StringPool } from './slim';
import { ApiStatusError, getJson, streamWatch, type WatchEvent } from './transport';

/** Where a reflector delivers: Replace after each list, then single events. */
export interface ReflectorSink {
  replace(items: KObject[]): void;
  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KObject): void;
}

export interface ReflectorStatus {
  synced: boolean;
  error?: string;
  errorCode?: number;
}

export interface ReflectorOptions {
  kc: KubeConfig;
  info: KindInfo;
  version: string;
  sink: ReflectorSink;
  onStatus?: (s: ReflectorStatus) => void;
  backoff?: BackoffOptions;
  /** No event or bookmark for this long → re-establish the watch. */
  stallMs?: number;
  /**
   * Objects per list page (default 5000: the initial list of a large cluster in few round trips,
   * while a page stays bounded in memory).
   */
  pageSize?: number;
  /** Server-side watch timeout range (seconds); a fresh random value per watch. */
  watchTimeoutSeconds?: [number, number];
  /** When given, objects are stored slimmed to what Gatewatch reads (./slim.ts), their strings shared through it. */
  pool?: StringPool;
  log?: (line: string) => void;
}

const META_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
const META_WATCH = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

class GoneError extends Error {}
class StallError extends Error {}

export function collectionPath(info: KindInfo, version: string): string {
  return info.group ? `/apis/${info.group}/${version}/${info.plural}` : `/api/${version}/${info.plural}`;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The metadata Gatewatch keeps: without managedFields and kubectl's last-applied annotation, which are
 * often most of an object's bytes and which nothing reads from the store (the split editor reads
 * managedFields from the cluster itself, at the moment it edits).
 */
export function slimMetadata(raw: unknown): KObject['metadata'] {
  const { managedFields: _managed, ...metadata } = (raw ?? {}) as KObject['metadata'];
  void _managed;
  const annotations = metadata.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _applied, ...rest } = annotations;
    void _applied;
    metadata.annotations = rest;
  }
  return metadata;
}

/**
 * Gives every object its kind and apiVersion (list items may lack them) and slim metadata; Secrets keep
 * metadata only.
 */
export function normalize(info: KindInfo, version: string, raw: Record<string, unknown>, pool?: StringPool): KObject {
  const metadata = slimMetadata(raw.metadata);
  const apiVersion = apiVersionOf(info.group, version);
  if (info.metadataOnly) return { apiVersion, kind: info.kind, metadata };
  const o: KObject = { ...(raw as KObject), apiVersion, kind: info.kind, metadata };
  return pool ? slimObject(o, pool) : o;
}

export class Reflector {
  private readonly backoff: Backoff;
  private readonly pacer: RequestPacer;
  private readonly abort = new AbortController();
  private current?: AbortController;
  private rv = '';
  private status: ReflectorStatus = { synced: false };
  private running?: Promise<void>;
  /** Counters for tests and diagnostics. */
  readonly stats = { lists: 0, watches: 0, gone: 0, stalls: 0, errors: 0 };

  constructor(private readonly o: ReflectorOptions) {
    this.backoff = new Backoff(o.backoff);
    this.pacer = new RequestPacer(this.backoff.minIntervalMs);
  }

  get lastSyncResourceVersion(): string {
    return this.rv;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.current?.abort();
    await this.running;
  }

  /** Drop the current watch (next step: a fresh watch from the last resourceVersion). */
  restartWatch(): void {
    this.current?.abort();
  }

  private setStatus(s: ReflectorStatus) {
    this.status = s;
    this.o.onStatus?.(s);
  }

  private get path() {
    return collectionPath(this.o.info, this.o.version);
  }

  private async paced(): Promise<void> {
    await sleep(this.pacer.waitMs(), this.abort.signal);
    this.pacer.mark();
  }

  private async loop(): Promise<void> {
    let needList = true;
    while (!this.abort.signal.aborted) {
      try {
        if (needList) {
          await this.paced();
          if (this.abort.signal.aborted) break;
          await this.list();
          needList = false;
          // The backoff resets only after a watch has stayed healthy (see watch()), so a kind
          // whose lists succeed but whose watches fail still backs off.
        }
        await this.paced();
        if (this.abort.signal.aborted) break;
        await this.watch();
        // A clean close (server timeout): resume from the last resourceVersion.
      } catch (e) {
        if (this.abort.signal.aborted) break;
        if (e instanceof GoneError) {
          // Routine: the history we resume from was compacted. Relist.
          this.stats.gone++;
          this.o.log?.(`${this.o.info.kind}: resourceVersion ${this.rv} expired, relisting`);
          needList = true;
          continue;
        }
        if (e instanceof StallError) {
          this.stats.stalls++;
          this.o.log?.(`${this.o.info.kind}: watch stalled, re-establishing`);
          continue;
        }
        this.stats.errors++;
        const code = e instanceof ApiStatusError ? e.statusCode : undefined;
        const msg = e instanceof Error ? e.message : String(e);
        this.setStatus({ synced: this.status.synced, error: msg, errorCode: code });
        // After a broken connection the server may have restarted with a new history: relist.
        needList = true;
        await sleep(this.backoff.nextDelay(), this.abort.signal);
      }
    }
  }

  /** A consistent list in pages (as client-go's pager), handed to the sink in one Replace. */
  private async list(): Promise<void> {
    this.stats.lists++;
    const { info, version, kc } = this.o;
    const items: KObject[] = [];
    let rv = '';
    let cont = '';
    do {
      const q = new URLSearchParams({ limit: String(this.o.pageSize ?? 5000) });
      if (cont) q.set('continue', cont);
      const body = await getJson<{ metadata?: { resourceVersion?: string; continue?: string }; items?: Record<string, unknown>[] }>(
        kc,
        `${this.path}?${q}`,
        { accept: info.metadataOnly ? META_LIST : undefined, signal: this.abort.signal },
      );
      for (const it of body.items ?? []) items.push(normalize(info, version, it, this.o.pool));
      // Every page of one list carries the snapshot's resourceVersion.
      rv ||= body.metadata?.resourceVersion ?? '';
      cont = body.metadata?.continue ?? '';
    } while (cont);
    this.o.sink.replace(items);
    this.rv = rv;
    this.setStatus({ synced: true });
  }

  private async watch(): Promise<void> {
    this.stats.watches++;
    const { info, version, kc } = this.o;
    const [lo, hi] = this.o.watchTimeoutSeconds ?? [300, 600];
    const q = new URLSearchParams({
      watch: 'true',
      resourceVersion: this.rv,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(Math.round(lo + Math.random() * (hi - lo))),
    });
    const ac = new AbortController();
    this.current = ac;
    const onAbort = () => ac.abort();
    this.abort.signal.addEventListener('abort', onAbort, { once: true });
    const stallMs = this.o.stallMs ?? 90_000;
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        ac.abort();
      }, stallMs);
    };
    let opened = 0;
    try {
      arm();
      await streamWatch(kc, `${this.path}?${q}`, {
        accept: info.metadataOnly ? META_WATCH : undefined,
        signal: ac.signal,
        onOpen: () => {
          opened = Date.now();
          if (this.status.error) this.setStatus({ synced: true });
        },
        onEvent: (ev) => {
          arm();
          this.handle(ev);
        },
      });
      if (Date.now() - opened > 30_000) this.backoff.reset();
    } catch (e) {
      if (stalled) throw new StallError('stalled');
      if (e instanceof ApiStatusError && e.statusCode === 410) throw new GoneError(e.message);
      // restartWatch() or stop(): not a failure.
      if (ac.signal.aborted) return;
      throw e;
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onAbort);
    }
  }

  private handle(ev: WatchEvent): void {
    const { info, version } = this.o;
    if (ev.type === 'ERROR') {
      const s = ev.object as { code?: number; message?: string; reason?: string };
      if (s.code === 410 || s.reason === 'Expired' || s.reason === 'Gone') throw new GoneError(s.message ?? 'Gone');
      throw new ApiStatusError(s.code ?? 500, s.message ?? 'watch error', s.reason);
    }
    const meta = (ev.object?.metadata ?? {}) as { resourceVersion?: string };
    if (ev.type === 'BOOKMARK') {
      if (meta.resourceVersion) this.rv = meta.resourceVersion;
      return;
    }
    if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED' && ev.type !== 'DELETED') return;
    this.o.sink.apply(ev.type, normalize(info, version, ev.object, this.o.pool));
    if (meta.resourceVersion) this.rv = meta.resourceVersion;
  }
}
