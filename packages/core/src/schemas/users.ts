import { z } from 'zod';
import { ROLES } from '../roles.js';
import { Id } from './common.js';

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(Id),
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
