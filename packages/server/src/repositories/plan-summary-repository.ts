import type { TaskStatus } from '@yaodian/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * A plan's summary figures aggregated in the database from the stored statuses and places (task_status) and
 * the plan's reports: one set-based statement whatever the plan's size, a row per status, report state,
 * section, unit, unit × status and task at risk (never a row per task otherwise).
 */

export interface CompletionFigures {
  tasks: number;
  done: number;
  /** Sum over the tasks of their accepted percent (0 where none). */
  percentSum: number;
}

export interface RiskRow {
  id: string;
  number: string;
  title: string;
  deadline: string | null;
  deadlineText: string | null;
  status: TaskStatus;
  statusReason: string;
  leadUnits: { id: string; name: string }[];
}

export interface PlanSummaryFigures {
  statusCounts: { status: TaskStatus; tasks: number }[];
  reportCounts: { state: string; reports: number }[];
  /** In plan order (of each section's first task); a null section holds tasks outside any section. */
  bySection: (CompletionFigures & {
    sectionId: string | null;
    number: string | null;
    title: string | null;
  })[];
  /** Reporting (lead) units, in the order their first task comes in the plan. */
  byUnit: (CompletionFigures & { unitId: string; name: string })[];
  /** Assigned (lead or supporting) units' tasks by status. */
  byUnitStatus: { unitId: string; name: string; status: TaskStatus; tasks: number }[];
  /** Tasks whose status is one of `urgent`, in plan order. */
  risks: RiskRow[];
}

interface FigureRow {
  kind: 'status' | 'report' | 'section' | 'unit' | 'unit_status' | 'risk';
  key: string | null;
  title: string | null;
  number: string | null;
  status: TaskStatus | null;
  tasks: number | string;
  done: number | string;
  percent_sum: number | string;
  risk: {
    deadline: string | null;
    deadline_text: string | null;
    reason: string;
    lead_units: { id: string; name: string }[];
  } | null;
}

export async function planSummaryFigures(
  db: Executor,
  tenantId: string,
  planId: string,
  urgent: readonly TaskStatus[],
): Promise<PlanSummaryFigures> {
  const { rows } = await sql<FigureRow>`
    with ts as (
      select * from task_status
      where tenant_id = ${tenantId} and plan_id = ${planId} and position is not null
    ), unit_task as (
      select ts.item_id, ts.status, ts.percent, ts.position, u.unit_id, u.n, 'reporting' as role
      from ts cross join lateral unnest(ts.reporting_unit_ids) with ordinality as u(unit_id, n)
      union all
      select ts.item_id, ts.status, ts.percent, ts.position, u.unit_id, u.n, 'assigned'
      from ts cross join lateral unnest(ts.lead_unit_ids || ts.support_unit_ids) with ordinality as u(unit_id, n)
    )
    select 'status' as kind, ts.status as key, null::text as title, null::text as number, null::text as status,
      count(*) as tasks, 0 as done, 0 as percent_sum, null::json as risk, 0 as ord, 0 as ord2
    from ts group by ts.status
    union all
    select 'report', r.state, null, null, null, count(*), 0, 0, null, 0, 0
    from progress_reports r
    join items i on i.tenant_id = r.tenant_id and i.id = r.item_id
    where r.tenant_id = ${tenantId} and i.plan_id = ${planId} and r.state in ('accepted', 'submitted', 'returned')
    group by r.state
    union all
    select 'section', ts.section_id::text, s.title, s.number, null, count(*),
      count(*) filter (where ts.status = 'done'), sum(coalesce(ts.percent, 0)), null, min(ts.position), 0
    from ts
    left join items s on s.tenant_id = ts.tenant_id and s.id = ts.section_id
    group by ts.section_id, s.title, s.number
    union all
    select 'unit', ut.unit_id::text, coalesce(o.name, ''), null, null, count(*),
      count(*) filter (where ut.status = 'done'), sum(coalesce(ut.percent, 0)), null,
      min(ut.position), min(ut.n)
    from unit_task ut
    left join org_units o on o.tenant_id = ${tenantId} and o.id = ut.unit_id
    where ut.role = 'reporting'
    group by ut.unit_id, o.name
    union all
    select 'unit_status', ut.unit_id::text, coalesce(o.name, ''), null, ut.status, count(*), 0, 0, null, 0, 0
    from unit_task ut
    left join org_units o on o.tenant_id = ${tenantId} and o.id = ut.unit_id
    where ut.role = 'assigned'
    group by ut.unit_id, o.name, ut.status
    union all
    select 'risk', ts.item_id::text, i.title, i.number, ts.status, 0, 0, 0,
      json_build_object('deadline', i.deadline, 'deadline_text', i.deadline_text, 'reason', ts.reason,
        'lead_units', (select coalesce(json_agg(json_build_object('id', l.id, 'name', coalesce(o.name, ''))
                                                order by l.n), '[]')
                       from unnest(ts.lead_unit_ids) with ordinality as l(id, n)
                       left join org_units o on o.tenant_id = ts.tenant_id and o.id = l.id)),
      ts.position, 0
    from ts join items i on i.tenant_id = ts.tenant_id and i.id = ts.item_id
    where ts.status = any(${[...urgent]}::text[])
    order by kind, ord, ord2`.execute(db);
  const completion = (r: FigureRow): CompletionFigures => ({
    tasks: Number(r.tasks),
    done: Number(r.done),
    percentSum: Number(r.percent_sum),
  });
  const of = (kind: FigureRow['kind']) => rows.filter((r) => r.kind === kind);
  return {
    statusCounts: of('status').map((r) => ({ status: r.key as TaskStatus, tasks: Number(r.tasks) })),
    reportCounts: of('report').map((r) => ({ state: r.key ?? '', reports: Number(r.tasks) })),
    bySection: of('section').map((r) => ({
      sectionId: r.key,
      number: r.number,
      title: r.title,
      ...completion(r),
    })),
    byUnit: of('unit').map((r) => ({ unitId: r.key ?? '', name: r.title ?? '', ...completion(r) })),
    byUnitStatus: of('unit_status').map((r) => ({
      unitId: r.key ?? '',
      name: r.title ?? '',
      status: r.status ?? 'not_started',
      tasks: Number(r.tasks),
    })),
    risks: of('risk').map((r) => ({
      id: r.key ?? '',
      number: r.number ?? '',
      title: r.title ?? '',
      deadline: r.risk?.deadline ?? null,
      deadlineText: r.risk?.deadline_text ?? null,
      status: r.status ?? 'not_started',
      statusReason: r.risk?.reason ?? '',
      leadUnits: r.risk?.lead_units ?? [],
    })),
  };
}
