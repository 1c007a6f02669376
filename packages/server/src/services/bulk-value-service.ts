import { createHash } from 'node:crypto';
import { BULK_VALUE_LIMITS, type BulkPreview, type BulkResult, type PushValuesRequest } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import type { PeriodRow, ReportRow, TargetRow } from '../db/schema.js';
import {
  checkLines,
  groupReports,
  isEmptyLine,
  offeredKey,
  pushPlace,
  sheetPlace,
  type CheckedLine,
  type OfferedLine,
  type Place,
  type RawLine,
} from '../domain/bulk-values.js';
import { effectiveAssignments, reportingUnitIds, taskNodes } from '../domain/plan-tree.js';
import { readValueSheet, writeValueTemplate } from '../documents/value-sheet.js';
import { AppError, notFound } from '../errors/app-error.js';
import { sqlState, UNIQUE_VIOLATION } from '../errors/sql-state.js';
import type { Actor } from '../policies/actor.js';
import { authorizeValues } from '../policies/values.js';
import { presentBulkLine } from '../presenters/value-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findPeriod, listPeriods } from '../repositories/period-repository.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import { listActuals, listReports } from '../repositories/report-repository.js';
import type { Deps } from './deps.js';
import { loadPlanParts, visiblePlan } from './plan-loader.js';
import { writeNewReport } from './report-service.js';
import { statusWrite } from './status-tracking.js';

/**
 * Values in bulk (issue 10, part 4): a period's sheet (template, preview, upload) and a push by another
 * system. Every line is checked (domain/bulk-values.ts) and each task and unit becomes one report written by
 * the report write path (writeNewReport), all in one transaction: a bad line leaves nothing. The reports
 * enter review like any other unless the plan accepts bulk values directly.
 */

/** An uploaded file, as the route read it. */
interface Upload {
  fileName: string;
  bytes: Buffer;
}

const STATE_NAMES: Record<ReportRow['state'], string> = {
  draft: '草稿',
  submitted: '待审核',
  accepted: '已采纳',
  returned: '已退回',
};

interface Catalogue {
  plan: PlanHeader;
  period: PeriodRow;
  lines: OfferedLine[];
  offered: Map<string, OfferedLine>;
  /** This period's reports, by task and unit. */
  existing: Map<string, ReportRow>;
}

function targetText(t: TargetRow): string {
  if (t.text) return t.text;
  const amount = t.op === 'range' ? `${String(t.lo)}–${String(t.hi)}` : String(t.value ?? '');
  return `${t.metric} ${t.op} ${amount}${t.unit}`;
}

/** What the period offers the actor: a line per target (or the progress alone) of each task its units report. */
async function loadCatalogue(
  db: Executor,
  actor: Actor,
  planId: string,
  periodId: string,
): Promise<Catalogue> {
  authorizeValues(actor);
  const plan = await visiblePlan(db, actor, planId);
  const period = await findPeriod(db, actor.tenantId, periodId);
  if (period?.plan_id !== planId) throw notFound('period');
  if (plan.status !== 'published') throw new AppError('state_conflict', '只有已发布的计划可以批量填报');
  const [parts, reports, periods] = await Promise.all([
    loadPlanParts(db, plan),
    listReports(db, actor.tenantId, { planId }),
    listPeriods(db, actor.tenantId, planId),
  ]);
  const accepted = reports.filter((r) => r.state === 'accepted');
  const actuals = await listActuals(
    db,
    actor.tenantId,
    accepted.map((r) => r.id),
  );
  const endsOn = new Map(periods.map((p) => [p.id, p.ends_on]));
  const reportById = new Map(accepted.map((r) => [r.id, r]));
  // The latest accepted value of each target from each unit (by the period it reports on).
  const latest = new Map<string, { endsOn: string; value: number }>();
  for (const a of actuals) {
    const report = reportById.get(a.reportId);
    if (!report) continue;
    const key = `${a.targetId}|${report.unit_id}`;
    const at = endsOn.get(report.period_id) ?? '';
    const seen = latest.get(key);
    if (!seen || seen.endsOn < at) latest.set(key, { endsOn: at, value: a.value });
  }
  const effective = effectiveAssignments(parts.tree, parts.assignments);
  const unitName = new Map(parts.units.map((u) => [u.id, u.name]));
  const lines: OfferedLine[] = [];
  const progressOnly: OfferedLine[] = [];
  for (const task of taskNodes(parts.tree)) {
    const units = reportingUnitIds(effective.get(task.item.id)?.assignments ?? []).filter((u) =>
      actor.unitIds.includes(u),
    );
    const targets = parts.targets
      .filter((t) => t.item_id === task.item.id)
      .sort((a, b) => a.position - b.position);
    for (const unitId of units) {
      const base = {
        itemId: task.item.id,
        unitId,
        taskNumber: task.item.number,
        taskTitle: task.item.title,
        unitName: unitName.get(unitId) ?? '',
      };
      const progress = { ...base, targetId: null, metric: '', targetText: '', oldValue: null };
      // A task's progress alone may always be given (a push without figures); the sheet offers the line
      // only for a task without targets.
      progressOnly.push(progress);
      if (targets.length === 0) lines.push(progress);
      for (const t of targets)
        lines.push({
          ...base,
          targetId: t.id,
          metric: t.metric,
          targetText: targetText(t),
          oldValue: latest.get(`${t.id}|${unitId}`)?.value ?? null,
        });
    }
  }
  const existing = new Map(
    reports.filter((r) => r.period_id === periodId).map((r) => [`${r.item_id}|${r.unit_id}`, r]),
  );
  return {
    plan,
    period,
    lines,
    offered: new Map([...progressOnly, ...lines].map((l) => [offeredKey(l.itemId, l.unitId, l.targetId), l])),
    existing,
  };
}

