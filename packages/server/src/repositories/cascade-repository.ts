import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ReportState, RollupMethod } from '../db/schema.js';

/*
 * The cascade's rows. Each statement names ONE commission (`tenant_id = $1`): a path across commissions is a
 * service reading the city's rows with the city's id and the county's rows with the county's id, one statement
 * each, so Citus routes every statement to one node (docs/SCALE.md) and no statement mixes two tenants.
 */

// ---------------------------------------------------------------- the city's side (city's tenant)

export interface QuotaRow {
  target_id: string;
  county_tenant: string;
  value: number;
}

export function listQuotas(
  db: Executor,
  cityTenant: string,
  targetIds: readonly string[],
): Promise<QuotaRow[]> {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('county_quotas')
    .select(['target_id', 'county_tenant', 'value'])
    .where('tenant_id', '=', cityTenant)
    .where('target_id', 'in', targetIds)
    .execute();
}

export async function replaceQuotas(
  db: Executor,
  cityTenant: string,
  targetId: string,
  quotas: readonly { countyTenant: string; value: number }[],
): Promise<void> {
  await db
    .deleteFrom('county_quotas')
    .where('tenant_id', '=', cityTenant)
    .where('target_id', '=', targetId)
    .execute();
  if (quotas.length === 0) return;
  await db
    .insertInto('county_quotas')
    .values(
      quotas.map((q) => ({
        tenant_id: cityTenant,
        target_id: targetId,
        county_tenant: q.countyTenant,
        value: q.value,
      })),
    )
    .execute();
}

export async function setTargetRollup(
  db: Executor,
  cityTenant: string,
  targetId: string,
  method: RollupMethod | null,
  weight: string | null,
): Promise<void> {
  await db
    .updateTable('targets')
    .set({ rollup_method: method, rollup_weight: weight })
    .where('tenant_id', '=', cityTenant)
    .where('id', '=', targetId)
    .execute();
}

export interface WeightRow {
  name: string;
  child_tenant: string;
  value: number;
}

