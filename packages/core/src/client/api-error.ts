import { ERROR_CODES, type ErrorCode } from '../errors.js';

/** What the client adds to the server's codes: no answer at all, or an answer outside the contract. */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

/** A failed API call, carrying the server's stable machine code so a caller can say what went wrong. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  /** What the server added to the code: the issues of a validation failure, an existing record's id, a sign-in lock's `retryAfterSeconds`, … */
  readonly details: unknown;

  constructor(status: number, code: ApiErrorCode, message: string, field?: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }

  /** The session is gone: sign in again. A wrong password is a 401 too, but not a lost session. */
  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code !== 'invalid_credentials';
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Reads `{ error: { code, message, field } }`; anything else becomes a code from the status alone. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = body.error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, field, details } = error as {
        code?: unknown;
        message?: unknown;
        field?: unknown;
        details?: unknown;
      };
      if (isErrorCode(code)) {
        return new ApiError(
          status,
          code,
          typeof message === 'string' ? message : code,
          typeof field === 'string' ? field : undefined,
          details,
        );
      }
    }
  }
  return new ApiError(status, codeForStatus(status), `HTTP ${status}`);
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'state_conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'validation_failed';
  return 'internal';
}
