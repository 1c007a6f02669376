import { limitMessage, type ParseLimitName } from './limits.js';

export const PARSE_ERROR_CODES = [
  'unsupported_format',
  'too_large',
  'corrupt_container',
  'unsafe_container',
  'encrypted_document',
  'empty_document',
  'invalid_options',
  'limit_exceeded',
  'internal_error',
] as const;

export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** The only error `parsePlan` rejects with; `code` is stable, `message` is for people. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;
  /** With `limit_exceeded`: which limit stopped the reading, and its value. */
  readonly limit: { name: ParseLimitName; value: number } | undefined;

  constructor(
    code: ParseErrorCode,
    message: string,
    options?: { cause?: unknown; limit?: { name: ParseLimitName; value: number } },
  ) {
    super(message, options);
    this.code = code;
    this.limit = options?.limit;
  }
}

export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError;
}

/** The error a limit raises: code `limit_exceeded`, a Chinese message naming the limit and its value. */
export function limitExceeded(name: ParseLimitName, value: number): ParseError {
  return new ParseError('limit_exceeded', limitMessage(name, value), { limit: { name, value } });
}
