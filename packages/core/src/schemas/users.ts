import { z } from 'zod';
import { ROLES } from '../roles.js';
import { Id } from './common.js';

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(Id),
  active: z.boolean(),
  version: z.int(),
  /** Sign-in is locked after failed attempts until then (an administrator with user.unlock can lift it). */
  lockedUntil: z.string().nullable().optional(),
});

export const UserList = z.object({ users: z.array(User) });

export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{2,64}$/),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  /** Checked against the commission's password policy by the server. */
  password: z.string().min(1).max(256),
  unitIds: z.array(Id).max(50).default([]),
});

/** The system administrator's edit; the role and whether the user may sign in are the security administrator's. */
export const UpdateUserRequest = z.strictObject({
  version: z.int().min(1),
  displayName: z.string().trim().min(1).max(100).optional(),
  unitIds: z.array(Id).max(50).optional(),
});

/** The security administrator assigns a role of the plan's work (the three administrators' roles are set up by the CLI). */
export const SetUserRoleRequest = z.object({ version: z.int().min(1), role: z.enum(ROLES) });

/** False signs the user out everywhere and refuses new sign-ins. */
export const SetUserActiveRequest = z.object({ version: z.int().min(1), active: z.boolean() });

/** An admin sets a new password for a user who forgot theirs; the user's sessions end. */
export const ResetPasswordRequest = z.object({ newPassword: z.string().min(1).max(256) });
