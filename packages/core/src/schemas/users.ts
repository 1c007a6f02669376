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
  password: z.string().min(10).max(256),
  unitIds: z.array(Id).max(50).default([]),
});

export const UpdateUserRequest = z.object({
  version: z.int().min(1),
  displayName: z.string().trim().min(1).max(100).optional(),
  role: z.enum(ROLES).optional(),
  unitIds: z.array(Id).max(50).optional(),
  /** False signs the user out everywhere and refuses new sign-ins. */
  active: z.boolean().optional(),
});

/** An admin sets a new password for a user who forgot theirs; the user's sessions end. */
export const ResetPasswordRequest = z.object({ newPassword: z.string().min(10).max(256) });