/** The Idempotency-Key of one task and unit's report from one source (a file's hash, a push's key). */
function groupKey(source: string | null, itemId: string, unitId: string): string | null {
  if (!source) return null;
  return `bulk-${createHash('sha256').update(`${source}|${itemId}|${unitId}`).digest('hex')}`;
}

interface Checked {
  lines: CheckedLine[];
  groups: ReturnType<typeof groupReports>;
  errors: string[];
}

/** The lines checked, then each against the period's existing reports (a replay of this source passes). */
function check(catalogue: Catalogue, raw: readonly RawLine[], place: Place, source: string | null): Checked {
  const kept = raw.filter((line) => !isEmptyLine(line));
  if (kept.length > BULK_VALUE_LIMITS.maxRows)
    throw new AppError(
      'validation_failed',
      `一次最多填报${String(BULK_VALUE_LIMITS.maxRows)}行，本次${String(kept.length)}行`,
      {
        field: 'file',
        details: [{ field: 'file', rule: 'too_many_rows', limit: BULK_VALUE_LIMITS.maxRows }],
      },
    );
  const lines = checkLines(kept, catalogue.offered, place);
  for (const line of lines) {
    const o = line.offered;
    if (!o) continue;
    const report = catalogue.existing.get(`${o.itemId}|${o.unitId}`);
    if (report && report.idempotency_key !== groupKey(source, o.itemId, o.unitId))
      line.errors.push(
        `${place(line.row, 'itemId')}：该单位本期已有此任务的报告（${STATE_NAMES[report.state]}），请在报告页修改`,
      );
  }
  return { lines, groups: groupReports(lines), errors: lines.flatMap((l) => l.errors) };
}

function checkUpload(upload: Upload): void {
  if (upload.bytes.length > BULK_VALUE_LIMITS.maxBytes)
    throw new AppError(
      'payload_too_large',
      `文件不超过${String(BULK_VALUE_LIMITS.maxBytes / 1024 / 1024)}MB`,
      { field: 'file', details: [{ field: 'file', rule: 'too_large', limit: BULK_VALUE_LIMITS.maxBytes }] },
    );
}

async function readUpload(upload: Upload): Promise<RawLine[]> {
  checkUpload(upload);
  try {
    return await readValueSheet(upload.bytes);
  } catch {
    throw new AppError('validation_failed', '无法读取文件：请上传本期模板（.xlsx）或CSV文件', {
      field: 'file',
    });
  }
}

const fileSource = (upload: Upload): string =>
  `file:${createHash('sha256').update(upload.bytes).digest('hex')}`;

export async function valueTemplate(deps: Deps, actor: Actor, planId: string, periodId: string) {
  const catalogue = await loadCatalogue(deps.db, actor, planId, periodId);
  const bytes = await writeValueTemplate({
    planTitle: catalogue.plan.title,
    periodLabel: catalogue.period.label,
    lines: catalogue.lines,
  });
  return { fileName: `${catalogue.plan.title}-${catalogue.period.label}-填报模板.xlsx`, bytes };
}

