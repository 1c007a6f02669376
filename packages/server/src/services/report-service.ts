import type { ReportDto } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import { sqlState, UNIQUE_VIOLATION } from '../errors/sql-state.js';
import type { ReportRow } from '../db/schema.js';
import { AppError, notFound, stateConflict, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeForUnit, authorizeReport, canSeeReport } from '../policies/reports.js';
import { presentReport } from '../presenters/report-presenter.js';
import { countReportAttachments } from '../repositories/attachment-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findPeriod } from '../repositories/period-repository.js';
import { findPlan } from '../repositories/plan-repository.js';
import {
  findReport,
  findReportByKey,
  insertReport,
  type NewReport,
  listActuals,
  listReports,
  lockReport,
  lockReports,
  replaceActuals,
  reviewReportAtVersion,
  updateReportAtVersion,
  type ReportFilter,
} from '../repositories/report-repository.js';
import { loadNewReportContext } from '../repositories/report-write-context.js';
import { listItemTargets } from '../repositories/target-repository.js';
import type { Deps } from './deps.js';
import { markTasks, statusWrite } from './status-tracking.js';
import { ERRORS, stateName } from '../messaging/error-messages.js';

interface ReportBody {
  percent?: number;
  narrative?: string;
  problems?: string;
  nextSteps?: string;
  actuals?: { targetId: string; value: number; note: string }[];
}

/**
 * What submitting makes of a report under its plan's settings: accepted at once where the plan has review
 * switched off, else submitted for review; refused without evidence where the plan requires it.
 */
function submissionState(
  plan: { reviewRequired: boolean | null; evidenceRequired: boolean | null } | undefined,
  attached: number,
): 'submitted' | 'accepted' {
  if (plan?.evidenceRequired && attached === 0)
    throw new AppError('validation_failed', ERRORS.report.evidenceRequired, {
      field: 'attachments',
      details: [{ field: 'attachments', rule: 'evidence_required', limit: 1 }],
    });
  return plan?.reviewRequired === false ? 'accepted' : 'submitted';
}

/** The state an existing report's submission gives it (its plan's settings; its attachments, if evidence is required). */
async function resubmissionState(
  db: Executor,
  tenantId: string,
  planId: string,
  reportId: string,
): Promise<'submitted' | 'accepted'> {
  const plan = await findPlan(db, tenantId, planId);
  const settings = plan && { reviewRequired: plan.review_required, evidenceRequired: plan.evidence_required };
  const attached = plan?.evidence_required ? await countReportAttachments(db, tenantId, reportId) : 0;
  return submissionState(settings, attached);
}

function checkActuals(allowed: ReadonlySet<string>, actuals: ReportBody['actuals']): void {
  if (!actuals || actuals.length === 0) return;
  const ids = actuals.map((a) => a.targetId);
  if (new Set(ids).size !== ids.length)
    throw new AppError('validation_failed', ERRORS.report.oneActualPerTarget, { field: 'actuals' });
  const stray = actuals.findIndex((a) => !allowed.has(a.targetId));
  if (stray >= 0)
    throw new AppError('validation_failed', ERRORS.report.targetNotTasks, {
      field: `actuals.${stray}.targetId`,
    });
}

async function checkItemActuals(
  db: Executor,
  tenantId: string,
  itemId: string,
  actuals: ReportBody['actuals'],
): Promise<void> {
  if (!actuals || actuals.length === 0) return;
  checkActuals(new Set((await listItemTargets(db, tenantId, itemId)).map((t) => t.id)), actuals);
}

async function present(db: Executor, tenantId: string, report: ReportRow): Promise<ReportDto> {
  return presentReport(report, await listActuals(db, tenantId, [report.id]));
}

type AuditedFields = Pick<ReportRow, 'id' | 'state' | 'percent' | 'narrative' | 'return_reason' | 'version'>;

function auditOf(
  deps: Deps,
  actor: Actor,
  action: string,
  before: AuditedFields | null,
  after: AuditedFields,
) {
  const view = (r: AuditedFields) => ({
    state: r.state,
    percent: r.percent,
    narrative: r.narrative,
    returnReason: r.return_reason,
    version: r.version,
  });
  return {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action,
    entity: 'report',
    entityId: after.id,
    before: before ? view(before) : null,
    after: view(after),
    at: deps.clock.now(),
  };
}

