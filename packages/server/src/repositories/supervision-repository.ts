import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SupervisionNoticeRow } from '../db/schema.js';

/*
 * 督办 notices. Other work reads them from here too: the annual assessment's deductions
 * (`listIssuedSupervision`) and the 督办单 document (`findSupervisionView`).
 */

const OPEN = ['issued', 'signed', 'responded'] as const;

/** A notice with the names the page and the 督办单 show. */
export interface SupervisionView extends SupervisionNoticeRow {
  units: { id: string; name: string }[];
  items: { id: string; number: string; title: string }[];
  issued_by_name: string | null;
  signed_by_name: string | null;
  responded_by_name: string | null;
  closed_by_name: string | null;
}

export interface SupervisionFilter {
  statuses?: readonly SupervisionNoticeRow['status'][];
  level?: SupervisionNoticeRow['level'];
  unitId?: string;
  /** Only notices naming at least one of these units (a reporter's scope). */
  anyUnitIds?: readonly string[];
  planId?: string;
  itemId?: string;
  ids?: readonly string[];
  /** Issued in [from, to). */
  issuedIn?: { from: Date; to: Date };
  /** Closed (销号) in [from, to). */
  closedIn?: { from: Date; to: Date };
}

/** The stored rules of a plan (unparsed), undefined without the plan. */
export async function findSupervisionRules(db: Executor, tenantId: string, planId: string): Promise<unknown> {
  const row = await db
    .selectFrom('plans')
    .select('supervision_rules')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .executeTakeFirst();
  return row?.supervision_rules;
}