export async function previewValues(
  deps: Deps,
  actor: Actor,
  planId: string,
  periodId: string,
  upload: Upload,
): Promise<BulkPreview> {
  const raw = await readUpload(upload);
  const catalogue = await loadCatalogue(deps.db, actor, planId, periodId);
  const checked = check(catalogue, raw, sheetPlace, fileSource(upload));
  return {
    lines: checked.lines.map(presentBulkLine),
    reports: checked.groups.length,
    valid: checked.errors.length === 0 && checked.lines.length > 0,
    acceptedDirectly: catalogue.plan.bulk_values_accepted,
  };
}

/** Writes every group in one transaction; a bad line (or a write the report path refuses) leaves nothing. */
async function apply(
  deps: Deps,
  actor: Actor,
  planId: string,
  periodId: string,
  raw: readonly RawLine[],
  place: Place,
  source: string | null,
  audit: { action: string; detail: Record<string, unknown> },
): Promise<BulkResult> {
  const catalogue = await loadCatalogue(deps.db, actor, planId, periodId);
  const checked = check(catalogue, raw, place, source);
  if (checked.errors.length > 0)
    throw new AppError(
      'validation_failed',
      `${String(checked.errors.length)}处错误，未写入任何数据。${checked.errors.slice(0, 3).join('；')}`,
      { field: 'file', details: { errors: checked.errors } },
    );
  if (checked.groups.length === 0)
    throw new AppError('validation_failed', '没有可写入的数据：请在“本期实际值”或“进度（%）”中填写', {
      field: 'file',
    });
  return statusWrite(deps, async (trx) => {
    let created = 0;
    const ids: string[] = [];
    let state: BulkResult['state'] = 'submitted';
    for (const group of checked.groups) {
      const input = {
        itemId: group.itemId,
        unitId: group.unitId,
        periodId,
        percent: group.percent,
        narrative: group.narrative,
        actuals: group.actuals,
        submit: true,
      };
      try {
        const result = await writeNewReport(
          trx,
          deps,
          actor,
          input,
          groupKey(source, group.itemId, group.unitId),
          'bulk',
        );
        if (result.created) created++;
        ids.push(result.report.id);
        if (result.report.state === 'accepted') state = 'accepted';
      } catch (error) {
        // Name the lines the refused report came from; the transaction rolls back whole.
        if (error instanceof AppError && error.code !== 'forbidden')
          throw new AppError(
            error.code,
            `${place(group.rows[0] ?? 0, 'itemId')}：${error.message}；未写入任何数据`,
            {
              field: 'file',
              details: { rows: group.rows },
            },
          );
        throw error;
      }
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: audit.action,
      entity: 'period',
      entityId: periodId,
      after: { ...audit.detail, planId, created, replayed: ids.length - created, reportIds: ids },
      at: deps.clock.now(),
    });
    return {
      created,
      replayed: ids.length - created,
      values: checked.groups.reduce((n, g) => n + g.actuals.length, 0),
      state,
      reportIds: ids,
    };
  });
}

/** Retried once when a copy of the same upload or push committed first: the retry answers as a replay. */
async function once(work: () => Promise<BulkResult>): Promise<BulkResult> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return work();
    throw error;
  }
}

export function uploadValues(
  deps: Deps,
  actor: Actor,
  planId: string,
  periodId: string,
  upload: Upload,
): Promise<BulkResult> {
  return once(async () => {
    const raw = await readUpload(upload);
    const source = fileSource(upload);
    return apply(deps, actor, planId, periodId, raw, sheetPlace, source, {
      action: 'values.upload',
      detail: { fileName: upload.fileName, sha256: source.slice('file:'.length) },
    });
  });
}

export function pushValues(
  deps: Deps,
  actor: Actor,
  body: PushValuesRequest,
  idempotencyKey: string | null,
  via: { tokenId: string | null },
): Promise<BulkResult> {
  const raw: RawLine[] = body.values.map((v, i) => ({
    row: i + 1,
    itemId: v.itemId,
    unitId: v.unitId,
    targetId: v.targetId ?? null,
    value: v.value ?? null,
    percent: v.percent,
    note: v.note ?? null,
  }));
  return once(() =>
    apply(
      deps,
      actor,
      body.planId,
      body.periodId,
      raw,
      pushPlace,
      idempotencyKey && `push:${idempotencyKey}`,
      {
        action: 'values.push',
        detail: { tokenId: via.tokenId, idempotencyKey },
      },
    ),
  );
}
