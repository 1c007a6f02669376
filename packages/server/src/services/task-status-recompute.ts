import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { TaskStatusRow } from '../db/schema.js';
import { reportingUnitIds } from '../domain/plan-tree.js';
import { computeTaskStatus, type StatusResult } from '../domain/task-status.js';
import { findPlan } from '../repositories/plan-repository.js';
import { raisePlanRevision } from '../repositories/plan-revision-repository.js';
import { loadTaskStatusInputs } from '../repositories/task-status-inputs.js';
import {
  lockTaskStatuses,
  replaceTaskStatuses,
  upsertTaskStatuses,
  type StatusFields,
  type TaskPlace,
} from '../repositories/task-status-repository.js';
import { buildBoard } from './task-board.js';

type StoredStatus = Pick<StatusResult, 'status' | 'code' | 'reason' | 'percent'>;

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

function samePlace(row: TaskStatusRow, place: TaskPlace): boolean {
  return (
    row.position === place.position &&
    row.section_id === place.section_id &&
    sameIds(row.lead_unit_ids, place.lead_unit_ids) &&
    sameIds(row.support_unit_ids, place.support_unit_ids) &&
    sameIds(row.reporting_unit_ids, place.reporting_unit_ids)
  );
}

/** Rows whose status or reason changed, or that were computed on an earlier day (China date). */
function changedRows(
  statuses: ReadonlyMap<string, StoredStatus>,
  previous: readonly TaskStatusRow[],
  now: Date,
): StatusFields[] {
  const today = localDate(now);
  const before = new Map(previous.map((row) => [row.item_id, row]));
  return [...statuses]
    .filter(([itemId, s]) => {
      const row = before.get(itemId);
      return (
        !row ||
        localDate(row.computed_at) !== today ||
        row.status !== s.status ||
        row.reason_code !== s.code ||
        row.reason !== s.reason ||
        row.percent !== s.percent
      );
    })
    .map(([itemId, s]) => toFields(itemId, s, now));
}

function toFields(itemId: string, s: StoredStatus, now: Date): StatusFields {
  return {
    item_id: itemId,
    status: s.status,
    reason_code: s.code,
    reason: s.reason,
    percent: s.percent,
    computed_at: now,
  };
}

/**
 * Recomputes the stored status of the given tasks only, with a fixed number of statements whatever the plan's
 * size (two, and a third when a status changed): their rows are locked first (no plan lock), then the plan's
 * thresholds, their reports, owners, targets and the plan's closed periods are read by item id in one statement.
 */
export async function recomputeTasks(
  trx: Executor,
  tenantId: string,
  planId: string,
  itemIds: readonly string[],
  now: Date,
): Promise<void> {
  const ids = [...new Set(itemIds)].sort();
  if (ids.length === 0) return;
  const previous = await lockTaskStatuses(trx, tenantId, planId, ids);
  // A task without a row (a restored backup before the start-up job ran) has no place in the list yet either:
  // the whole plan is stored then, so the task list never misses a task.
  if (previous.length < ids.length) {
    await recomputePlan(trx, tenantId, planId, now);
    return;
  }
  const today = localDate(now);
  const inputs = await loadTaskStatusInputs(trx, tenantId, planId, ids, today);
  if (!inputs) return;
  const { plan, owners, reports, targets, milestones } = inputs;
  const since = plan.published_at ? localDate(plan.published_at) : null;
  const closedPeriodIds =
    since === null ? [] : inputs.duePeriods.filter((p) => p.due_on >= since).map((p) => p.id);
  const statuses = new Map<string, StoredStatus>();
  for (const owner of owners) {
    const itemReports = reports.filter((r) => r.item_id === owner.itemId);
    statuses.set(
      owner.itemId,
      computeTaskStatus({
        today,
        startsOn: `${plan.year}-01-01`,
        deadline: owner.deadline ?? `${plan.year}-12-31`,
        reportingUnitIds: reportingUnitIds(owner.assignments),
        reports: itemReports.map((r) => ({
          unitId: r.unit_id,
          periodId: r.period_id,
          state: r.state,
          percent: r.percent,
          periodEndsOn: r.ends_on,
        })),
        closedPeriodIds,
        targets: targets
          .filter((t) => t.item_id === owner.itemId)
          .map((t) => ({ ...t, latestActual: t.latest_actual })),
        milestones: milestones
          .filter((m) => m.item_id === owner.itemId)
          .map((m) => ({ name: m.name, plannedOn: m.planned_on, actualOn: m.actual_on })),
        thresholds: { behindPoints: plan.behind_points, atRiskPoints: plan.at_risk_points },
      }),
    );
  }
  await upsertTaskStatuses(trx, tenantId, planId, changedRows(statuses, previous, now));
}

/**
 * Recomputes every task of a plan (plan-wide changes: publish, thresholds, structure, periods, and the daily
 * job for what time alone changes), and drops rows of items that are no longer tasks.
 */
export async function recomputePlan(
  trx: Executor,
  tenantId: string,
  planId: string,
  now: Date,
): Promise<void> {
  const previous = await lockTaskStatuses(trx, tenantId, planId, null);
  // A plan-wide change: the tree's and summary's ETags move with it.
  await raisePlanRevision(trx, tenantId, planId);
  const plan = await findPlan(trx, tenantId, planId);
  if (!plan) return;
  const { statuses, board } = await buildBoard(trx, plan, now, null);
  const before = new Map(previous.map((row) => [row.item_id, row]));
  const changed = new Map(changedRows(statuses, previous, now).map((row) => [row.item_id, row]));
  const rows: (StatusFields & TaskPlace)[] = [];
  board.tasks.forEach((task, position) => {
    const place: TaskPlace = {
      position,
      section_id: task.sectionId,
      lead_unit_ids: task.leadUnits.map((u) => u.id),
      support_unit_ids: task.supportUnits.map((u) => u.id),
      reporting_unit_ids: task.reportingUnits.map((u) => u.id),
    };
    const row = before.get(task.id);
    const status = statuses.get(task.id);
    const fields =
      changed.get(task.id) ??
      (row && !samePlace(row, place) && status ? toFields(task.id, status, now) : null);
    if (fields) rows.push({ ...fields, ...place });
  });
  await replaceTaskStatuses(trx, tenantId, planId, [...statuses.keys()], rows);
}
