import type { TaskStatus } from '@yaodian/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * A plan's summary figures aggregated in the database from the stored statuses and places (task_status) and
 * the plan's reports: one set-based statement, a few rows back, whatever the plan's size.
 */

export interface CompletionFigures {
  tasks: number;
  done: number;
  /** Sum over the tasks of their accepted percent (0 where none). */
  percentSum: number;
}

export interface PlanSummaryFigures {
  statusCounts: { status: TaskStatus; tasks: number }[];
  reportCounts: { state: string; reports: number }[];
  /** In plan order (of each section's first task). */
  bySection: (CompletionFigures & { sectionId: string | null; title: string | null })[];
  byUnit: (CompletionFigures & { unitId: string; name: string })[];
}

interface FigureRow {
  kind: 'status' | 'report' | 'section' | 'unit';
  key: string | null;
  title: string | null;
  tasks: number | string;
  done: number | string;
  percent_sum: number | string;
}

export async function planSummaryFigures(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<PlanSummaryFigures> {
  const { rows } = await sql<FigureRow>`
    select 'status' as kind, ts.status as key, null::text as title, count(*) as tasks, 0 as done,
      0 as percent_sum, 0 as ord
    from task_status ts where ts.tenant_id = ${tenantId} and ts.plan_id = ${planId}
    group by ts.status
    union all
    select 'report', r.state, null, count(*), 0, 0, 0
    from progress_reports r
    join items i on i.tenant_id = r.tenant_id and i.id = r.item_id
    where r.tenant_id = ${tenantId} and i.plan_id = ${planId} and r.state in ('accepted', 'submitted', 'returned')
    group by r.state
    union all
    select 'section', ts.section_id::text, s.title, count(*), count(*) filter (where ts.status = 'done'),
      sum(coalesce(ts.percent, 0)), min(ts.position)
    from task_status ts
    left join items s on s.tenant_id = ts.tenant_id and s.id = ts.section_id
    where ts.tenant_id = ${tenantId} and ts.plan_id = ${planId}
    group by ts.section_id, s.title
    union all
    select 'unit', u.unit_id::text, o.name, count(*), count(*) filter (where ts.status = 'done'),
      sum(coalesce(ts.percent, 0)), 0
    from task_status ts
    cross join lateral unnest(ts.reporting_unit_ids) as u(unit_id)
    join org_units o on o.tenant_id = ts.tenant_id and o.id = u.unit_id
    where ts.tenant_id = ${tenantId} and ts.plan_id = ${planId}
    group by u.unit_id, o.name
    order by kind, ord`.execute(db);
  const completion = (r: FigureRow): CompletionFigures => ({
    tasks: Number(r.tasks),
    done: Number(r.done),
    percentSum: Number(r.percent_sum),
  });
  return {
    statusCounts: rows
      .filter((r) => r.kind === 'status')
      .map((r) => ({ status: r.key as TaskStatus, tasks: Number(r.tasks) })),
    reportCounts: rows
      .filter((r) => r.kind === 'report')
      .map((r) => ({ state: r.key ?? '', reports: Number(r.tasks) })),
    bySection: rows
      .filter((r) => r.kind === 'section')
      .map((r) => ({ sectionId: r.key, title: r.title, ...completion(r) })),
    byUnit: rows
      .filter((r) => r.kind === 'unit')
      .map((r) => ({ unitId: r.key ?? '', name: r.title ?? '', ...completion(r) })),
  };
}
