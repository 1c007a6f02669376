import type { Executor } from '../db/database.js';
import type { PeriodRow } from '../db/schema.js';
import type { PeriodSpec } from '../domain/periods.js';

export async function insertPeriods(
  db: Executor,
  tenantId: string,
  planId: string,
  specs: readonly PeriodSpec[],
): Promise<void> {
  if (specs.length === 0) return;
  await db
    .insertInto('reporting_periods')
    .values(
      specs.map((s) => ({
        tenant_id: tenantId,
        plan_id: planId,
        kind: s.kind,
        label: s.label,
        starts_on: s.startsOn,
        ends_on: s.endsOn,
        due_on: s.dueOn,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'plan_id', 'kind', 'starts_on']).doNothing())
    .execute();
}

export function listPeriods(db: Executor, tenantId: string, planId: string): Promise<PeriodRow[]> {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('starts_on')
    .orderBy('kind')
    .execute();
}

export function findPeriod(db: Executor, tenantId: string, periodId: string): Promise<PeriodRow | undefined> {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', periodId)
    .executeTakeFirst();
}

export function updatePeriodRow(
  db: Executor,
  tenantId: string,
  periodId: string,
  changes: { due_on: string; label?: string },
) {
  return db
    .updateTable('reporting_periods')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', periodId)
    .returningAll()
    .executeTakeFirst();
}

/** The periods of several plans in one statement, in each plan's order. */
export function listPeriodsOfPlans(
  db: Executor,
  tenantId: string,
  planIds: readonly string[],
): Promise<PeriodRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('starts_on')
    .orderBy('kind')
    .execute();
}