export function listWeights(db: Executor, tenantId: string): Promise<WeightRow[]> {
  return db
    .selectFrom('tenant_weights')
    .select(['name', 'child_tenant', 'value'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

export async function replaceWeights(
  db: Executor,
  tenantId: string,
  name: string,
  values: readonly { childTenant: string; value: number }[],
): Promise<void> {
  await db.deleteFrom('tenant_weights').where('tenant_id', '=', tenantId).where('name', '=', name).execute();
  if (values.length === 0) return;
  await db
    .insertInto('tenant_weights')
    .values(values.map((v) => ({ tenant_id: tenantId, name, child_tenant: v.childTenant, value: v.value })))
    .execute();
}

/** The city's units standing for a county commission (a county bureau unit linked to the county's tenant). */
export async function listLinkedUnits(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; linked_tenant_id: string }[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'linked_tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('linked_tenant_id', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.linked_tenant_id ? [{ id: r.id, linked_tenant_id: r.linked_tenant_id }] : [],
  );
}

// ---------------------------------------------------------------- the county's side (county's tenant)

export function findCascadePlan(
  db: Executor,
  countyTenant: string,
  cityTenant: string,
  cityPlan: string,
): Promise<{ plan_id: string } | undefined> {
  return db
    .selectFrom('cascade_plans')
    .select('plan_id')
    .where('tenant_id', '=', countyTenant)
    .where('city_tenant', '=', cityTenant)
    .where('city_plan', '=', cityPlan)
    .executeTakeFirst();
}

export async function insertCascadePlan(
  db: Executor,
  row: { countyTenant: string; planId: string; cityTenant: string; cityPlan: string; at: Date },
): Promise<void> {
  await db
    .insertInto('cascade_plans')
    .values({
      tenant_id: row.countyTenant,
      plan_id: row.planId,
      city_tenant: row.cityTenant,
      city_plan: row.cityPlan,
      created_at: row.at,
    })
    .execute();
}

/**
 * Whom a county plan the city created is recorded as made by: the county's first active administrator, else
 * its first active planner (plans.created_by names a user of the plan's own commission).
 */
export async function findCountyPlanOwner(db: Executor, tenantId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('role', 'in', ['admin', 'planner'])
    .where('active', '=', true)
    .orderBy(sql`case role when 'admin' then 0 else 1 end`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export interface LinkRow {
  item_id: string;
  plan_id: string;
  city_tenant: string;
  city_plan: string;
  city_item: string;
  origin: 'pushed' | 'linked';
  accepted: unknown;
}

const linkColumns = [
  'item_id',
  'plan_id',
  'city_tenant',
  'city_plan',
  'city_item',
  'origin',
  'accepted',
] as const;

export function listLinks(db: Executor, countyTenant: string): Promise<LinkRow[]> {
  return db
    .selectFrom('cascade_links')
    .select(linkColumns)
    .where('tenant_id', '=', countyTenant)
    .orderBy('created_at')
    .orderBy('item_id')
    .execute();
}

export function listLinksOfCityPlan(
  db: Executor,
  countyTenant: string,
  cityTenant: string,
  cityPlan: string,
): Promise<LinkRow[]> {
  return db
    .selectFrom('cascade_links')
    .select(linkColumns)
    .where('tenant_id', '=', countyTenant)
    .where('city_tenant', '=', cityTenant)
    .where('city_plan', '=', cityPlan)
    .execute();
}

export function findLink(db: Executor, countyTenant: string, itemId: string): Promise<LinkRow | undefined> {
  return db
    .selectFrom('cascade_links')
    .select(linkColumns)
    .where('tenant_id', '=', countyTenant)
    .where('item_id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertLink(
  db: Executor,
  countyTenant: string,
  link: LinkRow,
  at: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('cascade_links')
    .values({
      tenant_id: countyTenant,
      item_id: link.item_id,
      plan_id: link.plan_id,
      city_tenant: link.city_tenant,
      city_plan: link.city_plan,
      city_item: link.city_item,
      origin: link.origin,
      accepted: JSON.stringify(link.accepted),
      accepted_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('item_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateLinkAccepted(
  db: Executor,
  countyTenant: string,
  itemId: string,
  accepted: unknown,
  at: Date,
): Promise<void> {
  await db
    .updateTable('cascade_links')
    .set({ accepted: JSON.stringify(accepted), accepted_at: at })
    .where('tenant_id', '=', countyTenant)
    .where('item_id', '=', itemId)
    .execute();
}

export interface TargetLinkRow {
  target_id: string;
  item_id: string;
  city_target: string;
}

export function listTargetLinks(
  db: Executor,
  countyTenant: string,
  itemIds: readonly string[],
): Promise<TargetLinkRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cascade_target_links')
    .select(['target_id', 'item_id', 'city_target'])
    .where('tenant_id', '=', countyTenant)
    .where('item_id', 'in', itemIds)
    .execute();
}

export async function insertTargetLinks(
  db: Executor,
  countyTenant: string,
  cityTenant: string,
  rows: readonly TargetLinkRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('cascade_target_links')
    .values(
      rows.map((r) => ({
        tenant_id: countyTenant,
        target_id: r.target_id,
        item_id: r.item_id,
        city_tenant: cityTenant,
        city_target: r.city_target,
      })),
    )
    .execute();
}

export async function deleteTargetLink(db: Executor, countyTenant: string, targetId: string): Promise<void> {
  await db
    .deleteFrom('cascade_target_links')
    .where('tenant_id', '=', countyTenant)
    .where('target_id', '=', targetId)
    .execute();
}

/** One county report carrying a value for a target linked to a city target. */
export interface CountyFigureRow {
  city_target: string;
  value: number;
  state: ReportState;
  ends_on: string;
  updated_at: Date;
}

/**
 * A county's reported values on its targets linked to a city plan's targets, every state (the service counts
 * only accepted ones; the others show as pending or returned).
 */
export function listCountyFigures(
  db: Executor,
  countyTenant: string,
  cityTenant: string,
  cityPlan: string,
): Promise<CountyFigureRow[]> {
  return db
    .selectFrom('cascade_target_links as tl')
    .innerJoin('cascade_links as l', (j) =>
      j.onRef('l.tenant_id', '=', 'tl.tenant_id').onRef('l.item_id', '=', 'tl.item_id'),
    )
    .innerJoin('target_actuals as ta', (j) =>
      j.onRef('ta.tenant_id', '=', 'tl.tenant_id').onRef('ta.target_id', '=', 'tl.target_id'),
    )
    .innerJoin('progress_reports as r', (j) =>
      j.onRef('r.tenant_id', '=', 'ta.tenant_id').onRef('r.id', '=', 'ta.report_id'),
    )
    .innerJoin('reporting_periods as p', (j) =>
      j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.period_id'),
    )
    .select(['tl.city_target', 'ta.value', 'r.state', 'p.ends_on', 'r.updated_at'])
    .where('tl.tenant_id', '=', countyTenant)
    .where('l.city_tenant', '=', cityTenant)
    .where('l.city_plan', '=', cityPlan)
    .execute();
}

/** One county report on a county task linked to a city plan's task. */
export interface CountyProgressRow {
  city_item: string;
  item_id: string;
  percent: number | null;
  state: ReportState | null;
  ends_on: string | null;
  updated_at: Date | null;
}

export function listCountyProgress(
  db: Executor,
  countyTenant: string,
  cityTenant: string,
  cityPlan: string,
): Promise<CountyProgressRow[]> {
  return db
    .selectFrom('cascade_links as l')
    .leftJoin('progress_reports as r', (j) =>
      j.onRef('r.tenant_id', '=', 'l.tenant_id').onRef('r.item_id', '=', 'l.item_id'),
    )
    .leftJoin('reporting_periods as p', (j) =>
      j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.period_id'),
    )
    .select(['l.city_item', 'l.item_id', 'r.percent', 'r.state', 'p.ends_on', 'r.updated_at'])
    .where('l.tenant_id', '=', countyTenant)
    .where('l.city_tenant', '=', cityTenant)
    .where('l.city_plan', '=', cityPlan)
    .execute();
}

/** A commission's published plans' tasks (the city's, read for a county linking its own task to one). */
export function listPublishedTasks(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; plan_id: string; plan_title: string; number: string; title: string }[]> {
  return db
    .selectFrom('items')
    .innerJoin('plans', (j) =>
      j.onRef('plans.tenant_id', '=', 'items.tenant_id').onRef('plans.id', '=', 'items.plan_id'),
    )
    .select(['items.id', 'items.plan_id', 'plans.title as plan_title', 'items.number', 'items.title'])
    .where('items.tenant_id', '=', tenantId)
    .where('plans.status', '=', 'published')
    .where('items.is_task', '=', true)
    .orderBy('plans.year', 'desc')
    .orderBy('items.plan_id')
    .orderBy('items.level')
    .orderBy('items.position')
    .limit(2000)
    .execute();
}

/** Locks a county's receiving plan row: two pushes to one county run one after the other. */
export async function lockCascadePlan(db: Executor, countyTenant: string, planId: string): Promise<void> {
  await db
    .selectFrom('cascade_plans')
    .select('plan_id')
    .where('tenant_id', '=', countyTenant)
    .where('plan_id', '=', planId)
    .forUpdate()
    .execute();
}

/** A county plan created by the cascade is published at once: the county runs it like its own. */
export async function markPlanPublished(
  db: Executor,
  countyTenant: string,
  planId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('plans')
    .set({ status: 'published', published_at: at, updated_at: at })
    .where('tenant_id', '=', countyTenant)
    .where('id', '=', planId)
    .execute();
}

/** The next free position among a plan's top-level items. */
export async function nextTopPosition(db: Executor, tenantId: string, planId: string): Promise<number> {
  const row = await db
    .selectFrom('items')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  const max = row?.max ?? null;
  return max === null ? 0 : max + 1;
}

/** Applies the city's accepted change to the county's copy of the task. */
export async function updateCopiedItem(
  db: Executor,
  countyTenant: string,
  itemId: string,
  fields: { title: string; text: string; deadline: string | null; deadline_text: string | null },
): Promise<void> {
  await db
    .updateTable('items')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', countyTenant)
    .where('id', '=', itemId)
    .execute();
}

export async function updateCopiedTarget(
  db: Executor,
  countyTenant: string,
  targetId: string,
  fields: {
    metric: string;
    op: '>=' | '<=' | '=' | '~' | 'range';
    value: number | null;
    lo: number | null;
    hi: number | null;
    unit: string;
    deadline: string | null;
    deadline_text: string | null;
    text: string;
  },
): Promise<void> {
  await db
    .updateTable('targets')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', countyTenant)
    .where('id', '=', targetId)
    .execute();
}
