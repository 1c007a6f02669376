import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AssignmentRole, ReportRow, TargetRow } from '../db/schema.js';

/**
 * What the status of a few tasks depends on, read by item id in one indexed statement whatever the plan's
 * size. Used by the per-task recompute (services/task-status-recompute.ts).
 */

export interface TaskOwners {
  itemId: string;
  deadline: string | null;
  /** The task's own assignments, or its nearest assigned ancestor's. */
  assignments: { unitId: string; role: AssignmentRole }[];
}

export type TaskReport = Pick<ReportRow, 'item_id' | 'unit_id' | 'period_id' | 'state' | 'percent'> & {
  ends_on: string;
};

export type TaskTarget = Pick<
  TargetRow,
  'item_id' | 'metric' | 'op' | 'value' | 'lo' | 'hi' | 'direction' | 'baseline'
> & { latest_actual: number | null };

export interface TaskStatusInputs {
  plan: {
    year: number;
    behind_points: number;
    at_risk_points: number;
    published_at: Date | null;
  };
  owners: TaskOwners[];
  /** The tasks' reports with their period's end. */
  reports: TaskReport[];
  /** The tasks' targets, each with the actual of its latest period's report that was accepted (a submitted or returned figure waits beside it). */
  targets: TaskTarget[];
  /** The plan's periods due before `today`, with their due dates (the caller keeps those since publication). */
  duePeriods: { id: string; due_on: string }[];
  /** The tasks' milestones, each with its actual date only once confirmed. */
  milestones: TaskMilestone[];
}

export interface TaskMilestone {
  item_id: string;
  name: string;
  planned_on: string;
  actual_on: string | null;
}

/**
 * The plan's thresholds, the tasks' owners (own or nearest assigned ancestor's assignments), reports, targets
 * with their latest actuals, milestones, and the plan's periods due before `today`: one statement, undefined without the plan.
 */
export async function loadTaskStatusInputs(
  db: Executor,
  tenantId: string,
  planId: string,
  itemIds: readonly string[],
  today: string,
): Promise<TaskStatusInputs | undefined> {
  const ids = [...itemIds];
  const { rows } = await sql<{
    year: number;
    behind_points: number;
    at_risk_points: number;
    published_at: Date | null;
    owners: {
      item_id: string;
      deadline: string | null;
      unit_id: string | null;
      role: AssignmentRole | null;
    }[];
    reports: TaskReport[];
    targets: TaskTarget[];
    due_periods: { id: string; due_on: string }[];
    milestones: TaskMilestone[];
  }>`
    with recursive up as (
      select i.id as task_id, i.id as item_id, i.parent_id, 0 as depth
      from items i where i.tenant_id = ${tenantId} and i.id = any(${ids}::uuid[])
      union all
      select up.task_id, p.id, p.parent_id, up.depth + 1
      from up join items p on p.tenant_id = ${tenantId} and p.id = up.parent_id
    ), owner as (
      select distinct on (up.task_id) up.task_id, up.item_id
      from up
      where exists (select 1 from assignments a where a.tenant_id = ${tenantId} and a.item_id = up.item_id)
      order by up.task_id, up.depth
    )
    select pl.year, pl.behind_points, pl.at_risk_points, pl.published_at,
      (select coalesce(json_agg(o), '[]') from (
        select t.id as item_id, t.deadline, a.unit_id, a.role
        from items t
        left join owner on owner.task_id = t.id
        left join assignments a on a.tenant_id = ${tenantId} and a.item_id = owner.item_id
        where t.tenant_id = ${tenantId} and t.id = any(${ids}::uuid[])) o) as owners,
      (select coalesce(json_agg(r), '[]') from (
        select r.item_id, r.unit_id, r.period_id, r.state, r.percent, p.ends_on
        from progress_reports r
        join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
        where r.tenant_id = ${tenantId} and r.item_id = any(${ids}::uuid[])) r) as reports,
      (select coalesce(json_agg(x), '[]') from (
        select t.item_id, t.metric, t.op, t.value, t.lo, t.hi, t.direction, t.baseline, (
          select a.value from target_actuals a
          join progress_reports r on r.tenant_id = a.tenant_id and r.id = a.report_id
          join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
          where a.tenant_id = t.tenant_id and a.target_id = t.id and r.state = 'accepted'
          order by p.ends_on desc limit 1
        ) as latest_actual
        from targets t
        where t.tenant_id = ${tenantId} and t.item_id = any(${ids}::uuid[])) x) as targets,
      (select coalesce(json_agg(d), '[]') from (
        select p.id, p.due_on from reporting_periods p
        where p.tenant_id = ${tenantId} and p.plan_id = ${planId} and p.due_on < ${today}) d) as due_periods,
      (select coalesce(json_agg(m), '[]') from (
        select m.item_id, m.name, m.planned_on,
          case when m.confirmed_at is null then null else m.actual_on end as actual_on
        from milestones m
        where m.tenant_id = ${tenantId} and m.item_id = any(${ids}::uuid[])) m) as milestones
    from plans pl
    where pl.tenant_id = ${tenantId} and pl.id = ${planId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const byItem = new Map<string, TaskOwners>();
  for (const r of row.owners) {
    const entry = byItem.get(r.item_id) ?? { itemId: r.item_id, deadline: r.deadline, assignments: [] };
    if (r.unit_id && r.role) entry.assignments.push({ unitId: r.unit_id, role: r.role });
    byItem.set(r.item_id, entry);
  }
  return {
    plan: {
      year: row.year,
      behind_points: row.behind_points,
      at_risk_points: row.at_risk_points,
      published_at: row.published_at,
    },
    owners: [...byItem.values()],
    reports: row.reports,
    targets: row.targets,
    duePeriods: row.due_periods,
    milestones: row.milestones,
  };
}
