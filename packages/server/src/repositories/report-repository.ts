import type { Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ProgressReportTable, ReportRow } from '../db/schema.js';

export async function countReportsForItems(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<number> {
  if (itemIds.length === 0) return 0;
  const row = await db
    .selectFrom('progress_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('item_id', 'in', itemIds)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface NewReport {
  tenantId: string;
  itemId: string;
  unitId: string;
  periodId: string;
  percent: number;
  narrative: string;
  problems: string;
  nextSteps: string;
  state: 'draft' | 'submitted' | 'accepted';
  /** Who accepted it, when the plan has review switched off (submitting is accepting). */
  reviewedBy?: string | null;
  idempotencyKey: string | null;
  createdBy: string;
  at: Date;
}

export function insertReport(db: Executor, r: NewReport): Promise<ReportRow> {
  return db
    .insertInto('progress_reports')
    .values({
      tenant_id: r.tenantId,
      item_id: r.itemId,
      unit_id: r.unitId,
      period_id: r.periodId,
      percent: r.percent,
      narrative: r.narrative,
      problems: r.problems,
      next_steps: r.nextSteps,
      state: r.state,
      return_reason: null,
      idempotency_key: r.idempotencyKey,
      created_by: r.createdBy,
      created_at: r.at,
      updated_at: r.at,
      submitted_at: r.state === 'draft' ? null : r.at,
      reviewed_by: r.state === 'accepted' ? (r.reviewedBy ?? null) : null,
      reviewed_at: r.state === 'accepted' ? r.at : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findReport(db: Executor, tenantId: string, reportId: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** The report, its row locked until the transaction ends (a submission and an evidence change wait for each other). */
export function lockReport(db: Executor, tenantId: string, reportId: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
}

/** Several reports by id, their rows locked in id order (so two batches over the same reports never deadlock). */
export function lockReports(
  db: Executor,
  tenantId: string,
  reportIds: readonly string[],
): Promise<ReportRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...reportIds])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function findReportByKey(db: Executor, tenantId: string, key: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function findReportFor(
  db: Executor,
  tenantId: string,
  itemId: string,
  unitId: string,
  periodId: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .where('unit_id', '=', unitId)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
}

export function updateReportAtVersion(
  db: Executor,
  tenantId: string,
  reportId: string,
  version: number,
  changes: Updateable<ProgressReportTable>,
): Promise<ReportRow | undefined> {
  return db
    .updateTable('progress_reports')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', reportId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface ReportFilter {
  planId?: string;
  itemId?: string;
  unitId?: string;
  periodId?: string;
  state?: ReportRow['state'];
}

export function listReports(db: Executor, tenantId: string, filter: ReportFilter): Promise<ReportRow[]> {
  let q = db
    .selectFrom('progress_reports')
    .innerJoin('items', (j) =>
      j
        .onRef('items.tenant_id', '=', 'progress_reports.tenant_id')
        .onRef('items.id', '=', 'progress_reports.item_id'),
    )
    .selectAll('progress_reports')
    .where('progress_reports.tenant_id', '=', tenantId);
  if (filter.planId) q = q.where('items.plan_id', '=', filter.planId);
  if (filter.itemId) q = q.where('progress_reports.item_id', '=', filter.itemId);
  if (filter.unitId) q = q.where('progress_reports.unit_id', '=', filter.unitId);
  if (filter.periodId) q = q.where('progress_reports.period_id', '=', filter.periodId);
  if (filter.state) q = q.where('progress_reports.state', '=', filter.state);
  return q.orderBy('progress_reports.created_at').orderBy('progress_reports.id').execute();
}

export interface ActualRecord {
  reportId: string;
  targetId: string;
  value: number;
  note: string;
}

export async function replaceActuals(
  db: Executor,
  tenantId: string,
  reportId: string,
  actuals: readonly Omit<ActualRecord, 'reportId'>[],
): Promise<void> {
  await db
    .deleteFrom('target_actuals')
    .where('tenant_id', '=', tenantId)
    .where('report_id', '=', reportId)
    .execute();
  if (actuals.length === 0) return;
  await db
    .insertInto('target_actuals')
    .values(
      actuals.map((a) => ({
        tenant_id: tenantId,
        report_id: reportId,
        target_id: a.targetId,
        value: a.value,
        note: a.note,
      })),
    )
    .execute();
}

export async function listActuals(
  db: Executor,
  tenantId: string,
  reportIds: readonly string[],
): Promise<ActualRecord[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('target_actuals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('report_id', 'in', reportIds)
    .execute();
  return rows.map((r) => ({ reportId: r.report_id, targetId: r.target_id, value: r.value, note: r.note }));
}
