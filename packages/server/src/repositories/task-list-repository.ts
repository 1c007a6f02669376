import type { TaskStatus } from '@yaodian/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { PlanRow } from '../db/schema.js';

/**
 * The task list, a page at a time, in one statement: the plan's visibility fields, and one indexed query on the
 * stored statuses and places (task_status, migration 0080) joined to the page's items, each row carrying its
 * reports awaiting review, its latest accepted narrative and its units' names. The rows come back as one JSON
 * value: parsing one value costs the driver far less than hundreds of rows. The work is that of the page,
 * whatever the plan's size.
 */

export interface TaskListFilter {
  sectionId?: string;
  /** Tasks this unit leads or supports. */
  unitId?: string;
  status?: TaskStatus;
  q?: string;
  dueBefore?: string;
  /** Tasks one of these units leads or supports ("mine"). */
  anyUnitIds?: readonly string[];
}

/** A report awaiting review, on its task's row. */
export interface PendingReport {
  id: string;
  unit_id: string;
  period_id: string;
  percent: number;
}

export interface TaskListRow {
  item_id: string;
  position: number;
  section_id: string | null;
  section_title: string | null;
  number: string;
  title: string;
  text: string;
  deadline: string | null;
  deadline_text: string | null;
  lead_unit_ids: string[];
  support_unit_ids: string[];
  reporting_unit_ids: string[];
  status: TaskStatus;
  reason: string;
  percent: number | null;
  /** Reports awaiting review, the newest period first. */
  pending: PendingReport[];
  /** The narrative of the newest accepted report of a unit whose reports count. */
  latest_narrative: string | null;
  /** The names of the row's lead, supporting and reporting units, by id. */
  unit_names: Record<string, string>;
}

/** The plan a page is read from: what visibility needs, and whether its tasks have been placed. */
export interface TaskListPlan {
  status: PlanRow['status'];
  /** False for a plan whose statuses are not stored yet (a restored backup before the start-up job ran). */
  placed: boolean;
}

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function pageQuery(
  db: Executor,
  tenantId: string,
  planId: string,
  filter: TaskListFilter,
  after: number | null,
  limit: number,
) {
  let query = db
    .selectFrom('task_status as ts')
    .innerJoin('items as i', (join) =>
      join.onRef('i.tenant_id', '=', 'ts.tenant_id').onRef('i.id', '=', 'ts.item_id'),
    )
    .leftJoin('items as s', (join) =>
      join.onRef('s.tenant_id', '=', 'ts.tenant_id').onRef('s.id', '=', 'ts.section_id'),
    )
    .select([
      'ts.item_id',
      'ts.position',
      'ts.section_id',
      's.title as section_title',
      'i.number',
      'i.title',
      'i.text',
      'i.deadline',
      'i.deadline_text',
      'ts.lead_unit_ids',
      'ts.support_unit_ids',
      'ts.reporting_unit_ids',
      'ts.status',
      'ts.reason',
      'ts.percent',
    ])
    // By the report key's index (tenant, item, …): the page's reports, never the plan's.
    .select(
      sql<PendingReport[]>`(
        select coalesce(json_agg(json_build_object('id', r.id, 'unit_id', r.unit_id, 'period_id', r.period_id,
                                                   'percent', r.percent) order by p.ends_on desc, r.id), '[]')
        from progress_reports r
        join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
        where r.tenant_id = ts.tenant_id and r.item_id = ts.item_id and r.state = 'submitted')`.as('pending'),
    )
    .select(
      sql<string | null>`(
        select r.narrative from progress_reports r
        join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
        where r.tenant_id = ts.tenant_id and r.item_id = ts.item_id and r.state = 'accepted'
          and r.unit_id = any(ts.reporting_unit_ids)
        order by p.ends_on desc limit 1)`.as('latest_narrative'),
    )
    .select(
      sql<Record<string, string>>`(
        select coalesce(json_object_agg(o.id, o.name), '{}') from org_units o
        where o.tenant_id = ts.tenant_id
          and o.id = any(ts.lead_unit_ids || ts.support_unit_ids || ts.reporting_unit_ids))`.as('unit_names'),
    )
    .where('ts.tenant_id', '=', tenantId)
    .where('ts.plan_id', '=', planId)
    .where('ts.position', 'is not', null);
  if (after !== null) query = query.where('ts.position', '>', after);
  if (filter.status) query = query.where('ts.status', '=', filter.status);
  if (filter.sectionId) query = query.where('ts.section_id', '=', filter.sectionId);
  if (filter.unitId)
    query = query.where(sql<boolean>`${filter.unitId}::uuid = any(ts.lead_unit_ids || ts.support_unit_ids)`);
  if (filter.anyUnitIds)
    query = query.where(
      sql<boolean>`(ts.lead_unit_ids || ts.support_unit_ids) && ${[...filter.anyUnitIds]}::uuid[]`,
    );
  if (filter.dueBefore)
    query = query.where('i.deadline', 'is not', null).where('i.deadline', '<=', filter.dueBefore);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb('i.title', 'ilike', pattern),
        eb('i.text', 'ilike', pattern),
        eb('s.title', 'ilike', pattern),
      ]),
    );
  }
  return query.orderBy('ts.position').limit(limit);
}

/**
 * Up to `limit` tasks of the plan after position `after`, in plan order, with the plan's visibility fields;
 * `plan` is undefined when the tenant has no such plan.
 */
export async function readTaskPage(
  db: Executor,
  tenantId: string,
  planId: string,
  filter: TaskListFilter,
  after: number | null,
  limit: number,
): Promise<{ plan: TaskListPlan | undefined; rows: TaskListRow[] }> {
  const page = pageQuery(db, tenantId, planId, filter, after, limit);
  const { rows } = await sql<TaskListPlan & { rows: TaskListRow[] }>`
    select pl.status,
      exists (select 1 from task_status ts
              where ts.tenant_id = pl.tenant_id and ts.plan_id = pl.id and ts.position is not null) as placed,
      (select coalesce(json_agg(page order by page.position), '[]') from (${page}) as page) as rows
    from plans pl
    where pl.tenant_id = ${tenantId} and pl.id = ${planId}`.execute(db);
  const row = rows[0];
  if (!row) return { plan: undefined, rows: [] };
  return { plan: { status: row.status, placed: row.placed }, rows: row.rows };
}

/**
 * How many placed tasks of the tenant's published plans there are and how many have one of `lagging` statuses;
 * with `anyUnitIds`, only those one of the units leads or supports (the task list's "mine").
 */
export async function countPublishedTasks(
  db: Executor,
  tenantId: string,
  lagging: readonly TaskStatus[],
  anyUnitIds: readonly string[] | null,
): Promise<{ tasks: number; lagging: number }> {
  const mine = anyUnitIds
    ? sql`and (ts.lead_unit_ids || ts.support_unit_ids) && ${[...anyUnitIds]}::uuid[]`
    : sql``;
  const { rows } = await sql<{ tasks: number; lagging: number }>`
    select count(*)::int as tasks, (count(*) filter (where ts.status = any(${[...lagging]}::text[])))::int as lagging
    from task_status ts
    join plans p on p.tenant_id = ts.tenant_id and p.id = ts.plan_id and p.status = 'published'
    where ts.tenant_id = ${tenantId} and ts.position is not null ${mine}`.execute(db);
  return rows[0] ?? { tasks: 0, lagging: 0 };
}
