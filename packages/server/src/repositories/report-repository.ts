import { randomUUID } from 'node:crypto';
import { sql, type Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ProgressReportTable, ReportRow } from '../db/schema.js';
import { auditRow, type AuditEntry } from './audit-repository.js';

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

/**
 * Inserts a report, its actuals and its audit entry in one statement (the actuals and the entry as
 * data-modifying CTEs): the report's id is chosen here so all three can name it. `audit` is given the id.
 * The same statement raises the task's `change_count` (the summary's ETag counts reports awaiting review), so a
 * report that leaves the task's status as it was needs no transaction and no recompute.
 */
export function insertReport(
  db: Executor,
  r: NewReport,
  actuals: readonly Omit<ActualRecord, 'reportId'>[],
  audit: (reportId: string) => AuditEntry,
  planId: string,
): Promise<ReportRow> {
  const id = randomUUID();
  const statement = db
    .with('audit', (qb) => qb.insertInto('audit_log').values(auditRow(audit(id))))
    .with('touched', (qb) =>
      qb
        .updateTable('task_status')
        .set((eb) => ({ change_count: eb('change_count', '+', 1) }))
        .where('tenant_id', '=', r.tenantId)
        .where('plan_id', '=', planId)
        .where('item_id', '=', r.itemId),
    )
    // From arrays, so no actuals insert nothing in the same statement.
    .with('actuals', (qb) =>
      qb
        .insertInto('target_actuals')
        .columns(['tenant_id', 'report_id', 'target_id', 'value', 'note'])
        .expression(
          sql`select ${r.tenantId}::uuid, ${id}::uuid, a.target_id, a.value, a.note
              from unnest(${actuals.map((a) => a.targetId)}::uuid[], ${actuals.map((a) => a.value)}::numeric[],
                          ${actuals.map((a) => a.note)}::text[]) as a(target_id, value, note)`,
        ),
    );
  return statement
    .insertInto('progress_reports')
    .values({
      id,
      version: 1,
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

/** A reviewed report as it is now, with what the audit entry needs of it before, its plan and its actuals. */
export interface ReviewedReport {
  after: ReportRow;
  before: Pick<ReportRow, 'id' | 'state' | 'percent' | 'narrative' | 'return_reason' | 'version'>;
  planId: string;
  actuals: ActualRecord[];
}

/**
 * Accepts or returns a submitted report at the version the reviewer saw, in one statement that also reads
 * the row as it was (for the audit entry), its period's plan and its actuals. Undefined when the report is
 * missing, no longer submitted, or at another version (the caller reads it again to say which).
 */
export async function reviewReportAtVersion(
  db: Executor,
  tenantId: string,
  reportId: string,
  version: number,
  review: {
    state: 'accepted' | 'returned';
    returnReason: string | null;
    /** Returned as without substance: stamps no_substance_at (kept once set). */
    noSubstance?: boolean;
    reviewedBy: string;
    at: Date;
  },
): Promise<ReviewedReport | undefined> {
  const { rows } = await sql<
    ReportRow & {
      old_state: ReportRow['state'];
      old_percent: number;
      old_narrative: string;
      old_return_reason: string | null;
      old_version: number;
      plan_id: string;
      actuals: { targetId: string; value: number; note: string }[];
    }
  >`
    update progress_reports r
    set state = ${review.state}, return_reason = ${review.returnReason}, reviewed_by = ${review.reviewedBy},
        reviewed_at = ${review.at}, updated_at = ${review.at}, version = r.version + 1,
        no_substance_at = case when ${review.noSubstance === true} then ${review.at}::timestamptz
                          else r.no_substance_at end
    from progress_reports old
    join reporting_periods p on p.tenant_id = old.tenant_id and p.id = old.period_id
    where r.tenant_id = ${tenantId} and r.id = ${reportId} and r.version = ${version} and r.state = 'submitted'
      and old.tenant_id = r.tenant_id and old.id = r.id
    returning r.*, old.state as old_state, old.percent as old_percent, old.narrative as old_narrative,
      old.return_reason as old_return_reason, old.version as old_version, p.plan_id,
      (select coalesce(json_agg(json_build_object('targetId', a.target_id, 'value', a.value, 'note', a.note)), '[]')
       from target_actuals a where a.tenant_id = r.tenant_id and a.report_id = r.id) as actuals`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const {
    old_state,
    old_percent,
    old_narrative,
    old_return_reason,
    old_version,
    plan_id,
    actuals,
    ...after
  } = row;
  return {
    after,
    before: {
      id: after.id,
      state: old_state,
      percent: old_percent,
      narrative: old_narrative,
      return_reason: old_return_reason,
      version: old_version,
    },
    planId: plan_id,
    actuals: actuals.map((a) => ({ reportId: after.id, ...a })),
  };
}
