import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { TaskStatusRow } from '../db/schema.js';

/** What a status computation yields for one task. */
export type StatusFields = Pick<
  TaskStatusRow,
  'item_id' | 'status' | 'reason_code' | 'reason' | 'percent' | 'computed_at'
>;

/** A task's place in its plan, stored by the plan-wide recompute for the task list (migration 0080). */
export type TaskPlace = Pick<
  TaskStatusRow,
  'position' | 'section_id' | 'lead_unit_ids' | 'support_unit_ids' | 'reporting_unit_ids'
>;

export function listTaskStatuses(db: Executor, tenantId: string, planId: string): Promise<TaskStatusRow[]> {
  return db
    .selectFrom('task_status')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .execute();
}

/**
 * Locks the stored status rows of `itemIds` (every task of the plan when null), in item order so two lockers
 * never deadlock, and returns them. A recompute reads its inputs only after this, so under READ COMMITTED it
 * sees whatever an earlier recompute of the same task committed: no plan-wide lock is needed. Locking given
 * tasks also raises their `change_count` (the write touched them: part of the summary's ETag), in that statement.
 */
export function lockTaskStatuses(
  db: Executor,
  tenantId: string,
  planId: string,
  itemIds: readonly string[] | null,
): Promise<TaskStatusRow[]> {
  if (!itemIds)
    return db
      .selectFrom('task_status')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('plan_id', '=', planId)
      .orderBy('item_id')
      .forUpdate()
      .execute();
  if (itemIds.length === 0) return Promise.resolve([]);
  // The locking read is a CTE (never flattened into the UPDATE), so the rows are found by their key: as an
  // IN-subquery it was planned as a join over the plan's every status row, ~1 s a write on a 1,000-task plan.
  return sql<TaskStatusRow>`
    with locked as (
      select item_id from task_status
      where tenant_id = ${tenantId} and plan_id = ${planId} and item_id = any(${[...itemIds]}::uuid[])
      order by item_id
      for update
    )
    update task_status t set change_count = t.change_count + 1
    from locked
    where t.tenant_id = ${tenantId} and t.plan_id = ${planId} and t.item_id = locked.item_id
    returning t.*`
    .execute(db)
    .then((r) => r.rows);
}

/** Inserts or updates the statuses given (not the tasks' places); leaves every other row of the plan alone. */
export async function upsertTaskStatuses(
  db: Executor,
  tenantId: string,
  planId: string,
  rows: readonly StatusFields[],
): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => a.item_id.localeCompare(b.item_id));
  await db
    .insertInto('task_status')
    .values(sorted.map((r) => ({ ...r, tenant_id: tenantId, plan_id: planId })))
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'plan_id', 'item_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        reason_code: eb.ref('excluded.reason_code'),
        reason: eb.ref('excluded.reason'),
        percent: eb.ref('excluded.percent'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute();
}

/** Rows of items that are no longer tasks (not in `taskIds`) go; `rows` (status and place) are inserted or updated. */
export async function replaceTaskStatuses(
  db: Executor,
  tenantId: string,
  planId: string,
  taskIds: readonly string[],
  rows: readonly (StatusFields & TaskPlace)[],
): Promise<void> {
  let stale = db.deleteFrom('task_status').where('tenant_id', '=', tenantId).where('plan_id', '=', planId);
  if (taskIds.length > 0) stale = stale.where('item_id', 'not in', [...taskIds]);
  await stale.execute();
  if (rows.length === 0) return;
  // Sorted, so concurrent writers take the row locks in one order.
  const sorted = [...rows].sort((a, b) => a.item_id.localeCompare(b.item_id));
  await db
    .insertInto('task_status')
    .values(sorted.map((r) => ({ ...r, tenant_id: tenantId, plan_id: planId })))
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'plan_id', 'item_id']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        reason_code: eb.ref('excluded.reason_code'),
        reason: eb.ref('excluded.reason'),
        percent: eb.ref('excluded.percent'),
        computed_at: eb.ref('excluded.computed_at'),
        position: eb.ref('excluded.position'),
        section_id: eb.ref('excluded.section_id'),
        lead_unit_ids: eb.ref('excluded.lead_unit_ids'),
        support_unit_ids: eb.ref('excluded.support_unit_ids'),
        reporting_unit_ids: eb.ref('excluded.reporting_unit_ids'),
      })),
    )
    .execute();
}