export async function updateSupervisionRules(
  db: Executor,
  tenantId: string,
  planId: string,
  rules: unknown,
): Promise<void> {
  await db
    .updateTable('plans')
    .set({ supervision_rules: JSON.stringify(rules) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .execute();
}

/**
 * The next number of the commission's year. The increment locks the counter row until the caller's
 * transaction ends, so a rolled-back issue gives its number back and two issuers never share one.
 */
export async function nextSupervisionSeq(trx: Executor, tenantId: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('supervision_counters')
    .values({ tenant_id: tenantId, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'year'])
        .doUpdateSet((eb) => ({ last: eb('supervision_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export interface NewSupervisionNotice {
  tenantId: string;
  planId: string;
  year: number;
  seq: number;
  level: SupervisionNoticeRow['level'];
  rule: SupervisionNoticeRow['rule'];
  ruleKey: string | null;
  reason: string;
  responseDue: string;
  issuedBy: string | null;
  issuedAt: Date;
  previousId: string | null;
  idempotencyKey: string | null;
  unitIds: readonly string[];
  itemIds: readonly string[];
}

export async function insertSupervisionNotice(trx: Executor, n: NewSupervisionNotice): Promise<string> {
  const { id } = await trx
    .insertInto('supervision_notices')
    .values({
      tenant_id: n.tenantId,
      plan_id: n.planId,
      year: n.year,
      seq: n.seq,
      level: n.level,
      status: 'issued',
      rule: n.rule,
      rule_key: n.ruleKey,
      reason: n.reason,
      response_due: n.responseDue,
      issued_by: n.issuedBy,
      issued_at: n.issuedAt,
      previous_id: n.previousId,
      idempotency_key: n.idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('supervision_notice_units')
    .values(
      [...new Set(n.unitIds)].map((unitId) => ({ tenant_id: n.tenantId, notice_id: id, unit_id: unitId })),
    )
    .execute();
  await trx
    .insertInto('supervision_notice_items')
    .values(
      [...new Set(n.itemIds)].map((itemId) => ({ tenant_id: n.tenantId, notice_id: id, item_id: itemId })),
    )
    .execute();
  return id;
}

/** The notices matching the filter, newest first, with their units, tasks and people's names. */
export async function listSupervisionViews(
  db: Executor,
  tenantId: string,
  filter: SupervisionFilter,
  limit = 500,
): Promise<SupervisionView[]> {
  const f = filter;
  const { rows } = await sql<SupervisionView>`
    select n.*,
      (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name), '[]')
         from supervision_notice_units nu join org_units u on u.tenant_id = nu.tenant_id and u.id = nu.unit_id
         where nu.tenant_id = n.tenant_id and nu.notice_id = n.id) as units,
      (select coalesce(json_agg(json_build_object('id', i.id, 'number', i.number, 'title', i.title) order by i.position), '[]')
         from supervision_notice_items ni join items i on i.tenant_id = ni.tenant_id and i.id = ni.item_id
         where ni.tenant_id = n.tenant_id and ni.notice_id = n.id) as items,
      ib.display_name as issued_by_name, sb.display_name as signed_by_name,
      rb.display_name as responded_by_name, cb.display_name as closed_by_name
    from supervision_notices n
    left join users ib on ib.tenant_id = n.tenant_id and ib.id = n.issued_by
    left join users sb on sb.tenant_id = n.tenant_id and sb.id = n.signed_by
    left join users rb on rb.tenant_id = n.tenant_id and rb.id = n.responded_by
    left join users cb on cb.tenant_id = n.tenant_id and cb.id = n.closed_by
    where n.tenant_id = ${tenantId}
      ${f.statuses ? sql`and n.status = any(${[...f.statuses]}::text[])` : sql``}
      ${f.level ? sql`and n.level = ${f.level}` : sql``}
      ${f.planId ? sql`and n.plan_id = ${f.planId}` : sql``}
      ${f.ids ? sql`and n.id = any(${[...f.ids]}::uuid[])` : sql``}
      ${f.issuedIn ? sql`and n.issued_at >= ${f.issuedIn.from} and n.issued_at < ${f.issuedIn.to}` : sql``}
      ${f.closedIn ? sql`and n.closed_at >= ${f.closedIn.from} and n.closed_at < ${f.closedIn.to}` : sql``}
      ${
        f.unitId
          ? sql`and exists (select 1 from supervision_notice_units x where x.tenant_id = n.tenant_id and x.notice_id = n.id and x.unit_id = ${f.unitId})`
          : sql``
      }
      ${
        f.anyUnitIds
          ? sql`and exists (select 1 from supervision_notice_units x where x.tenant_id = n.tenant_id and x.notice_id = n.id and x.unit_id = any(${[...f.anyUnitIds]}::uuid[]))`
          : sql``
      }
      ${
        f.itemId
          ? sql`and exists (select 1 from supervision_notice_items x where x.tenant_id = n.tenant_id and x.notice_id = n.id and x.item_id = ${f.itemId})`
          : sql``
      }
    order by n.issued_at desc, n.year desc, n.seq desc
    limit ${limit}`.execute(db);
  return rows;
}

export async function findSupervisionView(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<SupervisionView | undefined> {
  return (await listSupervisionViews(db, tenantId, { ids: [id] }, 1))[0];
}

/** Locks the notice for a change in the caller's transaction. */
export function lockSupervisionNotice(
  trx: Executor,
  tenantId: string,
  id: string,
): Promise<SupervisionNoticeRow | undefined> {
  return trx
    .selectFrom('supervision_notices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type SupervisionChange = Partial<
  Pick<
    SupervisionNoticeRow,
    | 'status'
    | 'signed_by'
    | 'signed_at'
    | 'response'
    | 'responded_by'
    | 'responded_at'
    | 'closed_by'
    | 'closed_at'
    | 'close_note'
    | 'next_id'
  >
>;

/** Applies a change at the version the caller read; false when someone changed it since. */
export async function updateSupervisionNotice(
  trx: Executor,
  tenantId: string,
  id: string,
  version: number,
  change: SupervisionChange,
): Promise<boolean> {
  const rows = await trx
    .updateTable('supervision_notices')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function findSupervisionByKey(
  db: Executor,
  tenantId: string,
  idempotencyKey: string,
): Promise<SupervisionNoticeRow | undefined> {
  return db
    .selectFrom('supervision_notices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The rule keys of the commission's open notices: a rule does not raise a second notice for one of them. */
export async function listOpenRuleKeys(trx: Executor, tenantId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('supervision_notices')
    .select('rule_key')
    .where('tenant_id', '=', tenantId)
    .where('rule_key', 'is not', null)
    .where('status', 'in', OPEN)
    .execute();
  return new Set(rows.map((r) => r.rule_key ?? ''));
}

/** Notices still waiting on the unit (issued or signed) whose response date is before `today`. */
export function listUnansweredPastDue(
  trx: Executor,
  tenantId: string,
  today: string,
): Promise<SupervisionNoticeRow[]> {
  return trx
    .selectFrom('supervision_notices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['issued', 'signed'])
    .where('response_due', '<', today)
    .orderBy('year')
    .orderBy('seq')
    .execute();
}

export async function countOpenByLevel(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ blue: number; yellow: number; red: number }> {
  const rows = await db
    .selectFrom('supervision_notices')
    .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('status', 'in', OPEN)
    .groupBy('level')
    .execute();
  const count = (level: string): number => Number(rows.find((r) => r.level === level)?.n ?? 0);
  return { blue: count('blue'), yellow: count('yellow'), red: count('red') };
}

/** One notice naming one unit, as the assessment counts them. */
export interface IssuedSupervision {
  unit_id: string;
  notice_id: string;
  plan_id: string;
  year: number;
  seq: number;
  level: SupervisionNoticeRow['level'];
  status: SupervisionNoticeRow['status'];
  rule: SupervisionNoticeRow['rule'];
  reason: string;
  issued_at: Date;
}

/**
 * For the annual assessment's deductions: every notice issued to each unit in [from, to) (China dates
 * compared on the issue instant), optionally of one plan and of some levels, in issue order. An escalated
 * notice and the one it escalated to are both listed (each was issued at its level); `status` says which
 * are still open.
 */
export async function listIssuedSupervision(
  db: Executor,
  tenantId: string,
  range: { from: Date; to: Date; planId?: string; levels?: readonly SupervisionNoticeRow['level'][] },
): Promise<IssuedSupervision[]> {
  let q = db
    .selectFrom('supervision_notices as n')
    .innerJoin('supervision_notice_units as nu', (j) =>
      j.onRef('nu.tenant_id', '=', 'n.tenant_id').onRef('nu.notice_id', '=', 'n.id'),
    )
    .select([
      'nu.unit_id',
      'n.id as notice_id',
      'n.plan_id',
      'n.year',
      'n.seq',
      'n.level',
      'n.status',
      'n.rule',
      'n.reason',
      'n.issued_at',
    ])
    .where('n.tenant_id', '=', tenantId)
    .where('n.issued_at', '>=', range.from)
    .where('n.issued_at', '<', range.to);
  if (range.planId) q = q.where('n.plan_id', '=', range.planId);
  if (range.levels) q = q.where('n.level', 'in', [...range.levels]);
  return q.orderBy('n.issued_at').orderBy('n.seq').execute();
}

/** Open notices per task of a plan, with the highest level (for task lists and the dashboard). */
export async function listOpenSupervisionByItem(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ item_id: string; open: number; levels: SupervisionNoticeRow['level'][] }[]> {
  const { rows } = await sql<{ item_id: string; open: number; levels: SupervisionNoticeRow['level'][] }>`
    select ni.item_id, count(*)::int as open, array_agg(distinct n.level) as levels
    from supervision_notices n
    join supervision_notice_items ni on ni.tenant_id = n.tenant_id and ni.notice_id = n.id
    where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.status in ('issued', 'signed', 'responded')
    group by ni.item_id`.execute(db);
  return rows;
}

/**
 * Which of the given items are tasks of the plan: a 督办单 names tasks (the rows the plan's status tracks), never
 * a section heading, whose units and progress are its tasks'.
 */
export async function listPlanTaskIds(
  db: Executor,
  tenantId: string,
  planId: string,
  itemIds: readonly string[],
): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('task_status')
    .select('item_id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('item_id', 'in', [...itemIds])
    .execute();
  return rows.map((r) => r.item_id);
}
