import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AssignmentRole, ReportRow, TargetRow } from '../db/schema.js';

/**
 * What the status of a few tasks depends on, read by item id with a fixed number of indexed statements
 * whatever the plan's size. Used by the per-task recompute (services/task-status-recompute.ts).
 */

export interface TaskOwners {
  itemId: string;
  deadline: string | null;
  /** The task's own assignments, or its nearest assigned ancestor's. */
  assignments: { unitId: string; role: AssignmentRole }[];
}

export async function listTaskOwners(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<TaskOwners[]> {
  const { rows } = await sql<{
    item_id: string;
    deadline: string | null;
    unit_id: string | null;
    role: AssignmentRole | null;
  }>`
    with recursive up as (
      select i.id as task_id, i.id as item_id, i.parent_id, 0 as depth
      from items i where i.tenant_id = ${tenantId} and i.id = any(${[...itemIds]}::uuid[])
      union all
      select up.task_id, p.id, p.parent_id, up.depth + 1
      from up join items p on p.tenant_id = ${tenantId} and p.id = up.parent_id
    ), owner as (
      select distinct on (up.task_id) up.task_id, up.item_id
      from up
      where exists (select 1 from assignments a where a.tenant_id = ${tenantId} and a.item_id = up.item_id)
      order by up.task_id, up.depth
    )
    select t.id as item_id, t.deadline, a.unit_id, a.role
    from items t
    left join owner on owner.task_id = t.id
    left join assignments a on a.tenant_id = ${tenantId} and a.item_id = owner.item_id
    where t.tenant_id = ${tenantId} and t.id = any(${[...itemIds]}::uuid[])`.execute(db);
  const byItem = new Map<string, TaskOwners>();
  for (const r of rows) {
    const entry = byItem.get(r.item_id) ?? { itemId: r.item_id, deadline: r.deadline, assignments: [] };
    if (r.unit_id && r.role) entry.assignments.push({ unitId: r.unit_id, role: r.role });
    byItem.set(r.item_id, entry);
  }
  return [...byItem.values()];
}

export type TaskReport = Pick<ReportRow, 'item_id' | 'unit_id' | 'period_id' | 'state' | 'percent'> & {
  ends_on: string;
};

/** The tasks' reports with their period's end. */
export function listTaskReports(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<TaskReport[]> {
  return db
    .selectFrom('progress_reports as r')
    .innerJoin('reporting_periods as p', (join) =>
      join.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.period_id'),
    )
    .select(['r.item_id', 'r.unit_id', 'r.period_id', 'r.state', 'r.percent', 'p.ends_on'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.item_id', 'in', [...itemIds])
    .execute();
}

/** Periods of the plan due before `today` and on or after `since` (the publication date). */
export async function listClosedPeriodIds(
  db: Executor,
  tenantId: string,
  planId: string,
  since: string,
  today: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('reporting_periods')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('due_on', '<', today)
    .where('due_on', '>=', since)
    .execute();
  return rows.map((r) => r.id);
}

export type TaskTarget = TargetRow & { latest_actual: number | null };

/** The tasks' targets, each with the actual of its latest period's report that is not a draft. */
export async function listTaskTargets(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<TaskTarget[]> {
  const { rows } = await sql<TaskTarget>`
    select t.*, (
      select a.value from target_actuals a
      join progress_reports r on r.tenant_id = a.tenant_id and r.id = a.report_id
      join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
      where a.tenant_id = t.tenant_id and a.target_id = t.id and r.state <> 'draft'
      order by p.ends_on desc limit 1
    ) as latest_actual
    from targets t
    where t.tenant_id = ${tenantId} and t.item_id = any(${[...itemIds]}::uuid[])`.execute(db);
  return rows;
}
