import { z } from 'zod';
import { ROLES } from '../roles.js';
import { Id } from './common.js';

export const LoginRequest = z.object({
  /** A tenant's code; needed only when the same user name exists in more than one tenant. */
  tenant: z.string().min(1).max(64).optional(),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const Me = z.object({
  id: Id,
  tenantId: Id,
  tenantName: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(Id),
  /** The names of `unitIds`, in the same order. */
  unitNames: z.array(z.string()),
  /**
   * Set when the password must be changed before anything else: 'reset' after the security administrator set
   * it, 'expired' when older than the commission's password policy allows.
   */
  passwordChange: z.enum(['reset', 'expired']).nullable(),
  /** What a new password needs under the commission's policy (the change-password screen says it). */
  passwordRules: z.object({ minLength: z.int(), minClasses: z.int(), history: z.int() }),
});

export const LoginResponse = z.object({ user: Me, csrfToken: z.string() });

/** The session's CSRF token again, for a new tab of a signed-in browser. */
export const CsrfResponse = z.object({ csrfToken: z.string() });

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  // Length, classes and reuse are the commission's password policy, checked by the server.
  newPassword: z.string().min(1).max(256),
});

export type LoginRequest = z.infer<typeof LoginRequest>;
export type Me = z.infer<typeof Me>;
