export { parsePlan, DEFAULT_MAX_BYTES } from './parse-plan.js';
export type { ParsePlanOptions } from './parse-plan.js';
export { ParseError, isParseError, limitExceeded, PARSE_ERROR_CODES } from './errors.js';
export { DEFAULT_PARSE_LIMITS } from './limits.js';
export type { ParseLimits, ParseLimitName } from './limits.js';
export type { ParseErrorCode } from './errors.js';
export * from './plan.js';
export { findResponsibility } from './units/responsibility.js';
export type { Responsibility } from './units/responsibility.js';
