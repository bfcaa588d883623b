/**
 * Short human text for a rule's matches and filters, as drawn on rule rows:
 * `PathPrefix /app1`, `GET /api`, `grpc svc/Method`, `rewrite /`, `redirect 301 https://…`, `*`.
 */
import type { GRPCRouteMatch, HTTPHeaderMatch, HTTPRouteMatch, RouteFilter, RouteRule } from '../gateway-api/types';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function matchTexts(routeKind: string, rule: RouteRule): string[] {
  const matches = Array.isArray(rule.matches) ? rule.matches : [];
  if (matches.length === 0) return ['*'];
  return matches.map((m) => (routeKind === 'GRPCRoute' ? grpcMatchText(m as GRPCRouteMatch) : httpMatchText(m as HTTPRouteMatch)));
}

function headerText(prefix: string, h: HTTPHeaderMatch): string {
  return `${prefix} ${h.name}${h.type === 'RegularExpression' ? '~' : '='}${h.value}`;
}

function httpMatchText(m: HTTPRouteMatch): string {
  const parts: string[] = [];
  const p = m.path;
  const type = p?.type ?? 'PathPrefix';
  const value = p?.value ?? '/';
  if (m.method) parts.push(p ? (type === 'PathPrefix' ? `${m.method} ${value}` : `${m.method} ${type} ${value}`) : m.method);
  else if (p) parts.push(`${type} ${value}`);
  for (const h of m.headers ?? []) parts.push(headerText('header', h));
  for (const q of m.queryParams ?? []) parts.push(headerText('query', q));
  return parts.length ? parts.join(' ') : '*';
}

function grpcMatchText(m: GRPCRouteMatch): string {
  const parts: string[] = [];
  if (m.method) {
    const re = m.method.type === 'RegularExpression' ? '~' : '';
    parts.push(`grpc ${re}${m.method.service ?? '*'}/${m.method.method ?? '*'}`);
  }
  for (const h of m.headers ?? []) parts.push(headerText('header', h));
  return parts.length ? parts.join(' ') : '*';
}

export function filterTexts(rule: RouteRule): string[] {
  return (Array.isArray(rule.filters) ? rule.filters : []).map(filterText);
}

function headerModifierText(prefix: string, m: Obj): string {
  const names = (k: string) => (Array.isArray(m[k]) ? (m[k] as unknown[]) : []).map((h) => str(obj(h).name) ?? str(h) ?? '');
  const parts = [
    ...names('set').map((n) => `set ${n}`),
    ...names('add').map((n) => `add ${n}`),
    ...names('remove').map((n) => `remove ${n}`),
  ];
  return parts.length ? `${prefix} ${parts.join(', ')}` : prefix;
}

export function filterText(f: RouteFilter): string {
  switch (f.type) {
    case 'URLRewrite': {
      const r = obj(f.urlRewrite);
      const path = obj(r.path);
      const parts = ['rewrite'];
      if (str(r.hostname)) parts.push(`host ${str(r.hostname)}`);
      if (path.type === 'ReplaceFullPath') parts.push(`=${str(path.replaceFullPath) ?? ''}`);
      else if (path.type === 'ReplacePrefixMatch') parts.push(str(path.replacePrefixMatch) || '/');
      return parts.join(' ');
    }
    case 'RequestRedirect': {
      const r = obj(f.requestRedirect);
      const path = obj(r.path);
      const target =
        (str(r.scheme) ? `${str(r.scheme)}://` : '') +
        (str(r.hostname) ?? (str(r.scheme) ? '…' : '')) +
        (str(r.port) ? `:${str(r.port)}` : '') +
        (str(path.replaceFullPath) ?? str(path.replacePrefixMatch) ?? '');
      return `redirect ${str(r.statusCode) ?? '302'}${target ? ` ${target}` : ''}`;
    }
    case 'RequestHeaderModifier':
      return headerModifierText('request headers', obj(f.requestHeaderModifier));
    case 'ResponseHeaderModifier':
      return headerModifierText('response headers', obj(f.responseHeaderModifier));
    case 'RequestMirror': {
      const m = obj(f.requestMirror);
      const ref = obj(m.backendRef);
      const frac = obj(m.fraction);
      const pct = str(m.percent) ?? (frac.numerator !== undefined ? `${str(frac.numerator)}/${str(frac.denominator) ?? '100'}` : undefined);
      return `mirror ${str(ref.name) ?? '?'}${pct ? ` ${pct}${str(m.percent) ? '%' : ''}` : ''}`;
    }
    case 'ExtensionRef': {
      const e = obj(f.extensionRef);
      return `extension ${str(e.kind) ?? '?'}/${str(e.name) ?? '?'}`;
    }
    case 'CORS':
      return 'cors';
    case 'ExternalAuth':
      return 'external auth';
    default:
      return String(f.type ?? 'filter');
  }
}
