import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

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
