import { validationIssuesOf, type ValidationIssue } from '@yaodian/core';
import type { Translate } from '../i18n/i18n.js';
import { zhCN, type MessageKey } from '../i18n/zh-CN.js';
import { ApiError } from './api-error.js';

function known(key: string): key is MessageKey {
  return key in zhCN;
}

function messageKey(code: string): MessageKey | null {
  const key = `error.${code}`;
  return known(key) ? key : null;
}

/** "10 MB", "64 KB": a byte limit as people say it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${String(Math.round(bytes / 1024))} KB`;
  return `${String(bytes)} B`;
}

/** The field's name in the user's language: the last named part of its path (`actuals.0.value` → 数值). */
export function fieldLabel(path: string, t: Translate): string {
  const name =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? path;
  const key = `field.${name}`;
  return known(key) ? t(key) : name;
}

/** One issue the server reported, in the catalogue's words: what is wrong and the limit ("标题不超过 500 字"). */
export function issueMessage(issue: ValidationIssue, t: Translate): string {
  const limit =
    issue.limit === undefined
      ? ''
      : issue.rule === 'file_too_large' || issue.rule === 'inflated_too_large'
        ? formatBytes(issue.limit)
        : issue.rule === 'parse_timeout'
          ? Math.round(issue.limit / 100) / 10
          : issue.limit;
  return t(`validation.${issue.rule}`, { field: fieldLabel(issue.field, t), limit });
}

/**
 * What to tell the user about a failed call: the server's issues in the catalogue's words where it sent them,
 * else the message for its stable code (plus the field's name when the server named one).
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.internal');
  const issues = validationIssuesOf(error.details);
  if (issues.length > 0) return issues.map((issue) => issueMessage(issue, t)).join(t('error.issueSep'));
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
  // Changing one's own password: the wrong password is the current one, not a sign-in's.
  if (error.code === 'invalid_credentials' && error.field === 'currentPassword')
    return t('password.currentWrong');
  const text = t(key);
  return error.field && error.code === 'validation_failed'
    ? text + t('error.field', { field: fieldLabel(error.field, t) })
    : text;
}
