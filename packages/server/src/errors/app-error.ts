import { ERROR_STATUS, type ErrorCode } from '@yaodian/core';

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

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You may not do this'): AppError => new AppError('forbidden', message);
export const versionConflict = (what: string): AppError =>
  new AppError('version_conflict', `${what} was changed by someone else; reload and try again`);
export const stateConflict = (message: string): AppError => new AppError('state_conflict', message);
