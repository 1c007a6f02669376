export const PARSE_ERROR_CODES = [
  'unsupported_format',
  'too_large',
  'corrupt_container',
  'unsafe_container',
  'encrypted_document',
  'empty_document',
  'invalid_options',
  'internal_error',
] as const;

export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** The only error `parsePlan` rejects with; `code` is stable, `message` is for people. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError;
}
