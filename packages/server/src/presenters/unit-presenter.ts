import type { Unit } from '@yaodian/core';
import type { OrgUnitRow } from '../db/schema.js';

/** The fields a unit shows: id, name, kind and its aliases (the names plans may print for it). */
export function presentUnit(u: Pick<OrgUnitRow, 'id' | 'name' | 'kind'>, aliases: readonly string[]): Unit {
  return { id: u.id, name: u.name, kind: u.kind, aliases: [...aliases] };
}
