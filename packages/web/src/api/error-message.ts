import type { Translate } from '../i18n/i18n.js';
import { zhCN, type MessageKey } from '../i18n/zh-CN.js';
import { ApiError } from './api-error.js';

function messageKey(code: string): MessageKey | null {
  const key = `error.${code}`;
  return key in zhCN ? (key as MessageKey) : null;
}

/** What to tell the user about a failed call: the message for its stable code, plus the field when the server named one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.internal');
  // A code newer than this build still gets a sensible message, chosen by its HTTP status.
  const key =
    messageKey(error.code) ??
    (error.status >= 500
      ? 'error.internal'
      : error.status === 403
        ? 'error.forbidden'
        : 'error.validation_failed');
  if (error.code === 'account_locked') {
    const details = error.details as { retryAfterSeconds?: unknown } | undefined;
    const seconds = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 900;
    return t('error.account_locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  const text = t(key);
  return error.field && error.code === 'validation_failed'
    ? text + t('error.field', { field: error.field })
    : text;
}
