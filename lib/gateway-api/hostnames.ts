/**
 * Hostname intersection between a listener and a route (spec digest §2.4). A wildcard `*.x` must be the
 * first label and covers one or more labels: `*.example.com` covers `a.b.example.com` but not `example.com`.
 */

export function isWildcardHostname(h: string): boolean {
  return h.startsWith('*.');
}

/** Does the wildcard `*.suffix` cover `name` (exact or a longer wildcard)? */
function wildcardCovers(wildcard: string, name: string): boolean {
  const suffix = wildcard.slice(1); // ".example.com"
  return name.length > suffix.length && name.toLowerCase().endsWith(suffix.toLowerCase());
}

/**
 * The intersection of a listener hostname and a route hostname, or null when they do not intersect.
 * Undefined on either side means "any".
 */
export function intersectHostnames(listener: string | undefined, route: string | undefined): string | undefined | null {
  if (!listener) return route;
  if (!route) return listener;
  const lw = isWildcardHostname(listener);
  const rw = isWildcardHostname(route);
  if (!lw && !rw) return listener.toLowerCase() === route.toLowerCase() ? route : null;
  if (lw && !rw) return wildcardCovers(listener, route) ? route : null;
  if (!lw && rw) return wildcardCovers(route, listener) ? listener : null;
  // Both wildcards: the longer must end with the shorter's suffix; the result is the longer one.
  const [longer, shorter] = listener.length >= route.length ? [listener, route] : [route, listener];
  return longer.toLowerCase().endsWith(shorter.slice(1).toLowerCase()) ? longer : null;
}

/** The route hostnames that intersect the listener (all of the listener's when the route has none). */
export function matchingHostnames(listener: string | undefined, routeHostnames: readonly string[] | undefined): string[] {
  if (!routeHostnames || routeHostnames.length === 0) return listener ? [listener] : ['*'];
  const out: string[] = [];
  for (const r of routeHostnames) {
    const i = intersectHostnames(listener, r);
    if (i !== null) out.push(i ?? '*');
  }
  return out;
}

/** True when the route may attach to the listener as far as hostnames go. */
export function hostnamesIntersect(listener: string | undefined, routeHostnames: readonly string[] | undefined): boolean {
  return matchingHostnames(listener, routeHostnames).length > 0;
}
