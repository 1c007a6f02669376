import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * Everything a new report is checked against, in one statement: the item and its ancestry (is it a task of a
 * published plan?), the units assigned to it or its nearest assigned ancestor, the period's plan, the plan's
 * review and evidence settings, the item's targets, and the reports already holding the unit's slot or the
 * request's Idempotency-Key.
 */
export interface NewReportContext {
  /** Null when the item does not exist. */
  planId: string | null;
  planStatus: string | null;
  reviewRequired: boolean | null;
  evidenceRequired: boolean | null;
  /** The plan accepts values written in bulk at once (migration 0190). */
  bulkValuesAccepted: boolean | null;
  /** The item is marked a task and no ancestor is. */
  isTask: boolean;
  /** The units assigned to the item, or to its nearest assigned ancestor. */
  unitIds: string[];
  /** The period's plan; null when there is no such period. */
  periodPlanId: string | null;
  targetIds: string[];
  /** The report for this item, unit and period, if one exists. */
  existingId: string | null;
  existingKey: string | null;
  /** The report made with this Idempotency-Key, if one was given and used. */
  byKeyId: string | null;
}

export async function loadNewReportContext(
  db: Executor,
  tenantId: string,
  input: { itemId: string; unitId: string; periodId: string; idempotencyKey: string | null },
): Promise<NewReportContext> {
  const { rows } = await sql<{
    plan_id: string | null;
    plan_status: string | null;
    review_required: boolean | null;
    evidence_required: boolean | null;
    bulk_values_accepted: boolean | null;
    is_task: boolean | null;
    under_task: boolean;
    unit_ids: string[];
    period_plan_id: string | null;
    target_ids: string[];
    existing_id: string | null;
    existing_key: string | null;
    by_key_id: string | null;
  }>`
    with recursive chain as (
      select id, parent_id, is_task, plan_id, 0 as depth
      from items where tenant_id = ${tenantId} and id = ${input.itemId}
      union all
      select i.id, i.parent_id, i.is_task, i.plan_id, chain.depth + 1
      from items i join chain on i.tenant_id = ${tenantId} and i.id = chain.parent_id
      where chain.depth < 50
    ), nearest as (
      select c.id from chain c
      where exists (select 1 from assignments a where a.tenant_id = ${tenantId} and a.item_id = c.id)
      order by c.depth limit 1
    ), existing as (
      select r.id, r.idempotency_key from progress_reports r
      where r.tenant_id = ${tenantId} and r.item_id = ${input.itemId}
        and r.unit_id = ${input.unitId} and r.period_id = ${input.periodId}
    )
    select item.plan_id, pl.status as plan_status, pl.review_required, pl.evidence_required,
      pl.bulk_values_accepted,
      item.is_task,
      exists (select 1 from chain c where c.depth > 0 and c.is_task) as under_task,
      array(select a.unit_id::text from assignments a join nearest n on a.item_id = n.id
            where a.tenant_id = ${tenantId}) as unit_ids,
      (select p.plan_id from reporting_periods p
       where p.tenant_id = ${tenantId} and p.id = ${input.periodId}) as period_plan_id,
      array(select t.id::text from targets t
            where t.tenant_id = ${tenantId} and t.item_id = ${input.itemId}) as target_ids,
      (select e.id from existing e) as existing_id,
      (select e.idempotency_key from existing e) as existing_key,
      (select r.id from progress_reports r
       where r.tenant_id = ${tenantId} and r.idempotency_key = ${input.idempotencyKey}) as by_key_id
    from (select 1) as one
    left join chain item on item.depth = 0
    left join plans pl on pl.tenant_id = ${tenantId} and pl.id = item.plan_id`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the report context query returns one row');
  return {
    planId: row.plan_id,
    planStatus: row.plan_status,
    reviewRequired: row.review_required,
    evidenceRequired: row.evidence_required,
    bulkValuesAccepted: row.bulk_values_accepted,
    isTask: row.is_task === true && !row.under_task,
    unitIds: row.unit_ids,
    periodPlanId: row.period_plan_id,
    targetIds: row.target_ids,
    existingId: row.existing_id,
    existingKey: row.existing_key,
    byKeyId: row.by_key_id,
  };
}
