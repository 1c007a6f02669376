import type { TaskStatus } from '@yaodian/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * The task list, a page at a time: one indexed query on the stored statuses and places (task_status, migration
 * 0080) joined to the page's items, then the page's reports and unit names by id. The work is that of the page,
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
}

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Up to `limit` tasks of the plan after position `after`, in plan order. */
export function listTaskPage(
  db: Executor,
  tenantId: string,
  planId: string,
  filter: TaskListFilter,
  after: number | null,
  limit: number,
): Promise<TaskListRow[]> {
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
    .select(sql<number>`ts.position`.as('position'))
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
  return query.orderBy('ts.position').limit(limit).execute();
}

/** Whether the plan's tasks have been placed (false for a plan whose statuses are not stored yet). */
export async function planTasksPlaced(db: Executor, tenantId: string, planId: string): Promise<boolean> {
  const row = await db
    .selectFrom('task_status')
    .select('item_id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('position', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface TaskListReport {
  id: string;
  item_id: string;
  unit_id: string;
  period_id: string;
  percent: number;
  state: 'submitted' | 'accepted';
  narrative: string | null;
  ends_on: string;
}

/**
 * The tasks' reports awaiting review, and each task's latest accepted report from a unit whose reports count
 * (the newest period first), in one statement.
 */
export async function listTaskListReports(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<TaskListReport[]> {
  if (itemIds.length === 0) return [];
  const ids = [...itemIds];
  const { rows } = await sql<TaskListReport>`
    (select r.id, r.item_id, r.unit_id, r.period_id, r.percent, r.state, null::text as narrative, p.ends_on
     from progress_reports r
     join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
     where r.tenant_id = ${tenantId} and r.item_id = any(${ids}::uuid[]) and r.state = 'submitted')
    union all
    (select distinct on (r.item_id)
       r.id, r.item_id, r.unit_id, r.period_id, r.percent, r.state, r.narrative, p.ends_on
     from progress_reports r
     join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
     join task_status ts on ts.tenant_id = r.tenant_id and ts.item_id = r.item_id
     where r.tenant_id = ${tenantId} and r.item_id = any(${ids}::uuid[]) and r.state = 'accepted'
       and r.unit_id = any(ts.reporting_unit_ids)
     order by r.item_id, p.ends_on desc)`.execute(db);
  return rows;
}

/** Names of the given units. */
export async function listUnitNames(
  db: Executor,
  tenantId: string,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...unitIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
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
