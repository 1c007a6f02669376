import { TASK_STATUSES, type TaskDto, type TaskStatus } from '@yaodian/core';
import { LAGGING_STATUSES } from '../domain/task-status.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTask } from '../policies/tasks.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import { planSummaryFigures, type CompletionFigures } from '../repositories/plan-summary-repository.js';
import { taskChangeFingerprint } from '../repositories/plan-revision-repository.js';
import type { Deps } from './deps.js';
import { etagMatches } from './etag.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';

/** 滞后: the tasks in a lagging status (domain/task-status LAGGING_STATUSES). */
const laggingOf = (counts: Record<TaskStatus, number>): number =>
  LAGGING_STATUSES.reduce((sum, status) => sum + counts[status], 0);

const round1 = (n: number): number => Math.round(n * 10) / 10;

function completion(tasks: readonly TaskDto[]) {
  const done = tasks.filter((t) => t.status === 'done').length;
  const mean = tasks.length === 0 ? 0 : tasks.reduce((sum, t) => sum + (t.percent ?? 0), 0) / tasks.length;
  return {
    tasks: tasks.length,
    done,
    completion: tasks.length === 0 ? 0 : round1((done / tasks.length) * 100),
    averagePercent: round1(mean),
  };
}

function statusCounts(tasks: readonly TaskDto[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of tasks) counts[task.status] += 1;
  return counts;
}

/** The statuses a dashboard lists as risks, most urgent first. */
const URGENT: readonly TaskStatus[] = ['overdue', 'behind', 'at_risk'];

/**
 * What a dashboard shows for a plan, all from the stored task statuses (which count accepted reports only):
 * status counts, completion overall, by section and by unit, unit × status, and the tasks at risk.
 */
