import type { PasswordPolicyFields, ValidationIssue } from '@yaodian/core';

/**
 * 等保2.0 level-3 defaults, used by every commission until its security administrator sets its own:
 * 10 characters of at least 3 of the 4 classes, none of the last 5 passwords, a 90-day expiry, a change
 * forced after a reset, sessions ending after 30 idle minutes or 12 hours.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicyFields = {
  minLength: 10,
  minClasses: 3,
  history: 5,
  expiryDays: 90,
  forceChangeAfterReset: true,
  idleMinutes: 30,
  absoluteHours: 12,
};

const CLASSES: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}\s]/u];

/** How many of lower case, upper case, digits and symbols the password uses (CJK letters count as none). */
export function characterClasses(password: string): number {
  return CLASSES.filter((re) => re.test(password)).length;
}

/** What the password lacks under the policy (length in code points, classes); empty when it complies. */
export function passwordIssues(
  password: string,
  policy: Pick<PasswordPolicyFields, 'minLength' | 'minClasses'>,
  field: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (Array.from(password).length < policy.minLength)
    issues.push({ field, rule: 'too_short', limit: policy.minLength });
  if (characterClasses(password) < policy.minClasses)
    issues.push({ field, rule: 'password_classes', limit: policy.minClasses });
  return issues;
}

/** Whether a password set at `changedAt` has outlived the policy's expiry at `now`. */
export function passwordExpired(changedAt: Date, now: Date, expiryDays: number): boolean {
  return now.getTime() - changedAt.getTime() >= expiryDays * 86_400_000;
}
