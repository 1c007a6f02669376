import type { Action, Role } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits, rolePermits } from './authorize.js';

/**
 * User accounts, under 三员分立: the system administrator creates accounts and edits names and units
 * (`user.manage`); the security administrator assigns roles (`user.role`), resets passwords and disables or
 * enables accounts (`user.credentials`) and lifts locks (`user.unlock`); both may list accounts (`user.read`).
 */
export type UserAction = 'read' | 'manage' | 'role' | 'credentials' | 'unlock';

const NEEDS: Readonly<Record<UserAction, Action>> = {
  read: 'user.read',
  manage: 'user.manage',
  role: 'user.role',
  credentials: 'user.credentials',
  unlock: 'user.unlock',
};

export function canUser(actor: Actor, action: UserAction): boolean {
  return permits(actor, NEEDS[action]);
}

export function authorizeUser(actor: Actor, action: UserAction): void {
  authorize(actor, NEEDS[action]);
}

/** A role whose permissions include writing reports needs a unit to report for. */
export function roleNeedsUnits(role: Role): boolean {
  return rolePermits(role, 'report.write');
}
