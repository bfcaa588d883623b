/** Kubernetes `Status` bodies and the error type every emulator layer throws. */

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** An API error that becomes a Kubernetes Status body with the matching HTTP code. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus(): StatusBody {
    const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason, code: this.code };
    if (this.details) body.details = this.details;
    return body;
  }
}

/** "httproutes.gateway.networking.k8s.io" or "services" for the core group. */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export function notFound(plural: string, group: string, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, { name, group, kind: plural });
}

export function alreadyExists(plural: string, group: string, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${qualifiedResource(plural, group)} "${name}" already exists`, { name, group, kind: plural });
}

export function conflict(plural: string, group: string, name: string, why: string): StatusError {
  return new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": ${why}`, { name, group, kind: plural });
}

export function staleConflict(plural: string, group: string, name: string): StatusError {
  return conflict(plural, group, name, 'the object has been modified; please apply your changes to the latest version and try again');
}

/** 422 Invalid, formatted like apimachinery's NewInvalid. `kind` is e.g. "HTTPRoute.gateway.networking.k8s.io". */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): StatusError {
  const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const shortKind = kind.split('.')[0];
  return new StatusError(422, 'Invalid', `${kind} "${name}" is invalid: ${joined}`, { name, group, kind: shortKind, causes });
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}

export function methodNotSupported(message: string): StatusError {
  return new StatusError(405, 'MethodNotAllowed', message);
}

export function forbidden(verb: string, plural: string, group: string, name: string | undefined, namespace: string | undefined): StatusError {
  const what = qualifiedResource(plural, group);
  const where = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
  const subject = name ? `${what} "${name}"` : `${what}`;
  return new StatusError(403, 'Forbidden', `${subject} is forbidden: User "gatewatch-demo" cannot ${verb} resource "${plural}" in API group "${group}"${where}`, { name, group, kind: plural });
}

export function gone(message: string): StatusError {
  return new StatusError(410, 'Expired', message);
}

export function pageNotFound(): StatusError {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource');
}

export function asStatusError(err: unknown): StatusError {
  if (err instanceof StatusError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StatusError(500, 'InternalError', `Internal error occurred: ${message}`);
}
