import { TASK_STATUSES, type TaskDto, type TaskStatus } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import {
  renderBulletin,
  type BulletinDoc,
  type CompletionRow,
  type TargetRow,
} from '../documents/bulletin.js';
import { DOCUMENT_WORDS } from '../documents/document-wording.js';
import { rankUnitReporting } from '../domain/period-reporting.js';
import { targetAmount } from '../domain/progress-sheet.js';
import { notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizePlan } from '../policies/plans.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findPeriod } from '../repositories/period-repository.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import { listSupervisionNoticesForBulletin } from '../repositories/supervision-notice-source.js';
import { findTenantName } from '../repositories/tenant-repository.js';
import { listUnits } from '../repositories/unit-repository.js';
import { planAttainment } from './attainment-service.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { planSummary, type PlanSummary } from './summary-service.js';
import { loadTaskBoard, type TaskBoard } from './task-board.js';

const words = DOCUMENT_WORDS.bulletin;
/** A short table: the 通报 lists this many targets at most (those with accepted figures first). */
const MAX_TARGETS = 15;

const countsOf = (tasks: readonly TaskDto[]): Record<TaskStatus, number> => {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const t of tasks) counts[t.status] += 1;
  return counts;
};

/** Sections and lead units: the summary's figures, with each row's tasks counted by status. */
function completionRows(
  summary: PlanSummary,
  board: TaskBoard,
): { bySection: CompletionRow[]; byUnit: CompletionRow[] } {
  const bySection = summary.bySection.map((s) => ({
    name: s.number ? `${s.number}、${s.title}` : s.title,
    tasks: s.tasks,
    counts: countsOf(board.tasks.filter((t) => t.sectionId === s.sectionId)),
    averagePercent: s.averagePercent,
  }));
  const byUnit = summary.byUnit.map((u) => ({
    name: u.name,
    tasks: u.tasks,
    counts: countsOf(board.tasks.filter((t) => t.reportingUnits.some((r) => r.id === u.unitId))),
    averagePercent: u.averagePercent,
  }));
  return { bySection, byUnit };
}

async function targetRows(deps: Deps, plan: PlanHeader): Promise<TargetRow[]> {
  const attainment = await planAttainment(deps.db, plan);
  const rows = attainment.targets.map((t) => {
    const latest = t.series.at(-1);
    return {
      metric: t.metric,
      goal: targetAmount(t),
      actual: latest ? `${String(latest.value)}${t.unit}（${latest.label}）` : null,
      attainment: t.attainment,
    };
  });
  // Stable: plan order within each group.
  return [...rows.filter((r) => r.actual !== null), ...rows.filter((r) => r.actual === null)].slice(
    0,
    MAX_TARGETS,
  );
}

/** 委机关各科室，委直属各单位，各县（市、区）卫生健康局： — from the kinds of unit the commission has. */
function addressees(kinds: readonly string[]): string {
  const order = Object.keys(words.addressees);
  const named = order.filter((k) => kinds.includes(k)).map((k) => words.addressees[k] ?? '');
  return `${named.join('，')}：`;
}

/**
 * The period's 通报 (.docx) from live data: the plan summary (the dashboard's figures), its task board (status
 * per section and unit, reasons, the latest accepted 存在问题), the target attainment, the period's reports (the
 * ranking) and the 督办 notices issued or closed in it. Recorded in the audit log as an export.
 */
export async function exportBulletin(
  deps: Deps,
  actor: Actor,
  planId: string,
  options: { periodId: string; docNumber?: string | undefined },
): Promise<{ fileName: string; bytes: Buffer; mediaType: string }> {
  authorizePlan(actor, 'bulletin');
  const plan = await visiblePlan(deps.db, actor, planId);
  const period = await findPeriod(deps.db, actor.tenantId, options.periodId);
  if (period?.plan_id !== plan.id) throw notFound('period');
  const now = deps.clock.now();
  const [summary, board, targets, organName, units, notices] = await Promise.all([
    planSummary(deps, actor, plan.id),
    loadTaskBoard(deps.db, plan, now),
    targetRows(deps, plan),
    findTenantName(deps.db, actor.tenantId),
    listUnits(deps.db, actor.tenantId),
    listSupervisionNoticesForBulletin(deps.db, actor.tenantId, plan.id, {
      startsOn: period.starts_on,
      endsOn: period.ends_on,
    }),
  ]);
  const ranking = rankUnitReporting(
    board.tasks,
    board.reports
      .filter((r) => r.period_id === period.id)
      .map((r) => ({
        itemId: r.item_id,
        unitId: r.unit_id,
        state: r.state,
        submittedOn: r.submitted_at ? localDate(r.submitted_at) : null,
      })),
    period.due_on,
  );
  // The period without the plan's year when the title already says it: 2026年全市…要点 + 3月.
  const periodShort = plan.title.includes(`${String(plan.year)}年`)
    ? period.label.replace(`${String(plan.year)}年`, '')
    : period.label;
  const title = words.title(plan.title, periodShort);
  const { bySection, byUnit } = completionRows(summary, board);
  const doc: BulletinDoc = {
    organName: organName ?? '',
    documentNumber: options.docNumber ?? words.blankNumber(plan.year),
    title,
    addressees: addressees([...new Set(units.map((u) => u.kind))]),
    planTitle: plan.title,
    periodLabel: period.label,
    asOf: localDate(now),
    overall: {
      tasks: summary.overall.tasks,
      done: summary.overall.done,
      completion: summary.overall.completion,
      averagePercent: summary.overall.averagePercent,
      counts: summary.statusCounts,
    },
    bySection,
    byUnit,
    reporting: {
      owed: ranking.reduce((sum, u) => sum + u.owed, 0),
      onTime: ranking.reduce((sum, u) => sum + u.onTime, 0),
      accepted: ranking.reduce((sum, u) => sum + u.accepted, 0),
      ranking,
      late: ranking.filter((u) => u.onTime < u.owed).map((u) => u.name),
    },
    lagging: summary.risks
      .filter((r) => r.status === 'overdue' || r.status === 'behind')
      .map((r) => ({
        label: r.title,
        leadUnits: r.leadUnits.map((u) => u.name).join('、') || '未明确',
        status: r.status,
        reason: r.statusReason,
        problems: board.latestAccepted.get(r.id)?.problems.trim() || null,
      })),
    targets,
    supervision: notices,
    issuedOn: localDate(now),
  };
  const bytes = await renderBulletin(doc);
  const fileName = words.fileName(title);
  // Data leaving the system is a security event (等保 安全审计 a), recorded as the 推进表 export is.
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'plan.export',
    entity: 'plan',
    entityId: plan.id,
    after: {
      fileName,
      bytes: bytes.length,
      document: 'bulletin',
      periodId: period.id,
      tasks: board.tasks.length,
    },
    at: now,
  });
  return {
    fileName,
    bytes,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
