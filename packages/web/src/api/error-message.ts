import type { Translate } from '../i18n/i18n.js';
import { ApiError } from './api-error.js';

/** What to tell the user about a failed call: the message for its stable code, plus the field when the server named one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.internal');
  const text = t(`error.${error.code}`);
  return error.field && error.code === 'validation_failed' ? text + t('error.field', { field: error.field }) : text;
}