export interface CreateResult {
  report: ReportDto;
  /** False when an earlier request with the same Idempotency-Key already made it. */
  created: boolean;
}

/** A new report's fields: what the report form sends, and what a line of values in bulk makes. */
export type NewReportInput = ReportBody & {
  itemId: string;
  unitId: string;
  periodId: string;
  percent: number;
  submit: boolean;
};

/** The report an earlier request with this Idempotency-Key made, if it was for the same slot. */
async function replayReport(
  db: Executor,
  actor: Actor,
  input: NewReportInput,
  idempotencyKey: string | null,
): Promise<CreateResult | null> {
  if (!idempotencyKey) return null;
  const earlier = await findReportByKey(db, actor.tenantId, idempotencyKey);
  if (!earlier) return null;
  if (
    earlier.item_id !== input.itemId ||
    earlier.unit_id !== input.unitId ||
    earlier.period_id !== input.periodId
  ) {
    throw new AppError('duplicate', ERRORS.report.keyReused, {
      field: 'Idempotency-Key',
    });
  }
  return { report: await present(db, actor.tenantId, earlier), created: false };
}

/**
 * A new report from the report form. A report that leaves its task's status as it was (a draft, or one
 * submitted for review: only accepted figures count) is one statement after the checks, with no transaction:
 * the report, its actuals, its audit entry and the task's change count commit together or not at all. One the
 * plan accepts at once (review switched off) is written in a status transaction that recomputes the task.
 */
export async function createReport(
  deps: Deps,
  actor: Actor,
  input: NewReportInput,
  idempotencyKey: string | null,
): Promise<CreateResult> {
  authorizeReport(actor, 'write');
  authorizeForUnit(actor, input.unitId);
  try {
    const prepared = await prepareNewReport(deps.db, deps, actor, input, idempotencyKey, 'form');
    if ('result' in prepared) return prepared.result;
    if (prepared.report.state === 'accepted')
      return await statusWrite(deps, (trx) => insertNewReport(trx, deps, actor, prepared));
    return await insertNewReport(deps.db, deps, actor, prepared);
  } catch (error) {
    // Two copies of one request raced past the replay check: the loser answers with the winner's report.
    if (sqlState(error) === UNIQUE_VIOLATION) {
      const replayed = await replayReport(deps.db, actor, input, idempotencyKey);
      if (replayed) return replayed;
    }
    throw error;
  }
}

/**
 * The one write path of a new report, inside the caller's statusWrite transaction: the report form writes
 * one; values in bulk (services/bulk-value-service.ts) write many in one transaction, so a bad line leaves
 * none. `via: 'bulk'` differs in one rule only: the plan may accept bulk values at once (bulk_values_accepted).
 */
export async function writeNewReport(
  trx: Executor,
  deps: Deps,
  actor: Actor,
  input: NewReportInput,
  idempotencyKey: string | null,
  via: 'form' | 'bulk',
): Promise<CreateResult> {
  const prepared = await prepareNewReport(trx, deps, actor, input, idempotencyKey, via);
  if ('result' in prepared) return prepared.result;
  return insertNewReport(trx, deps, actor, prepared);
}

/** A new report that passed every check, ready to insert: its fields, actuals, audit action and plan. */
interface PreparedReport {
  report: NewReport;
  actuals: NonNullable<ReportBody['actuals']>;
  action: string;
  planId: string;
}

/**
 * Every check of a new report, in one statement: the report to insert, or the answer already given to an
 * earlier copy of the request (same Idempotency-Key).
 */
