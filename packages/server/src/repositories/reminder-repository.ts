import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ReportState, RobotKind } from '../db/schema.js';
import type { TaskStatus } from '@yaodian/core';

export function findReminderPolicy(db: Executor, tenantId: string, planId: string): Promise<unknown> {
  return db
    .selectFrom('plans')
    .select('reminder_policy')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .executeTakeFirst()
    .then((row) => row?.reminder_policy);
}

export async function updateReminderPolicy(
  db: Executor,
  tenantId: string,
  planId: string,
  policy: unknown,
): Promise<void> {
  await db
    .updateTable('plans')
    .set({ reminder_policy: JSON.stringify(policy) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .execute();
}

/** The commission's corrections to the national working-day calendar. */
export async function listWorkdayOverrides(db: Executor, tenantId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('working_day_overrides')
    .select(['day', 'workday'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.day, r.workday]));
}

export function listPublishedPlansWithPolicy(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; title: string; reminder_policy: unknown }[]> {
  return db
    .selectFrom('plans')
    .select(['id', 'title', 'reminder_policy'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'published')
    .execute();
}

export function listPeriodDues(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ id: string; label: string; due_on: string }[]> {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'label', 'due_on'])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('due_on')
    .execute();
}

export interface OwedReport {
  item_id: string;
  item_number: string;
  item_title: string;
  unit_id: string;
  unit_name: string;
}

/**
 * The one rule of who owes a report (the reminders, a period's owed list and each user's 我的任务 use it): a
 * reporting unit of the task (the lead units, as the stored task status places them) while the task is
 * unfinished and nothing is submitted or accepted for the period — a draft or a returned report still owes.
 * `ts` is the task's task_status row, `r` the unit's report for the period (left-joined; null when none).
 */
const OWES = sql<boolean>`(ts.status <> 'done' and (r.state is null or r.state in ('draft', 'returned')))`;

/** Who owes a report for the period. One set-based statement, whatever the plan's size. */
export async function listOwedReports(
  db: Executor,
  tenantId: string,
  planId: string,
  periodId: string,
): Promise<OwedReport[]> {
  const { rows } = await sql<OwedReport>`
    select ts.item_id, i.number as item_number, i.title as item_title, u.id as unit_id, u.name as unit_name
    from task_status ts
    cross join lateral unnest(ts.reporting_unit_ids) as ru(unit_id)
    join items i on i.tenant_id = ts.tenant_id and i.id = ts.item_id
    join org_units u on u.tenant_id = ts.tenant_id and u.id = ru.unit_id
    left join progress_reports r on r.tenant_id = ts.tenant_id and r.item_id = ts.item_id
      and r.unit_id = ru.unit_id and r.period_id = ${periodId}
    where ts.tenant_id = ${tenantId} and ts.plan_id = ${planId} and ${OWES}
    order by ts.position nulls last, u.name`.execute(db);
  return rows;
}

export interface UnitDutyRow {
  plan_id: string;
  item_id: string;
  item_number: string;
  item_title: string;
  deadline: string | null;
  deadline_text: string | null;
  status: TaskStatus;
  percent: number | null;
  unit_id: string;
  unit_name: string;
  period_id: string | null;
  report_id: string | null;
  report_state: ReportState | null;
  return_reason: string | null;
  owed: boolean;
}

/**
 * Every task × given unit that reports on it, in the given plans, with the unit's report for the plan's
 * period (none where the plan has no period) and whether it is owed by the rule above. One statement for all
 * plans, in plan order.
 */
export async function listUnitDuties(
  db: Executor,
  tenantId: string,
  plans: readonly { planId: string; periodId: string | null }[],
  unitIds: readonly string[],
): Promise<UnitDutyRow[]> {
  if (plans.length === 0 || unitIds.length === 0) return [];
  const { rows } = await sql<UnitDutyRow>`
    select ts.plan_id, ts.item_id, i.number as item_number, i.title as item_title, i.deadline, i.deadline_text,
      ts.status, ts.percent, u.id as unit_id, u.name as unit_name, d.period_id, r.id as report_id,
      r.state as report_state, r.return_reason, ${OWES} as owed
    from unnest(${sql.val(plans.map((p) => p.planId))}::uuid[],
                ${sql.val(plans.map((p) => p.periodId))}::uuid[]) with ordinality as d(plan_id, period_id, n)
    join task_status ts on ts.tenant_id = ${tenantId} and ts.plan_id = d.plan_id
    cross join lateral unnest(ts.reporting_unit_ids) as ru(unit_id)
    join items i on i.tenant_id = ts.tenant_id and i.id = ts.item_id
    join org_units u on u.tenant_id = ts.tenant_id and u.id = ru.unit_id
    left join progress_reports r on r.tenant_id = ts.tenant_id and r.item_id = ts.item_id
      and r.unit_id = ru.unit_id and r.period_id = d.period_id
    where ru.unit_id = any(${sql.val(unitIds)}::uuid[])
    order by d.n, ts.position nulls last, u.name`.execute(db);
  return rows;
}

export interface ReturnedReportRow {
  report_id: string;
  item_number: string;
  item_title: string;
  period_label: string;
  unit_name: string;
  return_reason: string | null;
}

