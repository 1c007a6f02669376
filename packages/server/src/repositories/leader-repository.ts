import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { TaskStatus } from '@yaodian/core';

/** 委领导包抓 / 分管: owning leaders of items and units, a leader's key projects, and 批示. */

export function listLeaders(db: Executor, tenantId: string): Promise<{ id: string; display_name: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'leader')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

export function listPlanItemLeaders(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ id: string; number: string; title: string; is_task: boolean; leader_id: string | null }[]> {
  return db
    .selectFrom('items')
    .select(['id', 'number', 'title', 'is_task', 'leader_id'])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

/** The units named by the plan's assignments, with their 分管 leaders. */
export function listPlanUnitLeaders(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ id: string; name: string; leader_id: string | null }[]> {
  return db
    .selectFrom('org_units as u')
    .select(['u.id', 'u.name', 'u.leader_id'])
    .where('u.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as a')
          .innerJoin('items as i', (j) =>
            j.onRef('i.tenant_id', '=', 'a.tenant_id').onRef('i.id', '=', 'a.item_id'),
          )
          .select('a.unit_id')
          .whereRef('a.tenant_id', '=', 'u.tenant_id')
          .whereRef('a.unit_id', '=', 'u.id')
          .where('i.plan_id', '=', planId),
      ),
    )
    .orderBy('u.name')
    .execute();
}