async function prepareNewReport(
  db: Executor,
  deps: Deps,
  actor: Actor,
  input: NewReportInput,
  idempotencyKey: string | null,
  via: 'form' | 'bulk',
): Promise<PreparedReport | { result: CreateResult }> {
  authorizeReport(actor, 'write');
  authorizeForUnit(actor, input.unitId);
  // One statement for every check (item, ancestry, plan, assignment, period, targets, existing reports).
  const context = await loadNewReportContext(db, actor.tenantId, { ...input, idempotencyKey });
  if (context.byKeyId) {
    const replayed = await replayReport(db, actor, input, idempotencyKey);
    if (replayed) return { result: replayed };
  }
  if (!context.planId || context.planStatus !== 'published') {
    throw new AppError('validation_failed', ERRORS.report.noSuchTask, { field: 'itemId' });
  }
  if (!context.isTask) throw new AppError('validation_failed', ERRORS.report.notATask, { field: 'itemId' });
  if (!context.unitIds.includes(input.unitId)) throw new AppError('forbidden', ERRORS.report.unitNotAssigned);
  if (context.periodPlanId !== context.planId)
    throw new AppError('validation_failed', ERRORS.report.periodNotInPlan, { field: 'periodId' });
  if (context.existingId) {
    // Committed by a copy of this request since the replay check above (READ COMMITTED sees it now).
    const existing = idempotencyKey && context.existingKey === idempotencyKey;
    if (existing) {
      const report = await findReport(db, actor.tenantId, context.existingId);
      if (report) return { result: { report: await present(db, actor.tenantId, report), created: false } };
    }
    throw new AppError('duplicate', ERRORS.report.alreadyReported, {
      details: { reportId: context.existingId },
    });
  }
  checkActuals(new Set(context.targetIds), input.actuals);
  const submitted = input.submit ? submissionState(context, 0) : 'draft';
  const state =
    submitted === 'submitted' && via === 'bulk' && context.bulkValuesAccepted ? 'accepted' : submitted;
  const action =
    state === 'accepted' ? 'report.submit_accept' : input.submit ? 'report.submit' : 'report.create';
  return {
    report: {
      tenantId: actor.tenantId,
      itemId: input.itemId,
      unitId: input.unitId,
      periodId: input.periodId,
      percent: input.percent,
      narrative: input.narrative ?? '',
      problems: input.problems ?? '',
      nextSteps: input.nextSteps ?? '',
      state,
      reviewedBy: actor.userId,
      idempotencyKey,
      createdBy: actor.userId,
      at: deps.clock.now(),
    },
    actuals: input.actuals ?? [],
    action,
    planId: context.planId,
  };
}

/**
 * Inserts a prepared report in one statement (which also raises its task's change count). An accepted one marks
 * its task for the caller's status transaction.
 */
async function insertNewReport(
  db: Executor,
  deps: Deps,
  actor: Actor,
  prepared: PreparedReport,
): Promise<CreateResult> {
  const { report: newReport, actuals, action, planId } = prepared;
  const report = await insertReport(
    db,
    newReport,
    actuals,
    (id) =>
      auditOf(deps, actor, action, null, {
        id,
        state: newReport.state,
        percent: newReport.percent,
        narrative: newReport.narrative,
        return_reason: null,
        version: 1,
      }),
    planId,
  );
  if (newReport.state === 'accepted') markTasks(db, actor.tenantId, planId, [newReport.itemId]);
  return {
    report: presentReport(
      report,
      actuals.map((a) => ({ ...a, reportId: report.id })),
    ),
    created: true,
  };
}

/** A report's change can alter its task's status (and only its task's): marked for the recompute. */
async function markReportTask(trx: Executor, report: ReportRow): Promise<void> {
  const period = await findPeriod(trx, report.tenant_id, report.period_id);
  if (period) markTasks(trx, report.tenant_id, period.plan_id, [report.item_id]);
}

async function ownReport(db: Executor, actor: Actor, reportId: string): Promise<ReportRow> {
  // Locked: an evidence removal waits for a submission (and the reverse), so "required evidence" holds.
  const report = await lockReport(db, actor.tenantId, reportId);
  if (!report) throw notFound('report');
  authorizeForUnit(actor, report.unit_id);
  return report;
}

