import type { Tenant } from '@yaodian/core';
import type { TenantRow } from '../repositories/tenant-repository.js';

/** The fields a commission shows: id, code, name, level, parent and whether it is active (not the demo flag). */
export function presentTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    active: row.active,
  };
}
