import { z } from 'zod';

/**
 * Bounds of the password policy a security administrator may set: never below 等保2.0 level 3 (at least
 * 8 characters of 3 classes, history, expiry, session limits), never so far above that nobody can comply.
 */
export const PASSWORD_POLICY_BOUNDS = {
  minLength: { min: 8, max: 64 },
  minClasses: { min: 3, max: 4 },
  history: { min: 1, max: 24 },
  expiryDays: { min: 7, max: 365 },
  idleMinutes: { min: 5, max: 120 },
  absoluteHours: { min: 1, max: 24 },
} as const;

const bounded = (b: { min: number; max: number }) => z.int().min(b.min).max(b.max);
const B = PASSWORD_POLICY_BOUNDS;

/** The commission's password and session policy (等保2.0 三级 · 身份鉴别), set by the security administrator. */
export const PasswordPolicyFields = z.object({
  /** Characters a new password needs at least. */
  minLength: bounded(B.minLength),
  /** Of the four classes (lower case, upper case, digits, symbols), how many a new password uses at least. */
  minClasses: bounded(B.minClasses),
  /** A new password may not be any of the last N (the current one included). */
  history: bounded(B.history),
  /** A password older than this must be changed at the next request. */
  expiryDays: bounded(B.expiryDays),
  /** A password set by the security administrator must be changed by its user before anything else. */
  forceChangeAfterReset: z.boolean(),
  /** A session unused this long ends. */
  idleMinutes: bounded(B.idleMinutes),
  /** A session ends this long after sign-in, used or not. */
  absoluteHours: bounded(B.absoluteHours),
});

export const PasswordPolicy = PasswordPolicyFields.extend({
  /** 0 while the commission uses the defaults (nothing stored yet). */
  version: z.int().min(0),
  updatedAt: z.string().nullable(),
});

export const UpdatePasswordPolicyRequest = PasswordPolicyFields.extend({ version: z.int().min(0) });

export type PasswordPolicyFields = z.infer<typeof PasswordPolicyFields>;
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;
export type UpdatePasswordPolicyRequest = z.infer<typeof UpdatePasswordPolicyRequest>;