export async function updateReport(
  deps: Deps,
  actor: Actor,
  reportId: string,
  input: ReportBody & { version: number },
): Promise<ReportDto> {
  authorizeReport(actor, 'write');
  return statusWrite(deps, async (trx) => {
    const before = await ownReport(trx, actor, reportId);
    if (before.state !== 'draft' && before.state !== 'returned')
      throw stateConflict(ERRORS.report.notEditable(stateName(before.state)));
    await checkItemActuals(trx, actor.tenantId, before.item_id, input.actuals);
    const after = await updateReportAtVersion(trx, actor.tenantId, reportId, input.version, {
      ...(input.percent !== undefined ? { percent: input.percent } : {}),
      ...(input.narrative !== undefined ? { narrative: input.narrative } : {}),
      ...(input.problems !== undefined ? { problems: input.problems } : {}),
      ...(input.nextSteps !== undefined ? { next_steps: input.nextSteps } : {}),
      updated_at: deps.clock.now(),
    });
    if (!after) throw versionConflict('report');
    if (input.actuals) await replaceActuals(trx, actor.tenantId, reportId, input.actuals);
    await markReportTask(trx, after);
    await appendAudit(trx, auditOf(deps, actor, 'report.update', before, after));
    return present(trx, actor.tenantId, after);
  });
}

export async function submitReport(
  deps: Deps,
  actor: Actor,
  reportId: string,
  version: number,
  idempotencyKey: string | null,
): Promise<ReportDto> {
  authorizeReport(actor, 'write');
  return statusWrite(deps, async (trx) => {
    const before = await ownReport(trx, actor, reportId);
    // A retry of a submission that went through answers with the report as it is now.
    if (idempotencyKey && before.idempotency_key === idempotencyKey && before.state !== 'draft')
      return present(trx, actor.tenantId, before);
    if (before.state !== 'draft' && before.state !== 'returned')
      throw stateConflict(ERRORS.report.notSubmittable(stateName(before.state)));
    if (idempotencyKey) {
      const holder = await findReportByKey(trx, actor.tenantId, idempotencyKey);
      if (holder && holder.id !== reportId) {
        throw new AppError('duplicate', ERRORS.report.keyReused, {
          field: 'Idempotency-Key',
        });
      }
      // Committed by a copy of this request since `before` was read.
      if (holder && holder.state !== 'draft' && holder.state !== 'returned')
        return present(trx, actor.tenantId, holder);
    }
    const period = await findPeriod(trx, actor.tenantId, before.period_id);
    const state = period
      ? await resubmissionState(trx, actor.tenantId, period.plan_id, reportId)
      : 'submitted';
    const now = deps.clock.now();
    const after = await updateReportAtVersion(trx, actor.tenantId, reportId, version, {
      state,
      submitted_at: now,
      ...(state === 'accepted' ? { reviewed_by: actor.userId, reviewed_at: now } : {}),
      updated_at: now,
      ...(idempotencyKey ? { idempotency_key: idempotencyKey } : {}),
    });
    if (!after) {
      // A copy of this submission may have won the race; it answers with the same report.
      const current = await findReport(trx, actor.tenantId, reportId);
      if (idempotencyKey && current?.idempotency_key === idempotencyKey)
        return present(trx, actor.tenantId, current);
      throw versionConflict('report');
    }
    await markReportTask(trx, after);
    await appendAudit(
      trx,
      auditOf(deps, actor, state === 'accepted' ? 'report.submit_accept' : 'report.submit', before, after),
    );
    return present(trx, actor.tenantId, after);
  });
}

async function review(
  deps: Deps,
  actor: Actor,
  reportId: string,
  version: number,
  outcome: { state: 'returned'; reason: string; noSubstance: boolean } | { state: 'accepted' },
): Promise<ReportDto> {
  authorizeReport(actor, 'review');
  return statusWrite(deps, async (trx) => {
    const reviewed = await reviewReportAtVersion(trx, actor.tenantId, reportId, version, {
      state: outcome.state,
      returnReason: outcome.state === 'returned' ? outcome.reason : null,
      noSubstance: outcome.state === 'returned' && outcome.noSubstance,
      reviewedBy: actor.userId,
      at: deps.clock.now(),
    });
    if (!reviewed) {
      // Nothing changed: say why, in the order a reader would find it.
      const current = await findReport(trx, actor.tenantId, reportId);
      if (!current) throw notFound('report');
      if (current.state !== 'submitted')
        throw stateConflict(ERRORS.report.notReviewable(stateName(current.state)));
      throw versionConflict('report');
    }
    const { after, before, planId, actuals } = reviewed;
    markTasks(trx, actor.tenantId, planId, [after.item_id]);
    await appendAudit(
      trx,
      auditOf(deps, actor, outcome.state === 'returned' ? 'report.return' : 'report.accept', before, after),
    );
    return presentReport(after, actuals);
  });
}

