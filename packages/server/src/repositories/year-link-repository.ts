import type { Executor } from '../db/database.js';
import type { TargetYearLinkRow, YearLinkRow } from '../db/schema.js';

/* Year-over-year links (migration 0200): every statement names the tenant. */

export function listPlanYearLinks(db: Executor, tenantId: string, planId: string): Promise<YearLinkRow[]> {
  return db
    .selectFrom('year_links')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listPlanTargetYearLinks(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<TargetYearLinkRow[]> {
  return db
    .selectFrom('target_year_links')
    .innerJoin('year_links', (j) =>
      j
        .onRef('year_links.tenant_id', '=', 'target_year_links.tenant_id')
        .onRef('year_links.id', '=', 'target_year_links.link_id'),
    )
    .selectAll('target_year_links')
    .where('target_year_links.tenant_id', '=', tenantId)
    .where('year_links.plan_id', '=', planId)
    .execute();
}

/** Drops the undecided proposals of a plan (decided links stay). */
export async function deleteProposedLinks(db: Executor, tenantId: string, planId: string): Promise<void> {
  await db
    .deleteFrom('year_links')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('status', '=', 'proposed')
    .execute();
}

/** Drops a rejected link of an earlier task, so carrying that task forward can link it afresh. */
export async function deleteRejectedLinksTo(
  db: Executor,
  tenantId: string,
  planId: string,
  previousItemIds: readonly string[],
): Promise<void> {
  if (previousItemIds.length === 0) return;
  await db
    .deleteFrom('year_links')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('status', '=', 'rejected')
    .where('previous_item_id', 'in', previousItemIds)
    .execute();
}

export interface NewYearLink {
  id: string;
  planId: string;
  itemId: string;
  previousPlanId: string;
  previousItemId: string;
  origin: 'matched' | 'carried';
  score: number;
  reasons: readonly string[];
  confirmedBy: string | null;
  targets: readonly { targetId: string; previousTargetId: string; score: number }[];
}

export async function insertYearLinks(
  db: Executor,
  tenantId: string,
  links: readonly NewYearLink[],
  now: Date,
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('year_links')
    .values(
      links.map((l) => ({
        tenant_id: tenantId,
        id: l.id,
        plan_id: l.planId,
        item_id: l.itemId,
        previous_plan_id: l.previousPlanId,
        previous_item_id: l.previousItemId,
        origin: l.origin,
        score: l.score,
        reasons: JSON.stringify(l.reasons),
        status: l.confirmedBy ? 'confirmed' : 'proposed',
        decided_by: l.confirmedBy,
        decided_at: l.confirmedBy ? now : null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const targets = links.flatMap((l) =>
    l.targets.map((t) => ({
      tenant_id: tenantId,
      link_id: l.id,
      target_id: t.targetId,
      previous_target_id: t.previousTargetId,
      score: t.score,
    })),
  );
  if (targets.length > 0) await db.insertInto('target_year_links').values(targets).execute();
}

/** Sets a link's decision at the version read; undefined when the version moved on (or no such link). */
export function decideYearLink(
  db: Executor,
  tenantId: string,
  planId: string,
  decision: { id: string; version: number; status: 'confirmed' | 'rejected' },
  actorId: string,
  now: Date,
): Promise<YearLinkRow | undefined> {
  return db
    .updateTable('year_links')
    .set((eb) => ({
      status: decision.status,
      decided_by: actorId,
      decided_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('id', '=', decision.id)
    .where('version', '=', decision.version)
    .returningAll()
    .executeTakeFirst();
}

export function findYearLinks(
  db: Executor,
  tenantId: string,
  planId: string,
  ids: readonly string[],
): Promise<YearLinkRow[]> {
  return db
    .selectFrom('year_links')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('id', 'in', ids)
    .execute();
}

export function listLinkTargets(
  db: Executor,
  tenantId: string,
  linkId: string,
): Promise<TargetYearLinkRow[]> {
  return db
    .selectFrom('target_year_links')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('link_id', '=', linkId)
    .execute();
}

export interface AcceptedActual {
  value: number;
  reportId: string;
  periodLabel: string;
}

/**
 * A target's latest ACCEPTED actual: the accepted report of the latest period (then the latest review).
 * Returned, submitted and draft reports never count.
 */
export async function latestAcceptedActual(
  db: Executor,
  tenantId: string,
  targetId: string,
): Promise<AcceptedActual | undefined> {
  const row = await db
    .selectFrom('target_actuals')
    .innerJoin('progress_reports', (j) =>
      j
        .onRef('progress_reports.tenant_id', '=', 'target_actuals.tenant_id')
        .onRef('progress_reports.id', '=', 'target_actuals.report_id'),
    )
    .innerJoin('reporting_periods', (j) =>
      j
        .onRef('reporting_periods.tenant_id', '=', 'progress_reports.tenant_id')
        .onRef('reporting_periods.id', '=', 'progress_reports.period_id'),
    )
    .select(['target_actuals.value', 'target_actuals.report_id', 'reporting_periods.label'])
    .where('target_actuals.tenant_id', '=', tenantId)
    .where('target_actuals.target_id', '=', targetId)
    .where('progress_reports.state', '=', 'accepted')
    .orderBy('reporting_periods.ends_on', 'desc')
    .orderBy('progress_reports.reviewed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { value: row.value, reportId: row.report_id, periodLabel: row.label } : undefined;
}

/**
 * Sets a target's baseline from last year's accepted actual, only where it has none, and records where it
 * came from on the target's link. False when the target already had a baseline.
 */
export async function takeBaseline(
  db: Executor,
  tenantId: string,
  targetId: string,
  actual: AcceptedActual,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('targets')
    .set((eb) => ({ baseline: actual.value, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', targetId)
    .where('baseline', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await db
    .updateTable('target_year_links')
    .set({
      baseline_report_id: actual.reportId,
      baseline_value: actual.value,
      baseline_period: actual.periodLabel,
      baseline_set_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('target_id', '=', targetId)
    .execute();
  return true;
}

/** The confirmed predecessor of a target, if any. */
export async function confirmedPredecessor(
  db: Executor,
  tenantId: string,
  targetId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('target_year_links')
    .innerJoin('year_links', (j) =>
      j
        .onRef('year_links.tenant_id', '=', 'target_year_links.tenant_id')
        .onRef('year_links.id', '=', 'target_year_links.link_id'),
    )
    .select('target_year_links.previous_target_id')
    .where('target_year_links.tenant_id', '=', tenantId)
    .where('target_year_links.target_id', '=', targetId)
    .where('year_links.status', '=', 'confirmed')
    .executeTakeFirst();
  return row?.previous_target_id;
}

export interface TargetYear {
  planId: string;
  planTitle: string;
  year: number;
  targetId: string;
  itemId: string;
  itemTitle: string;
  metric: string;
  unit: string;
  op: string;
  value: number | null;
  baseline: number | null;
}

export async function findTargetYear(
  db: Executor,
  tenantId: string,
  targetId: string,
): Promise<TargetYear | undefined> {
  const row = await db
    .selectFrom('targets')
    .innerJoin('items', (j) =>
      j.onRef('items.tenant_id', '=', 'targets.tenant_id').onRef('items.id', '=', 'targets.item_id'),
    )
    .innerJoin('plans', (j) =>
      j.onRef('plans.tenant_id', '=', 'items.tenant_id').onRef('plans.id', '=', 'items.plan_id'),
    )
    .select([
      'plans.id as plan_id',
      'plans.title as plan_title',
      'plans.year',
      'targets.id',
      'items.id as item_id',
      'items.title as item_title',
      'targets.metric',
      'targets.unit',
      'targets.op',
      'targets.value',
      'targets.baseline',
    ])
    .where('targets.tenant_id', '=', tenantId)
    .where('targets.id', '=', targetId)
    .executeTakeFirst();
  return row
    ? {
        planId: row.plan_id,
        planTitle: row.plan_title,
        year: row.year,
        targetId: row.id,
        itemId: row.item_id,
        itemTitle: row.item_title,
        metric: row.metric,
        unit: row.unit,
        op: row.op,
        value: row.value,
        baseline: row.baseline,
      }
    : undefined;
}

/** Plans of a commission earlier than `year` that were published (the ones worth comparing with). */
export function listEarlierPlans(
  db: Executor,
  tenantId: string,
  year: number,
): Promise<{ id: string; title: string; year: number }[]> {
  return db
    .selectFrom('plans')
    .select(['id', 'title', 'year'])
    .where('tenant_id', '=', tenantId)
    .where('year', '<', year)
    .where('status', 'in', ['published', 'archived'])
    .orderBy('year', 'desc')
    .orderBy('published_at', 'desc')
    .execute();
}
