import type { Role } from '@yaodian/core';

/** The signed-in user a request acts as; every service call carries one. */
export interface Actor {
  tenantId: string;
  userId: string;
  role: Role;
  unitIds: readonly string[];
}
