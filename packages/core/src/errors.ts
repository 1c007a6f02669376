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
  /** 三员分立: an administrator's own role, or another administrator's account, is out of reach. */
  duty_separation: 403,
  /**
   * The password was reset by the security administrator or has expired: until it is changed, only changing
   * it, reading oneself and signing out are answered (`details.reason`: 'reset' or 'expired').
   */
  password_change_required: 403,
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

/**
 * What is wrong with one input, in `details` of a `validation_failed` (or `payload_too_large`) error: the field's
 * path, the rule it broke and the rule's limit (characters for text, the number for numbers, bytes for files),
 * so a client can say it in its own language ("标题不超过 500 字").
 */
export const VALIDATION_RULES = [
  'required',
  'too_long',
  'too_short',
  'too_big',
  'too_small',
  'too_many',
  'not_integer',
  'invalid',
  'empty_file',
  'file_too_large',
  'inflated_too_large',
  'too_many_characters',
  'too_many_items',
  'parse_timeout',
  'parse_memory',
  'evidence_required',
  /** A new password needs at least `limit` of the four character classes (lower, upper, digit, symbol). */
  'password_classes',
  /** A new password may not be any of the last `limit` passwords (the current one included). */
  'password_reused',
] as const;
export type ValidationRule = (typeof VALIDATION_RULES)[number];

export interface ValidationIssue {
  field: string;
  rule: ValidationRule;
  limit?: number;
}

function isValidationIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.field === 'string' &&
    typeof v.rule === 'string' &&
    (VALIDATION_RULES as readonly string[]).includes(v.rule) &&
    (v.limit === undefined || typeof v.limit === 'number')
  );
}

/** The issues an error body's `details` carries (none when it carries something else). */
export function validationIssuesOf(details: unknown): ValidationIssue[] {
  return Array.isArray(details) ? details.filter(isValidationIssue) : [];
}
