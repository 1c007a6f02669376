import { TASK_STATUSES, type TaskDto, type TaskStatus } from '@yaodian/core';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import { taskChangeFingerprint } from '../repositories/plan-revision-repository.js';
import { planSummaryFigures, type CompletionFigures } from '../repositories/plan-summary-repository.js';
import type { Deps } from './deps.js';
import { etagMatches } from './etag.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';

const UNSECTIONED = '（未分节）';

const average = (percentSum: number, tasks: number): number =>
  tasks === 0 ? 0 : Math.round((percentSum / tasks) * 10) / 10;

function completion(tasks: readonly TaskDto[]) {
  const done = tasks.filter((t) => t.status === 'done').length;
  const sum = tasks.reduce((total, t) => total + (t.percent ?? 0), 0);
  return { tasks: tasks.length, done, averagePercent: average(sum, tasks.length) };
}

const fromFigures = (f: CompletionFigures) => ({
  tasks: f.tasks,
  done: f.done,
  averagePercent: average(f.percentSum, f.tasks),
});

export type PlanSummary = Awaited<ReturnType<typeof summaryFromBoard>>;

/** The summary from the whole board: for a plan whose statuses and places are not stored yet. */
async function summaryFromBoard(deps: Deps, plan: PlanHeader) {
  const board = await loadTaskBoard(deps.db, plan, deps.clock.now());
  const statusCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of board.tasks) statusCounts[task.status] += 1;

  const sections = new Map<string | null, { title: string; tasks: TaskDto[] }>();
  for (const task of board.tasks) {
    const entry = sections.get(task.sectionId) ?? { title: task.sectionTitle ?? UNSECTIONED, tasks: [] };
    entry.tasks.push(task);
    sections.set(task.sectionId, entry);
  }
  const units = new Map<string, { name: string; tasks: TaskDto[] }>();
  for (const task of board.tasks) {
    for (const unit of task.reportingUnits) {
      const entry = units.get(unit.id) ?? { name: unit.name, tasks: [] };
      entry.tasks.push(task);
      units.set(unit.id, entry);
    }
  }
  const countOf = (state: string) => board.reports.filter((r) => r.state === state).length;
  return {
    planId: plan.id,
    statusCounts,
    reports: { accepted: countOf('accepted'), pending: countOf('submitted'), returned: countOf('returned') },
    bySection: [...sections].map(([sectionId, s]) => ({ sectionId, title: s.title, ...completion(s.tasks) })),
    byUnit: [...units]
      .map(([unitId, u]) => ({ unitId, name: u.name, ...completion(u.tasks) }))
      .sort((a, b) => b.averagePercent - a.averagePercent || a.name.localeCompare(b.name, 'zh')),
  };
}

/** The summary aggregated in the database from the stored statuses, places and reports (one statement). */
async function summaryFromFigures(deps: Deps, plan: PlanHeader): Promise<PlanSummary> {
  const figures = await planSummaryFigures(deps.db, plan.tenant_id, plan.id);
  const statusCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const row of figures.statusCounts) statusCounts[row.status] = row.tasks;
  const countOf = (state: string) => figures.reportCounts.find((r) => r.state === state)?.reports ?? 0;
  return {
    planId: plan.id,
    statusCounts,
    reports: { accepted: countOf('accepted'), pending: countOf('submitted'), returned: countOf('returned') },
    bySection: figures.bySection.map((s) => ({
      sectionId: s.sectionId,
      title: s.title ?? UNSECTIONED,
      ...fromFigures(s),
    })),
    byUnit: figures.byUnit
      .map((u) => ({ unitId: u.unitId, name: u.name, ...fromFigures(u) }))
      .sort((a, b) => b.averagePercent - a.averagePercent || a.name.localeCompare(b.name, 'zh')),
  };
}

/**
 * What a dashboard shows for a plan: status counts, completion by section and by unit — with an ETag from the
 * plan's revision and its tasks' change fingerprint; `summary` is null when `ifNoneMatch` names that ETag
 * (answer 304). No ETag for a plan whose statuses are not stored yet.
 */
export async function planSummaryIfChanged(
  deps: Deps,
  actor: Actor,
  planId: string,
  ifNoneMatch: string | undefined,
): Promise<{ etag: string | null; summary: PlanSummary | null }> {
  authorize(actor, 'task.read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const tasks = await taskChangeFingerprint(deps.db, plan.tenant_id, plan.id);
  if (!tasks.placed) return { etag: null, summary: await summaryFromBoard(deps, plan) };
  const etag = `"s-${String(plan.version)}-${String(plan.content_rev)}-${String(tasks.tasks)}-${tasks.sum}"`;
  if (etagMatches(ifNoneMatch, etag)) return { etag, summary: null };
  return { etag, summary: await summaryFromFigures(deps, plan) };
}

/** The plan's summary (see planSummaryIfChanged). */
export async function planSummary(deps: Deps, actor: Actor, planId: string): Promise<PlanSummary> {
  const { summary } = await planSummaryIfChanged(deps, actor, planId, undefined);
  if (!summary) throw new Error('a summary without If-None-Match is always computed');
  return summary;
}
