import type { MilestoneDto } from '@yaodian/core';
import type { MilestoneRow } from '../db/schema.js';
import { isMissed } from '../domain/milestones.js';

/**
 * A milestone as shown: id, task, position, name, planned and actual dates, whether the actual date is
 * confirmed, note, version, and `missed` by the domain rule on `today` (China date). Who recorded or
 * confirmed it stays in the audit log.
 */
export function presentMilestone(row: MilestoneRow, today: string): MilestoneDto {
  const confirmed = row.confirmed_at !== null;
  return {
    id: row.id,
    itemId: row.item_id,
    position: row.position,
    name: row.name,
    plannedOn: row.planned_on,
    actualOn: row.actual_on,
    confirmed,
    note: row.note,
    missed: isMissed(
      { name: row.name, plannedOn: row.planned_on, actualOn: confirmed ? row.actual_on : null },
      today,
    ),
    version: row.version,
  };
}
