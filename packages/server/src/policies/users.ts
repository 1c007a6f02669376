import type { Action, Role } from '@yaodian/core';
import { stateConflict } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { authorize, permits, rolePermits } from './authorize.js';

/** User accounts: created, changed and reset by `user.manage`; a locked account opened by `user.unlock`. */
export type UserAction = 'manage' | 'unlock';

const NEEDS: Readonly<Record<UserAction, Action>> = { manage: 'user.manage', unlock: 'user.unlock' };

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

/**
 * Nobody locks themselves out: an actor may not deactivate their own account or take a role that would lose
 * the permission to manage users (the commission would be left with no one to undo it).
 */
export function authorizeSelfChange(
  actor: Actor,
  userId: string,
  change: { active?: boolean; role?: Role },
): void {
  if (userId !== actor.userId) return;
  if (change.active === false || (change.role !== undefined && !rolePermits(change.role, NEEDS.manage)))
    throw stateConflict('You cannot deactivate yourself or give up your own admin role');
}
