import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import type { PlanRow } from '../db/schema.js';

/**
 * What the ETags of a plan's tree and summary are made of (migration 0081). `plans.content_rev` is raised by
 * every plan-wide change (structure, targets, periods, settings, publish, the daily recompute) and by a unit's
 * rename; `task_status.change_count` by every write that touches a task's reports or status.
 */

/** A plan-wide change: raises the plan's revision, in the caller's transaction. */
export async function raisePlanRevision(db: Executor, tenantId: string, planId: string): Promise<void> {
  await db
    .updateTable('plans')
    .set((eb) => ({ content_rev: eb('content_rev', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .execute();
}

/** A change every plan of the tenant shows (a unit's name): raises each plan's revision. */
export async function raiseTenantPlanRevisions(db: Executor, tenantId: string): Promise<void> {
  await db
    .updateTable('plans')
    .set((eb) => ({ content_rev: eb('content_rev', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** The aggregate over the plan's status rows that the fingerprint below is read from, in SQL of its own. */
const taskChanges = (tenantId: RawBuilder<unknown>, planId: RawBuilder<unknown>) => sql<TaskChangeRow>`
  select count(*)::text as tasks, coalesce(sum(ts.change_count), 0)::text as sum,
    bool_and(ts.position is not null) as placed
  from task_status ts where ts.tenant_id = ${tenantId} and ts.plan_id = ${planId}`;

interface TaskChangeRow {
  tasks: string;
  sum: string;
  placed: boolean | null;
}

const fingerprintOf = (row: TaskChangeRow): { tasks: number; sum: string; placed: boolean } => ({
  tasks: Number(row.tasks),
  sum: row.sum,
  placed: row.placed === true && Number(row.tasks) > 0,
});

/**
 * The plan's tasks' change fingerprint: how many status rows and the sum of their change counts (committed
 * writes only ever add to it, so equal sums mean the same writes), and whether every task has its place stored
 * (otherwise answers come from the whole board and are not cacheable).
 */
export async function taskChangeFingerprint(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ tasks: number; sum: string; placed: boolean }> {
  const { rows } = await taskChanges(sql`${tenantId}`, sql`${planId}`).execute(db);
  const row = rows[0];
  if (!row) throw new Error('an aggregate returns one row');
  return fingerprintOf(row);
}

/**
 * What a cached page of the plan's tasks is validated by, in one statement: the plan's visibility field and
 * everything its tree's and summary's ETags are made of (version, revision, last edit, the tasks' change
 * fingerprint above). Undefined when the tenant has no such plan.
 */
export async function taskPageValidator(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ status: PlanRow['status']; fingerprint: string; placed: boolean } | undefined> {
  const { rows } = await sql<
    TaskChangeRow & { status: PlanRow['status']; version: number; content_rev: number; updated_at: Date }
  >`
    select pl.status, pl.version, pl.content_rev, pl.updated_at, f.tasks, f.sum, f.placed
    from plans pl
    cross join lateral (${taskChanges(sql.ref('pl.tenant_id'), sql.ref('pl.id'))}) f
    where pl.tenant_id = ${tenantId} and pl.id = ${planId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const tasks = fingerprintOf(row);
  return {
    status: row.status,
    fingerprint: `${String(row.version)}-${String(row.content_rev)}-${String(row.updated_at.getTime())}-${String(tasks.tasks)}-${tasks.sum}`,
    placed: tasks.placed,
  };
}