export async function isActiveLeader(db: Executor, tenantId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('role', '=', 'leader')
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets an item's owning leader; the leader before, or undefined when the plan has no such item. */
export async function setItemLeader(
  trx: Executor,
  tenantId: string,
  planId: string,
  itemId: string,
  leaderId: string | null,
): Promise<{ before: string | null } | undefined> {
  const before = await trx
    .selectFrom('items')
    .select('leader_id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await trx
    .updateTable('items')
    .set({ leader_id: leaderId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .execute();
  return { before: before.leader_id };
}

export async function setUnitLeader(
  trx: Executor,
  tenantId: string,
  unitId: string,
  leaderId: string | null,
): Promise<{ before: string | null } | undefined> {
  const before = await trx
    .selectFrom('org_units')
    .select('leader_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await trx
    .updateTable('org_units')
    .set({ leader_id: leaderId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .execute();
  return { before: before.leader_id };
}

/**
 * The leaders a red notice reaches: each item's owning leader (its own, else its nearest section's) and the
 * 分管 leaders of the units. Active leaders only.
 */
export async function listAccountableLeaders(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
  unitIds: readonly string[],
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive up as (
      select i.id as task_id, i.parent_id, i.leader_id, 0 as depth
      from items i where i.tenant_id = ${tenantId} and i.id = any(${[...itemIds]}::uuid[])
      union all
      select up.task_id, p.parent_id, p.leader_id, up.depth + 1
      from up join items p on p.tenant_id = ${tenantId} and p.id = up.parent_id
      where up.leader_id is null
    ), owners as (
      select leader_id as id from up where leader_id is not null
      union
      select leader_id from org_units where tenant_id = ${tenantId} and id = any(${[...unitIds]}::uuid[]) and leader_id is not null
    )
    select u.id from owners o join users u on u.tenant_id = ${tenantId} and u.id = o.id
    where u.active and u.role = 'leader'`.execute(db);
  return rows.map((r) => r.id);
}

export interface KeyProjectRow {
  plan_id: string;
  item_id: string;
  number: string;
  title: string;
  status: TaskStatus | null;
  percent: number | null;
  via: 'own' | 'unit';
  open_supervision: number;
  levels: string[] | null;
  latest_reports: {
    unitName: string;
    periodLabel: string;
    percent: number;
    state: string;
    updatedAt: string;
  }[];
}

/**
 * A leader's key projects in published plans: the tasks the leader owns (directly or through a section
 * above them), then the tasks led by units the leader is 分管 for; each with its status, open notices and
 * its three latest reports past draft.
 */
export async function listKeyProjects(
  db: Executor,
  tenantId: string,
  leaderId: string,
): Promise<KeyProjectRow[]> {
  const { rows } = await sql<KeyProjectRow>`
    with recursive owned as (
      select i.id from items i
      join plans p on p.tenant_id = i.tenant_id and p.id = i.plan_id and p.status = 'published'
      where i.tenant_id = ${tenantId} and i.leader_id = ${leaderId}
      union
      select c.id from items c join owned on c.parent_id = owned.id
      where c.tenant_id = ${tenantId} and c.leader_id is null
    ), picked as (
      select ts.item_id, 'own' as via from task_status ts join owned on owned.id = ts.item_id
      where ts.tenant_id = ${tenantId}
      union all
      select ts.item_id, 'unit' from task_status ts
      join plans p on p.tenant_id = ts.tenant_id and p.id = ts.plan_id and p.status = 'published'
      where ts.tenant_id = ${tenantId} and ts.item_id not in (select id from owned)
        and exists (select 1 from org_units u where u.tenant_id = ts.tenant_id and u.leader_id = ${leaderId}
                    and u.id = any(ts.lead_unit_ids))
    )
    select ts.plan_id, ts.item_id, i.number, i.title, ts.status, ts.percent, picked.via,
      (select count(*)::int from supervision_notices n
         join supervision_notice_items ni on ni.tenant_id = n.tenant_id and ni.notice_id = n.id
         where n.tenant_id = ts.tenant_id and ni.item_id = ts.item_id
           and n.status in ('issued', 'signed', 'responded')) as open_supervision,
      (select array_agg(distinct n.level) from supervision_notices n
         join supervision_notice_items ni on ni.tenant_id = n.tenant_id and ni.notice_id = n.id
         where n.tenant_id = ts.tenant_id and ni.item_id = ts.item_id
           and n.status in ('issued', 'signed', 'responded')) as levels,
      (select coalesce(json_agg(x), '[]') from (
         select u.name as "unitName", pe.label as "periodLabel", r.percent, r.state, r.updated_at as "updatedAt"
         from progress_reports r
         join org_units u on u.tenant_id = r.tenant_id and u.id = r.unit_id
         join reporting_periods pe on pe.tenant_id = r.tenant_id and pe.id = r.period_id
         where r.tenant_id = ts.tenant_id and r.item_id = ts.item_id and r.state <> 'draft'
         order by pe.ends_on desc, r.updated_at desc limit 3) x) as latest_reports
    from picked
    join task_status ts on ts.tenant_id = ${tenantId} and ts.item_id = picked.item_id
    join items i on i.tenant_id = ts.tenant_id and i.id = ts.item_id
    order by picked.via, ts.position nulls last
    limit 500`.execute(db);
  return rows;
}

export interface InstructionRow {
  id: string;
  item_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export async function insertInstruction(
  trx: Executor,
  i: { tenantId: string; itemId: string; authorId: string; body: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('item_instructions')
    .values({
      tenant_id: i.tenantId,
      item_id: i.itemId,
      author_id: i.authorId,
      body: i.body,
      created_at: i.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listInstructions(db: Executor, tenantId: string, itemId: string): Promise<InstructionRow[]> {
  return db
    .selectFrom('item_instructions as x')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'x.tenant_id').onRef('u.id', '=', 'x.author_id'),
    )
    .select(['x.id', 'x.item_id', 'x.author_id', 'u.display_name as author_name', 'x.body', 'x.created_at'])
    .where('x.tenant_id', '=', tenantId)
    .where('x.item_id', '=', itemId)
    .orderBy('x.created_at', 'desc')
    .limit(100)
    .execute();
}

/** The units a task's reports come from, as the stored task status places them (empty for a section). */
export async function findTaskReportingUnits(
  db: Executor,
  tenantId: string,
  itemId: string,
): Promise<string[]> {
  const row = await db
    .selectFrom('task_status')
    .select('reporting_unit_ids')
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row?.reporting_unit_ids ?? [];
}
