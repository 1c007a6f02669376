/** Who a user is in their commission; one role per user. */
export const ROLES = [
  'admin',
  'secadmin',
  'auditor',
  'leader',
  'planner',
  'reporter',
  'viewer',
  'operator',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * 三员分立 (等保2.0 三级 · 访问控制): the system administrator (`admin`: users, units, settings), the security
 * administrator (`secadmin`: roles, credentials, locks, password policy) and the audit administrator
 * (`auditor`: reads the audit log only). Their accounts are set up by the command line, never granted through
 * the API, and none of them may act on another's account.
 *
 * The platform operator (`operator`, 平台运维) belongs to the root commission of a hierarchy (national →
 * province → city → county) and creates and disables the commissions below it; it is set up by the command
 * line like the three administrators and reads no plan, report or account of any commission.
 */
export const ADMIN_ROLES: readonly Role[] = ['admin', 'secadmin', 'auditor', 'operator'];

/** The roles of the plan's work, which the security administrator assigns. */
export const BUSINESS_ROLES: readonly Role[] = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}
