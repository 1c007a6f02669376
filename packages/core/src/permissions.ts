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
  'plan.bulletin',
  'task.read',
  'report.read',
  'report.write',
  'report.review',
  'comment.write',
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'user.role',
  'user.credentials',
  'user.unlock',
  'security.policy',
  'audit.read',
  'system.clock',
  'calendar.manage',
  'supervision.read',
  'supervision.issue',
  'supervision.respond',
  'instruction.write',
  'assessment.evaluate',
  'tenant.read',
  'tenant.manage',
  'cascade.read',
  'cascade.manage',
  'token.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

/** The roles of the plan's work (and the system administrator, who sets the plan's office up). */
const everyone: readonly Role[] = ['admin', 'leader', 'planner', 'reporter', 'viewer'];

/** Role × action. Unit scope (a reporter writes only for their own units) is checked on top of this. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'plan.read': everyone,
  'plan.import': ['admin', 'planner'],
  'plan.edit': ['admin', 'planner'],
  'plan.publish': ['admin', 'planner'],
  'plan.export': everyone,
  /** Issuing a 通报 (an official document of the commission) is the planning office's and the leaders' act. */
  'plan.bulletin': ['admin', 'leader', 'planner'],
  'task.read': everyone,
  'report.read': everyone,
  'report.write': ['reporter'],
  'report.review': ['admin', 'planner'],
  'comment.write': ['admin', 'leader', 'planner', 'reporter'],
  // Units are reference data every signed-in role reads (the accounts screens name them).
  'unit.read': [...everyone, 'secadmin', 'auditor', 'operator'],
  'unit.manage': ['admin'],
  // 三员分立: the system administrator creates accounts and sets units; the security administrator assigns
  // roles, resets credentials, disables and unlocks, and sets the password policy; the audit administrator
  // only reads the log. Neither of the first two reads the log, the auditor changes nothing.
  'user.read': ['admin', 'secadmin'],
  'user.manage': ['admin'],
  'user.role': ['secadmin'],
  'user.credentials': ['secadmin'],
  'user.unlock': ['secadmin'],
  'security.policy': ['secadmin'],
  'audit.read': ['auditor'],
  /** Moving a demo's clock forward (demo and test mode only). */
  'system.clock': ['admin'],
  /** The commission's corrections to the national working-day calendar (its own 调休, local holidays). */
  'calendar.manage': ['admin'],
  // 督办: everyone in the plan's work reads notices (a reporter only its own units'); the planning office
  // issues, closes and escalates them; the unit's reporter signs and responds.
  'supervision.read': everyone,
  'supervision.issue': ['admin', 'planner'],
  'supervision.respond': ['reporter'],
  /** 批示: a commission leader's one-line instruction on a task. */
  'instruction.write': ['leader'],
  /** A leader's evaluation of a unit in the annual assessment (领导评价). */
  'assessment.evaluate': ['leader'],
  // The commission tree (issue 10): the platform operator creates and disables the commissions below its own;
  // a commission's system administrator reads its direct children (to link a county bureau unit to one).
  'tenant.read': ['operator', 'admin'],
  'tenant.manage': ['operator'],
  // The city-to-county cascade: everyone of the plan's work reads what was pushed down and how it adds up;
  // the plan's editors push tasks, split targets into quotas and accept the city's changes.
  'cascade.read': everyone,
  'cascade.manage': ['admin', 'planner'],
  /** API tokens for other systems (a 全民健康信息平台): the system administrator creates and revokes them. */
  'token.manage': ['admin'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}
