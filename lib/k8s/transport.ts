/**
 * HTTP to the API server with client-node's credentials (`kc.applyToHTTPSOptions`: CA, client certs,
 * bearer/exec tokens, agent). Raw node:http(s) rather than client-node's Watch because Gatewatch needs
 * its own Accept header (PartialObjectMetadata for Secrets) and the status code of a failed watch.
 */
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import type { KubeConfig } from '@kubernetes/client-node';

/** A non-2xx answer from the API server, with its Status message verbatim. */
export class ApiStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiStatusError';
  }
}

export interface RequestOpts {
  accept?: string;
  signal?: AbortSignal;
}

async function open(kc: KubeConfig, path: string, opts: RequestOpts): Promise<http.IncomingMessage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  const o: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(o);
  // applyToHTTPSOptions only ever sets a header object (Authorization, Impersonate-*), never a list.
  const headers = { ...((o.headers ?? {}) as http.OutgoingHttpHeaders), Accept: opts.accept ?? 'application/json' };
  const mod = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { ...o, method: 'GET', headers, signal: opts.signal }, (res) => {
      // Readers below see failures through their own paths (stream iteration, readline close);
      // this keeps a reset socket from becoming an uncaught 'error' in between.
      res.on('error', () => {});
      resolve(res);
    });
    req.on('error', reject);
    req.end();
  });
}

async function readBody(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function statusError(code: number, body: string): ApiStatusError {
  try {
    const s = JSON.parse(body) as { message?: string; reason?: string };
    if (s.message) return new ApiStatusError(code, s.message, s.reason);
  } catch {
    // not a Status object: fall through to the raw body
  }
  return new ApiStatusError(code, `HTTP ${code}${body ? `: ${body.slice(0, 300)}` : ''}`);
}

/** GET returning parsed JSON; non-2xx → ApiStatusError. */
export async function getJson<T>(kc: KubeConfig, path: string, opts: RequestOpts = {}): Promise<T> {
  const res = await open(kc, path, opts);
  const body = await readBody(res);
  const code = res.statusCode ?? 0;
  if (code < 200 || code >= 300) throw statusError(code, body);
  return JSON.parse(body) as T;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Record<string, unknown>;
}

/**
 * Streams a watch: one JSON event per line. Resolves when the server closes the stream cleanly,
 * rejects on a non-2xx answer (ApiStatusError) or a broken connection. `onOpen` fires once the
 * headers arrived.
 */
export async function streamWatch(
  kc: KubeConfig,
  path: string,
  opts: RequestOpts & { onOpen?: () => void; onEvent: (ev: WatchEvent) => void },
): Promise<void> {
  const res = await open(kc, path, opts);
  const code = res.statusCode ?? 0;
  if (code < 200 || code >= 300) throw statusError(code, await readBody(res));
  opts.onOpen?.();
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    res.on('error', fail);
    res.on('aborted', () => fail(new Error('watch connection aborted')));
    const lines = createInterface({ input: res, crlfDelay: Infinity });
    // readline re-emits the input's errors on itself.
    lines.on('error', fail);
    lines.on('line', (line) => {
      if (failed || !line.trim()) return;
      let ev: WatchEvent;
      try {
        ev = JSON.parse(line) as WatchEvent;
      } catch {
        fail(new Error(`malformed watch event: ${line.slice(0, 200)}`));
        res.destroy();
        return;
      }
      try {
        opts.onEvent(ev);
      } catch (e) {
        fail(e);
        res.destroy();
      }
    });
    lines.on('close', () => {
      if (failed) return;
      // A socket reset also ends the line reader: only a complete response is a clean close.
      if (res.complete) resolve();
      else fail(new Error('watch connection closed unexpectedly'));
    });
  });
}
