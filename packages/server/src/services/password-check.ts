import { PASSWORD_POLICY_BOUNDS, type PasswordPolicy, type ValidationIssue } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import { DEFAULT_PASSWORD_POLICY, passwordIssues } from '../domain/password-rules.js';
import { AppError } from '../errors/app-error.js';
import { passwordPolicyMessage } from '../messaging/password-messages.js';
import {
  findPasswordPolicy,
  pushPasswordHistory,
  recentPasswordHashes,
} from '../repositories/password-policy-repository.js';
import { verifyPassword } from './passwords.js';

/** The commission's policy: the stored one, else the level-3 defaults (version 0). */
export async function policyFor(db: Executor, tenantId: string): Promise<PasswordPolicy> {
  const row = await findPasswordPolicy(db, tenantId);
  if (!row) return { ...DEFAULT_PASSWORD_POLICY, version: 0, updatedAt: null };
  return {
    minLength: row.min_length,
    minClasses: row.min_classes,
    history: row.history,
    expiryDays: row.expiry_days,
    forceChangeAfterReset: row.force_change_after_reset,
    idleMinutes: row.idle_minutes,
    absoluteHours: row.absolute_hours,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function refuse(issues: ValidationIssue[], field: string): never {
  throw new AppError('validation_failed', passwordPolicyMessage(issues), { field, details: issues });
}

/**
 * Every path that sets a password calls this first (own change, reset, user add, commission add): the
 * policy's length and classes, and for an existing user none of the last `history` passwords, the
 * current one included. Refuses with `validation_failed`, each issue naming its rule and limit.
 */
export async function assertNewPassword(
  db: Executor,
  tenantId: string,
  password: string,
  field: string,
  existing?: { id: string; password_hash: string },
): Promise<PasswordPolicy> {
  const policy = await policyFor(db, tenantId);
  const issues = passwordIssues(password, policy, field);
  if (issues.length > 0) refuse(issues, field);
  if (existing) {
    const earlier = [
      existing.password_hash,
      ...(await recentPasswordHashes(db, tenantId, existing.id, policy.history - 1)),
    ];
    const reused = await Promise.all(earlier.map((hash) => verifyPassword(hash, password)));
    if (reused.includes(true)) refuse([{ field, rule: 'password_reused', limit: policy.history }], field);
  }
  return policy;
}

/** Keeps the password being replaced, so the next change can be checked against it. */
export async function rememberReplacedPassword(
  db: Executor,
  tenantId: string,
  user: { id: string; password_hash: string },
  at: Date,
): Promise<void> {
  // The current hash sits in users; the history keeps as many as the policy could ever ask for, so raising
  // the policy's history later takes effect at once.
  await pushPasswordHistory(
    db,
    tenantId,
    user.id,
    user.password_hash,
    at,
    PASSWORD_POLICY_BOUNDS.history.max,
  );
}
