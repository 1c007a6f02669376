import type { Role } from './roles.js';

/**
 * Every action the API guards. A service names exactly one on its first line; the matrix test
 * walks every (role, endpoint) cell against this table.
 */
export const ACTIONS = [
  'plan.read',
  'plan.import',
  'plan.edit',
  'plan.publish',
  'plan.export',
  'task.read',
  'report.read',
  'report.write',
  'report.review',
  'comment.write',
  'unit.read',
  'unit.manage',
  'user.manage',
  'user.unlock',
  'audit.read',
  'system.clock',
] as const;

export type Action = (typeof ACTIONS)[number];

const everyone: readonly Role[] = ['admin', 'leader', 'planner', 'reporter', 'viewer'];

/** Role × action. Unit scope (a reporter writes only for their own units) is checked on top of this. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'plan.read': everyone,
  'plan.import': ['admin', 'planner'],
  'plan.edit': ['admin', 'planner'],
  'plan.publish': ['admin', 'planner'],
  'plan.export': everyone,
  'task.read': everyone,
  'report.read': everyone,
  'report.write': ['reporter'],
  'report.review': ['admin', 'planner'],
  'comment.write': ['admin', 'leader', 'planner', 'reporter'],
  'unit.read': everyone,
  'unit.manage': ['admin'],
  'user.manage': ['admin'],
  'user.unlock': ['admin'],
  'audit.read': ['admin'],
  /** Moving a demo's clock forward (demo and test mode only). */
  'system.clock': ['admin'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}
