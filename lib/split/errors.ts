/**
 * The one error type of lib/split: a machine-readable code, the HTTP status the API answers with,
 * and a message in plain words that names the object and the cause.
 */
export type SplitErrorCode =
  | 'bad_request'
  | 'invalid'
  | 'confirm_all_zero'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'read_only'
  | 'cross_origin'
  | 'csrf'
  | 'too_large'
  | 'unsupported_media_type'
  | 'unavailable';

const STATUS: Record<SplitErrorCode, number> = {
  bad_request: 400,
  invalid: 422,
  confirm_all_zero: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  read_only: 403,
  cross_origin: 403,
  csrf: 403,
  too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
};

export class SplitError extends Error {
  readonly code: SplitErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: SplitErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'SplitError';
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }

  /** The `{error, message, details?}` body of lib/wire ApiError. */
  toJSON(): { error: string; message: string; details?: unknown } {
    return this.details === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, details: this.details };
  }
}
