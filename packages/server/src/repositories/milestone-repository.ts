import type { Executor } from '../db/database.js';
import type { MilestoneRow } from '../db/schema.js';

/** A task's milestones in order. */
export function listTaskMilestones(db: Executor, tenantId: string, itemId: string): Promise<MilestoneRow[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
}

/** Every milestone of a plan, by task and order. */
export function listPlanMilestones(db: Executor, tenantId: string, planId: string): Promise<MilestoneRow[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('item_id')
    .orderBy('position')
    .execute();
}

export function findMilestone(db: Executor, tenantId: string, id: string): Promise<MilestoneRow | undefined> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface MilestoneDraft {
  id?: string | undefined;
  name: string;
  plannedOn: string;
  note: string;
}

/**
 * Replaces a task's list: kept ids are updated in place (their actual dates stay), new ones inserted,
 * the rest deleted; positions follow the list. Returns the list as stored.
 */
export async function replaceTaskMilestones(
  db: Executor,
  tenantId: string,
  planId: string,
  itemId: string,
  drafts: readonly MilestoneDraft[],
  now: Date,
): Promise<MilestoneRow[]> {
  const kept = drafts.flatMap((d) => (d.id ? [d.id] : []));
  let remove = db.deleteFrom('milestones').where('tenant_id', '=', tenantId).where('item_id', '=', itemId);
  if (kept.length > 0) remove = remove.where('id', 'not in', kept);
  await remove.execute();
  for (const [position, d] of drafts.entries()) {
    if (d.id) {
      await db
        .updateTable('milestones')
        .set((eb) => ({
          position,
          name: d.name,
          planned_on: d.plannedOn,
          note: d.note,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('tenant_id', '=', tenantId)
        .where('item_id', '=', itemId)
        .where('id', '=', d.id)
        .execute();
    } else {
      await db
        .insertInto('milestones')
        .values({
          tenant_id: tenantId,
          plan_id: planId,
          item_id: itemId,
          position,
          name: d.name,
          planned_on: d.plannedOn,
          note: d.note,
          recorded_by: null,
          confirmed_at: null,
          confirmed_by: null,
          actual_on: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
  return listTaskMilestones(db, tenantId, itemId);
}

export interface MilestoneActual {
  actualOn: string | null;
  note?: string | undefined;
  /** Who recorded it; with `confirmedBy`, a reviewer who settled it at once. */
  recordedBy: string;
  confirmedBy: string | null;
}

/** Sets a milestone's actual date at the version read; undefined when the version moved. */
export function setMilestoneActual(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  actual: MilestoneActual,
  now: Date,
): Promise<MilestoneRow | undefined> {
  return db
    .updateTable('milestones')
    .set((eb) => ({
      actual_on: actual.actualOn,
      ...(actual.note === undefined ? {} : { note: actual.note }),
      recorded_by: actual.recordedBy,
      confirmed_by: actual.actualOn === null ? null : actual.confirmedBy,
      confirmed_at: actual.actualOn === null || actual.confirmedBy === null ? null : now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The units that report on a task (its lead units), as the plan-wide recompute placed it; [] before publishing. */
export async function taskReportingUnits(db: Executor, tenantId: string, itemId: string): Promise<string[]> {
  const row = await db
    .selectFrom('task_status')
    .select('reporting_unit_ids')
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row?.reporting_unit_ids ?? [];
}
