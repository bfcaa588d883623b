/**
 * Watch streams: chunked HTTP, one compact JSON event per line, flushed at once and held open.
 * Replays retained history after the requested resourceVersion (410 Gone as an ERROR event when it
 * predates the history), or sends the current state first; selector watches turn objects that
 * start/stop matching into ADDED/DELETED as kube's watch cache does.
 */
import type { ServerResponse } from 'node:http';
import type { KObject } from '../gateway-api/types';
import type { ClusterStore } from './cluster-store';
import { gone } from './errors';
import { type ResourceType, apiVersionFor } from './registry';
import { type FieldRequirement, type Requirement, matchFields, matchLabels } from './selectors';
import type { Change, Entry } from './storage';
import { partialMetadata, table } from './tables';

export type Rendering = 'object' | 'table' | 'partial';

export interface WatchRequest {
  type: ResourceType;
  version: string;
  namespace?: string;
  labels: Requirement[];
  fields: FieldRequirement[];
  /** undefined: start with the current state (synthetic ADDED events). */
  fromRv?: number;
  sendInitialEvents: boolean;
  bookmarks: boolean;
  timeoutSeconds?: number;
  rendering: Rendering;
}

export interface WatchOptions {
  bookmarkIntervalMs: number;
}

/** Serializes objects of one type/version for the wire, reusing cached JSON when the shape is stored as is. */
export class Renderer {
  private readonly av: string;
  private readonly direct: boolean;
  /** Objects are served exactly as stored (storage type and version): their cached JSON is the answer. */
  readonly storedShape: boolean;
  constructor(private store: ClusterStore, readonly type: ResourceType, readonly version: string) {
    this.av = apiVersionFor(type.group, version);
    this.direct = !type.toExternal;
    this.storedShape = this.direct && type.storage.group === type.group && type.storage.kind === type.kind && version === type.storageVersion;
  }

  external(e: Entry): KObject {
    return this.store.external(this.type, this.version, e.obj);
  }

  json(e: Entry): string {
    if (!this.direct) return JSON.stringify(this.external(e));
    if (e.obj.apiVersion === this.av) return e.json;
    // Stored objects start with apiVersion then kind (see ClusterStore.normalize): swap the prefix.
    const i = e.json.indexOf(',"kind":');
    return i > 0 ? `{"apiVersion":${JSON.stringify(this.av)}${e.json.slice(i)}` : JSON.stringify(this.external(e));
  }
}

export function serveWatch(store: ClusterStore, res: ServerResponse, w: WatchRequest, opts: WatchOptions, active: Set<ServerResponse>): void {
  const r = new Renderer(store, w.type, w.version);
  const key = `${w.type.storage.group}/${w.type.storage.kind}`;
  const sharedLine = w.rendering === 'object' && !w.type.toExternal && w.version === w.type.storageVersion && w.type.storage.kind === w.type.kind;
  const filtered = w.labels.length > 0 || w.fields.length > 0;
  const matches = (e: Entry | undefined): boolean => {
    if (!e) return false;
    const md = e.obj.metadata;
    if (w.namespace !== undefined && w.type.namespaced && (md.namespace ?? '') !== w.namespace) return false;
    if (w.labels.length && !matchLabels(w.labels, md.labels)) return false;
    if (w.fields.length && !matchFields(w.fields, r.external(e) as Record<string, unknown>)) return false;
    return true;
  };
  const line = (type: string, e: Entry): string => {
    switch (w.rendering) {
      case 'table':
        return `${JSON.stringify({ type, object: table(w.type, w.version, [r.external(e)], { resourceVersion: e.obj.metadata.resourceVersion }) })}\n`;
      case 'partial':
        return `${JSON.stringify({ type, object: partialMetadata(r.external(e)) })}\n`;
      default:
        return `{"type":"${type}","object":${r.json(e)}}\n`;
    }
  };
  const bookmark = (initialEnd: boolean): string => {
    const metadata: Record<string, unknown> = { resourceVersion: store.resourceVersion() };
    if (initialEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    return `${JSON.stringify({ type: 'BOOKMARK', object: { kind: w.type.kind, apiVersion: apiVersionFor(w.type.group, w.version), metadata } })}\n`;
  };
  const onChange = (c: Change): void => {
    if (res.writableEnded) return; // ended by stop()/closeWatches(); cleanup follows on 'finish'
    let type: string = c.type;
    if (filtered || w.namespace !== undefined) {
      const now = matches(c.entry);
      const before = c.type === 'ADDED' ? false : matches(c.prev);
      if (c.type === 'DELETED') {
        if (!before && !now) return;
      } else if (now && !before) type = 'ADDED';
      else if (!now && before) type = 'DELETED';
      else if (!now) return;
    }
    if (type === c.type && sharedLine) {
      // Every watcher of the storage shape sends the same bytes: serialize once per change.
      res.write((c.line ??= line(type, c.entry)));
    } else res.write(line(type, c.entry));
  };

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.socket?.setNoDelay(true);
  res.flushHeaders();

  const sub = store.objects.watch(key, w.fromRv, onChange);
  if (sub === 'gone') {
    const status = gone(`too old resource version: ${w.fromRv} (${store.resourceVersion()})`).toStatus();
    res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    return;
  }
  active.add(res);
  if (w.fromRv === undefined || w.sendInitialEvents) {
    const initial = store.entries(w.type, w.type.namespaced ? w.namespace : undefined);
    let chunk = '';
    for (const e of initial) {
      if (!filtered || matches(e)) chunk += line('ADDED', e);
      if (chunk.length > 65536) {
        res.write(chunk);
        chunk = '';
      }
    }
    if (w.sendInitialEvents && w.bookmarks) chunk += bookmark(true);
    if (chunk) res.write(chunk);
  }
  for (const c of sub.replay) onChange(c);

  const timers: NodeJS.Timeout[] = [];
  if (w.bookmarks) timers.push(setInterval(() => res.writableEnded || res.write(bookmark(false)), opts.bookmarkIntervalMs));
  if (w.timeoutSeconds && w.timeoutSeconds > 0) timers.push(setTimeout(() => res.end(), w.timeoutSeconds * 1000));
  let done = false;
  const cleanup = (): void => {
    if (done) return;
    done = true;
    sub.stop();
    for (const t of timers) clearTimeout(t);
    active.delete(res);
  };
  // The response's 'close' fires when the client goes away or the stream ends (not the request's,
  // which can fire once the request body has been read).
  res.on('close', cleanup);
  res.on('finish', cleanup);
}
