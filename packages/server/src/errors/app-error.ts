import { ERROR_STATUS, type ErrorCode } from '@yaodian/core';
import { COMMON_ERRORS, type ResourceName } from '../messaging/error-messages.js';

/** The one error type services throw; its code is stable, its message safe to show. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: unknown } = {}) {
    super(message);
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: ResourceName): AppError =>
  new AppError('not_found', COMMON_ERRORS.notFound(what));
export const forbidden = (message: string = COMMON_ERRORS.forbidden): AppError =>
  new AppError('forbidden', message);
export const versionConflict = (what: ResourceName): AppError =>
  new AppError('version_conflict', COMMON_ERRORS.versionConflict(what));
export const stateConflict = (message: string): AppError => new AppError('state_conflict', message);
