import type { Me } from '@yaodian/core';
import type { UserRow } from '../db/schema.js';

/** The fields a user record shows; the password hash and version never leave. */
export function presentUser(user: UserRow, unitIds: readonly string[]) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    unitIds: [...unitIds],
    active: user.active,
    version: user.version,
  };
}

export function presentMe(
  user: UserRow,
  units: readonly { id: string; name: string }[],
  tenantName: string,
  passwordChange: Me['passwordChange'],
  passwordRules: Me['passwordRules'],
): Me {
  return {
    id: user.id,
    tenantId: user.tenant_id,
    tenantName,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    unitIds: units.map((u) => u.id),
    unitNames: units.map((u) => u.name),
    passwordChange,
    passwordRules,
  };
}
