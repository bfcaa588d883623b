/** HTTP routing for the emulator: discovery, OpenAPI and resource paths, errors as Status bodies. */
import { type IncomingMessage, type ServerResponse, createServer, type Server } from 'node:http';
import type { ClusterStore } from './cluster-store';
import { AGGREGATED_V2, AGGREGATED_V2BETA1, aggregatedDiscovery, aggregatedFormat, legacyApiVersions, legacyGroup, legacyGroupList, resourceList, versionInfo } from './discovery';
import { asStatusError, methodNotSupported, pageNotFound } from './errors';
import { type Answer, type Context, type ResourceRequest, create, get, list, patch, remove, replace } from './handlers';
import { openapiGroupVersion, openapiRoot } from './openapi';

function send(res: ServerResponse, code: number, body: string | Buffer, contentType = 'application/json', warnings?: string[]): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (warnings?.length) res.setHeader('Warning', warnings.map((w) => `299 - ${JSON.stringify(w)}`));
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache, private' });
  res.end(body);
}

const json = (res: ServerResponse, obj: unknown, code = 200, contentType?: string): void => send(res, code, JSON.stringify(obj), contentType);

/** Splits a resource path after its group-version prefix into namespace/plural/name/subresource. */
function resourcePath(ctx: Context, group: string, version: string, rest: string[]): ResourceRequest | undefined {
  let namespace: string | undefined;
  let parts = rest;
  if (rest[0] === 'namespaces' && rest.length >= 3 && rest[2] !== 'status' && rest[2] !== 'finalize') {
    namespace = rest[1];
    parts = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = parts;
  if (!plural || extra.length) return undefined;
  const type = ctx.store.registry.byResource(group, plural);
  if (!type || !type.versions.includes(version)) return undefined;
  if (namespace !== undefined && !type.namespaced) return undefined;
  if (subresource !== undefined && !(subresource === 'status' && type.hasStatus)) return undefined;
  return { type, version, namespace, name, subresource };
}

async function serveResource(ctx: Context, req: IncomingMessage, res: ServerResponse, r: ResourceRequest, q: URLSearchParams): Promise<Answer | undefined> {
  switch (req.method) {
    case 'GET':
      return r.name ? get(ctx, req, r) : list(ctx, req, res, r, q);
    case 'POST':
      return create(ctx, req, r, q);
    case 'PUT':
      if (!r.name) throw methodNotSupported('the server does not allow this method on the requested resource');
      return replace(ctx, req, r, q);
    case 'PATCH':
      if (!r.name) throw methodNotSupported('the server does not allow this method on the requested resource');
      return patch(ctx, req, r, q);
    case 'DELETE':
      return remove(ctx, req, r, q);
    default:
      throw methodNotSupported(`the server does not allow this method on the requested resource`);
  }
}

async function route(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const q = url.searchParams;
  let seg: string[];
  try {
    seg = url.pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  } catch {
    throw pageNotFound();
  }
  const reg = ctx.store.registry;
  const accept = req.headers.accept;
  const p = url.pathname.replace(/\/+$/, '') || '/';

  if (p === '/version') return json(res, versionInfo());
  if (p === '/healthz' || p === '/readyz' || p === '/livez') return send(res, 200, 'ok', 'text/plain');
  if (p === '/api' || p === '/apis') {
    const fmt = aggregatedFormat(accept);
    if (fmt) return json(res, aggregatedDiscovery(reg, p === '/api', fmt), 200, fmt === 'v2' ? AGGREGATED_V2 : AGGREGATED_V2BETA1);
    return json(res, p === '/api' ? legacyApiVersions() : legacyGroupList(reg));
  }
  if (p === '/openapi/v2') throw pageNotFound();
  if (p === '/openapi/v3') return json(res, openapiRoot(reg));
  if (seg[0] === 'openapi' && seg[1] === 'v3') {
    const doc = seg[2] === 'api' && seg.length === 4 ? openapiGroupVersion(reg, '', seg[3]) : seg[2] === 'apis' && seg.length === 5 ? openapiGroupVersion(reg, seg[3], seg[4]) : undefined;
    if (!doc) throw pageNotFound();
    return json(res, doc);
  }

  let group: string;
  let version: string;
  let rest: string[];
  if (seg[0] === 'api' && seg.length >= 2) {
    group = '';
    version = seg[1];
    rest = seg.slice(2);
  } else if (seg[0] === 'apis' && seg.length >= 3) {
    group = seg[1];
    version = seg[2];
    rest = seg.slice(3);
  } else if (seg[0] === 'apis' && seg.length === 2) {
    const g = legacyGroup(reg, seg[1]);
    if (!g) throw pageNotFound();
    return json(res, g);
  } else throw pageNotFound();

  if (rest.length === 0) {
    const list = resourceList(reg, group, version);
    if (!list) throw pageNotFound();
    return json(res, list);
  }
  const r = resourcePath(ctx, group, version, rest);
  if (!r) throw pageNotFound();
  const a = await serveResource(ctx, req, res, r, q);
  if (a) send(res, a.code, a.body, 'application/json', a.warnings);
}

export function createEmulatorServer(ctx: Context, log: (line: string) => void): Server {
  const server = createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => {
      const se = asStatusError(err);
      if (se.code >= 500) log(`emulator: ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      send(res, se.code, JSON.stringify(se.toStatus()));
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
