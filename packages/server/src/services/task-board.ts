import type { TaskDto } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { PeriodRow, ReportRow, TaskStatusRow } from '../db/schema.js';
import { effectiveAssignments, reportingUnitIds, taskNodes } from '../domain/plan-tree.js';
import { computeTaskStatus, type StatusResult } from '../domain/task-status.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import { listPeriods } from '../repositories/period-repository.js';
import { listActuals, listReports } from '../repositories/report-repository.js';
import { listPlanMilestones } from '../repositories/milestone-repository.js';
import { listTaskStatuses } from '../repositories/task-status-repository.js';
import { loadPlanParts } from './plan-loader.js';
import type { PlanParts } from '../presenters/plan-presenter.js';
import { presentTask } from '../presenters/task-presenter.js';

/** Everything about a plan's tasks that lists, summaries and the 推进表 need, read once. */
export interface TaskBoard {
  parts: PlanParts;
  periods: PeriodRow[];
  reports: ReportRow[];
  tasks: TaskDto[];
  /** Each task's latest accepted report from a unit that reports on it (what its figures come from). */
  latestAccepted: Map<string, ReportRow>;
}

type StoredStatus = Pick<StatusResult, 'status' | 'code' | 'reason' | 'percent'>;

export interface BuiltBoard {
  board: TaskBoard;
  /** Each task's status as used in `board`, by item id. */
  statuses: Map<string, StoredStatus>;
  /** Whether a task had no stored status and was computed here. */
  computed: boolean;
}

/**
 * The plan's task board with its stored statuses. Reads never write: statuses are stored by the writes that
 * change them (services/status-tracking.ts) and by the daily job; a task without a row yet (say, after a
 * restore, before the start-up job ran) is computed here for this answer only.
 */
export async function loadTaskBoard(db: Executor, plan: PlanHeader, now: Date): Promise<TaskBoard> {
  const stored = await listTaskStatuses(db, plan.tenant_id, plan.id);
  const built = await buildBoard(db, plan, now, new Map(stored.map((row) => [row.item_id, fromRow(row)])));
  return built.board;
}

function fromRow(row: TaskStatusRow): StoredStatus {
  return { status: row.status, code: row.reason_code, reason: row.reason, percent: row.percent };
}

/** Reads the plan once; a task's status comes from `stored` when given there, else from the domain. */
export async function buildBoard(
  db: Executor,
  plan: PlanHeader,
  now: Date,
  stored: Map<string, StoredStatus> | null,
): Promise<BuiltBoard> {
  let computed = false;
  const statuses = new Map<string, StoredStatus>();
  const [parts, periods, reports] = await Promise.all([
    loadPlanParts(db, plan),
    listPeriods(db, plan.tenant_id, plan.id),
    listReports(db, plan.tenant_id, { planId: plan.id }),
  ]);
  // Only a computation needs them: a board read from stored statuses stays at its statement count.
  const milestones = stored ? [] : await listPlanMilestones(db, plan.tenant_id, plan.id);
  const actuals = await listActuals(
    db,
    plan.tenant_id,
    reports.map((r) => r.id),
  );
  const today = localDate(now);
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const publishedOn = plan.published_at ? localDate(plan.published_at) : null;
  const closedPeriodIds = publishedOn
    ? periods.filter((p) => p.due_on < today && p.due_on >= publishedOn).map((p) => p.id)
    : [];
  const unitName = new Map(parts.units.map((u) => [u.id, u.name]));
  const effective = effectiveAssignments(parts.tree, parts.assignments);
  const reportsByItem = new Map<string, ReportRow[]>();
  for (const r of reports) reportsByItem.set(r.item_id, [...(reportsByItem.get(r.item_id) ?? []), r]);
  const reportPeriodEnd = (r: ReportRow): string => periodById.get(r.period_id)?.ends_on ?? '';
  // Latest actual per target: from the accepted report of the latest period (unreviewed figures never count).
  const latestActual = new Map<string, { value: number; endsOn: string }>();
  const reportById = new Map(reports.map((r) => [r.id, r]));
  // Whose reports count on a task: its lead units (domain/plan-tree.reportingUnitIds); supporting units' are shown only.
  const countedUnits = new Map(
    [...effective].map(([itemId, e]) => [itemId, reportingUnitIds(e.assignments)] as const),
  );
  for (const a of actuals) {
    const report = reportById.get(a.reportId);
    if (report?.state !== 'accepted' || !countedUnits.get(report.item_id)?.includes(report.unit_id)) continue;
    const endsOn = reportPeriodEnd(report);
    const seen = latestActual.get(a.targetId);
    if (!seen || seen.endsOn < endsOn) latestActual.set(a.targetId, { value: a.value, endsOn });
  }

  const latestAccepted = new Map<string, ReportRow>();
  const targetsByItem = new Map<string, PlanParts['targets'][number][]>();
  for (const t of parts.targets) targetsByItem.set(t.item_id, [...(targetsByItem.get(t.item_id) ?? []), t]);
  const tasks = taskNodes(parts.tree).map((node): TaskDto => {
    const item = node.item;
    const assigned = effective.get(item.id)?.assignments ?? [];
    const ref = (id: string) => ({ id, name: unitName.get(id) ?? '' });
    const reportingIds = reportingUnitIds(assigned);
    const itemReports = reportsByItem.get(item.id) ?? [];
    const targets = targetsByItem.get(item.id) ?? [];
    const status: StoredStatus =
      stored?.get(item.id) ??
      computeTaskStatus({
        today,
        startsOn: `${plan.year}-01-01`,
        deadline: item.deadline ?? `${plan.year}-12-31`,
        reportingUnitIds: reportingIds,
        reports: itemReports.map((r) => ({
          unitId: r.unit_id,
          periodId: r.period_id,
          state: r.state,
          percent: r.percent,
          periodEndsOn: reportPeriodEnd(r),
        })),
        closedPeriodIds,
        targets: targets.map((t) => ({ ...t, latestActual: latestActual.get(t.id)?.value ?? null })),
        milestones: milestones
          .filter((m) => m.item_id === item.id)
          .map((m) => ({
            name: m.name,
            plannedOn: m.planned_on,
            actualOn: m.confirmed_at === null ? null : m.actual_on,
          })),
        thresholds: { behindPoints: plan.behind_points, atRiskPoints: plan.at_risk_points },
      });
    if (!stored?.has(item.id)) computed = true;
    statuses.set(item.id, status);
    const newestFirst = (a: ReportRow, b: ReportRow): number =>
      reportPeriodEnd(b).localeCompare(reportPeriodEnd(a));
    const latest = itemReports
      .filter((r) => r.state === 'accepted' && reportingIds.includes(r.unit_id))
      .sort(newestFirst)[0];
    if (latest) latestAccepted.set(item.id, latest);
    const section = node.section.id === item.id ? null : node.section;
    return presentTask({
      planId: plan.id,
      item: {
        id: item.id,
        number: item.number,
        title: item.title,
        text: item.text,
        deadline: item.deadline,
        deadlineText: item.deadline_text,
      },
      section: { id: section?.id ?? null, title: section?.title ?? null },
      leadUnits: assigned.filter((a) => a.role === 'lead').map((a) => ref(a.unitId)),
      supportUnits: assigned.filter((a) => a.role !== 'lead').map((a) => ref(a.unitId)),
      reportingUnits: reportingIds.map(ref),
      status,
      latestNarrative: latest?.narrative ?? null,
      submitted: itemReports.filter((r) => r.state === 'submitted').sort(newestFirst),
    });
  });
  return { board: { parts, periods, reports, tasks, latestAccepted }, statuses, computed };
}
