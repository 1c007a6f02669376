/** Who a user is in their commission; one role per user. */
export const ROLES = ['admin', 'leader', 'planner', 'reporter', 'viewer'] as const;

export type Role = (typeof ROLES)[number];
