import type { Unit } from '@yaodian/core';
import type { OrgUnitRow } from '../db/schema.js';

/**
 * The fields a unit shows: id, name, kind, its aliases (the names plans may print for it) and the child
 * commission it stands for (a county bureau linked to its county's tenant), else null.
 */
export function presentUnit(
  u: Pick<OrgUnitRow, 'id' | 'name' | 'kind' | 'linked_tenant_id'>,
  aliases: readonly string[],
): Unit {
  return { id: u.id, name: u.name, kind: u.kind, aliases: [...aliases], linkedTenantId: u.linked_tenant_id };
}