export async function summaryFromBoard(deps: Deps, plan: PlanHeader) {
  const board = await loadTaskBoard(deps.db, plan, deps.clock.now());
  const counts = statusCounts(board.tasks);

  const sections = new Map<string | null, { title: string; tasks: TaskDto[] }>();
  for (const task of board.tasks) {
    const entry = sections.get(task.sectionId) ?? { title: task.sectionTitle ?? '（未分节）', tasks: [] };
    entry.tasks.push(task);
    sections.set(task.sectionId, entry);
  }
  const group = (pick: (task: TaskDto) => readonly { id: string; name: string }[]) => {
    const units = new Map<string, { name: string; tasks: TaskDto[] }>();
    for (const task of board.tasks) {
      for (const unit of pick(task)) {
        const entry = units.get(unit.id) ?? { name: unit.name, tasks: [] };
        entry.tasks.push(task);
        units.set(unit.id, entry);
      }
    }
    return [...units];
  };
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh');
  const countOf = (state: string) => board.reports.filter((r) => r.state === state).length;
  return {
    planId: plan.id,
    overall: { ...completion(board.tasks), lagging: laggingOf(counts) },
    statusCounts: counts,
    reports: { accepted: countOf('accepted'), pending: countOf('submitted'), returned: countOf('returned') },
    bySection: [...sections].map(([sectionId, s]) => ({
      sectionId,
      number: sectionId ? (board.parts.tree.byId.get(sectionId)?.item.number ?? null) : null,
      title: s.title,
      ...completion(s.tasks),
    })),
    byUnit: group((task) => task.reportingUnits)
      .map(([unitId, u]) => ({ unitId, name: u.name, ...completion(u.tasks) }))
      .sort((a, b) => b.averagePercent - a.averagePercent || byName(a, b)),
    byUnitStatus: group((task) => [...task.leadUnits, ...task.supportUnits])
      .map(([unitId, u]) => ({ unitId, name: u.name, counts: statusCounts(u.tasks) }))
      .sort(byName),
    risks: board.tasks
      .filter((task) => URGENT.includes(task.status))
      .sort(
        (a, b) =>
          URGENT.indexOf(a.status) - URGENT.indexOf(b.status) ||
          (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
      )
      .map((task) => ({
        id: task.id,
        planId: task.planId,
        number: task.number,
        title: task.title,
        leadUnits: task.leadUnits,
        deadline: task.deadline,
        deadlineText: task.deadlineText,
        status: task.status,
        statusReason: task.statusReason,
      })),
  };
}

export type PlanSummary = Awaited<ReturnType<typeof summaryFromBoard>>;

function completionOf(f: CompletionFigures) {
  return {
    tasks: f.tasks,
    done: f.done,
    completion: f.tasks === 0 ? 0 : round1((f.done / f.tasks) * 100),
    averagePercent: f.tasks === 0 ? 0 : round1(f.percentSum / f.tasks),
  };
}

/**
 * The same summary from one set-based statement over the stored statuses and places (task_status): a few
 * rows per section, unit and risk, whatever the plan's size. For a plan whose every task has its row.
 */
export async function summaryFromStoredStatuses(deps: Deps, plan: PlanHeader): Promise<PlanSummary> {
  const figures = await planSummaryFigures(deps.db, plan.tenant_id, plan.id, URGENT);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const row of figures.statusCounts) counts[row.status] = row.tasks;
  const total = figures.bySection.reduce(
    (sum, s) => ({
      tasks: sum.tasks + s.tasks,
      done: sum.done + s.done,
      percentSum: sum.percentSum + s.percentSum,
    }),
    { tasks: 0, done: 0, percentSum: 0 },
  );
  const reports = (state: string) => figures.reportCounts.find((r) => r.state === state)?.reports ?? 0;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh');
  const unitStatus = new Map<string, { unitId: string; name: string; counts: Record<TaskStatus, number> }>();
  for (const row of figures.byUnitStatus) {
    const entry = unitStatus.get(row.unitId) ?? {
      unitId: row.unitId,
      name: row.name,
      counts: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>,
    };
    entry.counts[row.status] += row.tasks;
    unitStatus.set(row.unitId, entry);
  }
  return {
    planId: plan.id,
    overall: { ...completionOf(total), lagging: laggingOf(counts) },
    statusCounts: counts,
    reports: { accepted: reports('accepted'), pending: reports('submitted'), returned: reports('returned') },
    bySection: figures.bySection.map((s) => ({
      sectionId: s.sectionId,
      number: s.sectionId ? s.number : null,
      title: s.sectionId ? (s.title ?? '') : '（未分节）',
      ...completionOf(s),
    })),
    byUnit: figures.byUnit
      .map((u) => ({ unitId: u.unitId, name: u.name, ...completionOf(u) }))
      .sort((a, b) => b.averagePercent - a.averagePercent || byName(a, b)),
    byUnitStatus: [...unitStatus.values()].sort(byName),
    // In plan order from the statement; the stable sort keeps it within a status and deadline.
    risks: figures.risks
      .sort(
        (a, b) =>
          URGENT.indexOf(a.status) - URGENT.indexOf(b.status) ||
          (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
      )
      .map((r) => ({
        id: r.id,
        planId: plan.id,
        number: r.number,
        title: r.title,
        leadUnits: r.leadUnits,
        deadline: r.deadline,
        deadlineText: r.deadlineText,
        status: r.status,
        statusReason: r.statusReason,
      })),
  };
}

/**
 * What a dashboard shows for a plan, with an ETag from the plan's revision and its tasks' change fingerprint;
 * `summary` is null when `ifNoneMatch` names that ETag (answer 304). The figures come from one set-based
 * statement over the stored statuses; a plan whose statuses are not all stored yet (a restored backup before the
 * start-up job) is answered from the task board, without an ETag, for that answer only.
 */
export async function planSummaryIfChanged(
  deps: Deps,
  actor: Actor,
  planId: string,
  ifNoneMatch: string | undefined,
): Promise<{ etag: string | null; summary: PlanSummary | null }> {
  authorizeTask(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const tasks = await taskChangeFingerprint(deps.db, plan.tenant_id, plan.id);
  if (!tasks.placed) return { etag: null, summary: await summaryFromBoard(deps, plan) };
  const etag = `"s-${String(plan.version)}-${String(plan.content_rev)}-${String(tasks.tasks)}-${tasks.sum}"`;
  if (etagMatches(ifNoneMatch, etag)) return { etag, summary: null };
  return { etag, summary: await summaryFromStoredStatuses(deps, plan) };
}

/** The plan's summary (see planSummaryIfChanged). */
export async function planSummary(deps: Deps, actor: Actor, planId: string): Promise<PlanSummary> {
  const { summary } = await planSummaryIfChanged(deps, actor, planId, undefined);
  if (!summary) throw new Error('a summary without If-None-Match is always computed');
  return summary;
}
