import { sql } from 'kysely';
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
  const row = await db
    .selectFrom('task_status')
    .select([
      sql<string>`count(*)::text`.as('tasks'),
      sql<string>`coalesce(sum(change_count), 0)::text`.as('sum'),
      sql<boolean>`bool_and(position is not null)`.as('placed'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return { tasks: Number(row.tasks), sum: row.sum, placed: row.placed && Number(row.tasks) > 0 };
}

/**
 * What a cached page of the plan's tasks is validated by, in one statement: the plan's visibility field and
 * everything its tree's and summary's ETags are made of (version, revision, last edit, the tasks' change
 * fingerprint). Undefined when the tenant has no such plan.
 */
export async function taskPageValidator(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ status: PlanRow['status']; fingerprint: string; placed: boolean } | undefined> {
  const { rows } = await sql<{
    status: PlanRow['status'];
    version: number;
    content_rev: number;
    updated_at: Date;
    tasks: string;
    sum: string;
    placed: boolean | null;
  }>`
    select pl.status, pl.version, pl.content_rev, pl.updated_at, f.tasks, f.sum, f.placed
    from plans pl
    cross join lateral (
      select count(*)::text as tasks, coalesce(sum(ts.change_count), 0)::text as sum,
        bool_and(ts.position is not null) as placed
      from task_status ts where ts.tenant_id = pl.tenant_id and ts.plan_id = pl.id) f
    where pl.tenant_id = ${tenantId} and pl.id = ${planId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    status: row.status,
    fingerprint: `${String(row.version)}-${String(row.content_rev)}-${String(row.updated_at.getTime())}-${row.tasks}-${row.sum}`,
    placed: row.placed === true && Number(row.tasks) > 0,
  };
}