export const returnReport = (
  deps: Deps,
  actor: Actor,
  reportId: string,
  version: number,
  reason: string,
  noSubstance = false,
): Promise<ReportDto> => review(deps, actor, reportId, version, { state: 'returned', reason, noSubstance });

export const acceptReport = (
  deps: Deps,
  actor: Actor,
  reportId: string,
  version: number,
): Promise<ReportDto> => review(deps, actor, reportId, version, { state: 'accepted' });

/** Why a report in a batch could not be accepted as the reviewer saw it. */
export interface StaleReport {
  id: string;
  reason: 'state' | 'version';
  state?: ReportRow['state'];
  version?: number;
}

/**
 * Accepts several submitted reports in one transaction: all or nothing. Every report must still be submitted
 * and at the version the reviewer saw; otherwise nothing is accepted and the 409 lists the stale ones.
 */
export async function acceptReports(
  deps: Deps,
  actor: Actor,
  refs: readonly { id: string; version: number }[],
): Promise<{ reports: ReportDto[] }> {
  authorizeReport(actor, 'review');
  const ids = refs.map((r) => r.id);
  if (new Set(ids).size !== ids.length)
    throw new AppError('validation_failed', ERRORS.report.onceEach, { field: 'reports' });
  return statusWrite(deps, async (trx) => {
    const rows = await lockReports(trx, actor.tenantId, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (rows.length !== ids.length) throw notFound('report');
    const stale: StaleReport[] = refs.flatMap((ref): StaleReport[] => {
      const row = byId.get(ref.id);
      if (!row) return [];
      if (row.state !== 'submitted')
        return [{ id: ref.id, reason: 'state', state: row.state, version: row.version }];
      if (row.version !== ref.version) return [{ id: ref.id, reason: 'version', version: row.version }];
      return [];
    });
    if (stale.length > 0)
      throw new AppError('version_conflict', ERRORS.report.staleBatch(stale.length, refs.length), {
        field: 'reports',
        details: { stale },
      });
    const now = deps.clock.now();
    const accepted: ReportRow[] = [];
    for (const ref of refs) {
      const after = await updateReportAtVersion(trx, actor.tenantId, ref.id, ref.version, {
        state: 'accepted',
        return_reason: null,
        reviewed_by: actor.userId,
        reviewed_at: now,
        updated_at: now,
      });
      // The rows are locked, so this cannot miss; if it does, the transaction rolls back whole.
      if (!after) throw versionConflict('report');
      await markReportTask(trx, after);
      accepted.push(after);
    }
    await appendAudit(
      trx,
      accepted.map((after) => {
        const before = byId.get(after.id) ?? after;
        return auditOf(deps, actor, 'report.accept', before, after);
      }),
    );
    const actuals = await listActuals(trx, actor.tenantId, ids);
    return { reports: accepted.map((r) => presentReport(r, actuals)) };
  });
}

export async function getReport(deps: Deps, actor: Actor, reportId: string): Promise<ReportDto> {
  authorizeReport(actor, 'read');
  const report = await findReport(deps.db, actor.tenantId, reportId);
  if (!report || !canSeeReport(actor, report)) throw notFound('report');
  return present(deps.db, actor.tenantId, report);
}

export async function findReports(
  deps: Deps,
  actor: Actor,
  filter: ReportFilter,
): Promise<{ reports: ReportDto[] }> {
  authorizeReport(actor, 'read');
  const rows = (await listReports(deps.db, actor.tenantId, filter)).filter((r) => canSeeReport(actor, r));
  const actuals = await listActuals(
    deps.db,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  return { reports: rows.map((r) => presentReport(r, actuals)) };
}