/** The returned reports of the given units, any period, newest period first: each is owed again. */
export async function listReturnedReports(
  db: Executor,
  tenantId: string,
  unitIds: readonly string[],
): Promise<ReturnedReportRow[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<ReturnedReportRow>`
    select r.id as report_id, i.number as item_number, i.title as item_title, p.label as period_label,
      u.name as unit_name, r.return_reason
    from progress_reports r
    join items i on i.tenant_id = r.tenant_id and i.id = r.item_id
    join reporting_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
    join org_units u on u.tenant_id = r.tenant_id and u.id = r.unit_id
    join plans pl on pl.tenant_id = r.tenant_id and pl.id = p.plan_id and pl.status = 'published'
    where r.tenant_id = ${tenantId} and r.state = 'returned' and r.unit_id = any(${sql.val(unitIds)}::uuid[])
    order by p.ends_on desc, i.number, u.name`.execute(db);
  return rows;
}

export interface UnitMember {
  unit_id: string;
  user_id: string;
  display_name: string;
  email: string | null;
  notify_email: boolean;
}

/** The active users who report for the given units. */
export function listUnitMembers(
  db: Executor,
  tenantId: string,
  unitIds: readonly string[],
): Promise<UnitMember[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_units')
    .innerJoin('users', (j) =>
      j.onRef('users.tenant_id', '=', 'user_units.tenant_id').onRef('users.id', '=', 'user_units.user_id'),
    )
    .select([
      'user_units.unit_id',
      'users.id as user_id',
      'users.display_name',
      'users.email',
      'users.notify_email',
    ])
    .where('user_units.tenant_id', '=', tenantId)
    .where('user_units.unit_id', 'in', unitIds)
    .where('users.active', '=', true)
    .where('users.role', '=', 'reporter')
    .execute();
}

/** The active users whose role reviews reports (the planning office), who get the overdue digest. */
export function listActiveUsersWithRoles(
  db: Executor,
  tenantId: string,
  roles: readonly string[],
): Promise<{ id: string; email: string | null; notify_email: boolean }[]> {
  if (roles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'notify_email'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where(sql<boolean>`role = any(${sql.val(roles)}::text[])`)
    .execute();
}

export interface UnitRobotRow {
  unit_id: string;
  kind: RobotKind;
  webhook_url: string;
  secret: string | null;
  enabled: boolean;
}

export function listUnitRobots(
  db: Executor,
  tenantId: string,
  unitIds: readonly string[],
): Promise<UnitRobotRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_robots')
    .select(['unit_id', 'kind', 'webhook_url', 'secret', 'enabled'])
    .where('tenant_id', '=', tenantId)
    .where('unit_id', 'in', unitIds)
    .orderBy('kind')
    .execute();
}

/** Replaces the unit's robots with the given ones. */
export async function replaceUnitRobots(
  db: Executor,
  tenantId: string,
  unitId: string,
  robots: readonly { kind: RobotKind; webhookUrl: string; secret: string | null; enabled: boolean }[],
): Promise<void> {
  await db
    .deleteFrom('unit_robots')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .execute();
  if (robots.length === 0) return;
  await db
    .insertInto('unit_robots')
    .values(
      robots.map((r) => ({
        tenant_id: tenantId,
        unit_id: unitId,
        kind: r.kind,
        webhook_url: r.webhookUrl,
        secret: r.secret,
        enabled: r.enabled,
      })),
    )
    .execute();
}

export function listUnitRobotByWebhook(
  db: Executor,
  tenantId: string,
  kind: RobotKind,
  webhookUrl: string,
): Promise<{ secret: string | null } | undefined> {
  return db
    .selectFrom('unit_robots')
    .select('secret')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('webhook_url', '=', webhookUrl)
    .executeTakeFirst();
}

/** The overrides of one year, with their notes (the calendar page). */
export async function listWorkdayOverridesOfYear(
  db: Executor,
  tenantId: string,
  year: number,
): Promise<Map<string, { workday: boolean; note: string }>> {
  const rows = await db
    .selectFrom('working_day_overrides')
    .select(['day', 'workday', 'note'])
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', `${String(year)}-01-01`)
    .where('day', '<=', `${String(year)}-12-31`)
    .execute();
  return new Map(rows.map((r) => [r.day, { workday: r.workday, note: r.note }]));
}

/** Sets one day's override; the same call again changes nothing (idempotent). Returns what was there. */
export async function upsertWorkdayOverride(
  db: Executor,
  tenantId: string,
  day: string,
  value: { workday: boolean; note: string },
): Promise<{ workday: boolean; note: string } | undefined> {
  const before = await db
    .selectFrom('working_day_overrides')
    .select(['workday', 'note'])
    .where('tenant_id', '=', tenantId)
    .where('day', '=', day)
    .forUpdate()
    .executeTakeFirst();
  await db
    .insertInto('working_day_overrides')
    .values({ tenant_id: tenantId, day, workday: value.workday, note: value.note })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'day']).doUpdateSet({ workday: value.workday, note: value.note }),
    )
    .execute();
  return before;
}

/** Removes one day's override; returns what was removed, if anything. */
export function deleteWorkdayOverride(
  db: Executor,
  tenantId: string,
  day: string,
): Promise<{ workday: boolean; note: string } | undefined> {
  return db
    .deleteFrom('working_day_overrides')
    .where('tenant_id', '=', tenantId)
    .where('day', '=', day)
    .returning(['workday', 'note'])
    .executeTakeFirst();
}
