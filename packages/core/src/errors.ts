/** Stable machine codes in every error body, with the HTTP status each one travels with. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_document: 400,
  tenant_required: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  state_conflict: 409,
  duplicate: 409,
  /** Publishing found unsettled items; `details.findings` lists those not waived. */
  publish_findings: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** Sign-in refused for a while after too many attempts; `details.retryAfterSeconds` says how long. */
  account_locked: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The body of every non-2xx response. `field` names the offending input where there is one. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}
