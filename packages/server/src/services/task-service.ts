import { TASK_PAGE_DEFAULT, TASK_PAGE_MAX, type TaskDto, type TaskStatus } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTask } from '../policies/tasks.js';
import { presentTask } from '../presenters/task-presenter.js';
import { listPlans, type PlanHeader } from '../repositories/plan-repository.js';
import {
  listTaskListReports,
  listTaskPage,
  listUnitNames,
  planTasksPlaced,
  type TaskListFilter,
  type TaskListRow,
} from '../repositories/task-list-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';
import { ERRORS } from '../messaging/error-messages.js';

export interface TaskFilter {
  planId?: string;
  sectionId?: string;
  unitId?: string;
  status?: TaskStatus;
  q?: string;
  dueBefore?: string;
  mine?: boolean;
}

export interface TaskPageRequest {
  /** Default 25, at most 200. */
  limit?: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface TaskPage {
  tasks: TaskDto[];
  nextCursor: string | null;
}

/** A cursor past every position: the next page starts with the following plan. */
const PLAN_END = 2_147_483_647;

/** Where a page ends: the plan and the task's position in it (opaque to clients). */
interface Cursor {
  planId: string;
  position: number;
}

const encodeCursor = (c: Cursor): string =>
  Buffer.from(`${c.planId}:${String(c.position)}`).toString('base64url');

function decodeCursor(cursor: string): Cursor {
  const [planId, position] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const n = Number(position);
  if (!planId || !/^[0-9a-f-]{36}$/i.test(planId) || !Number.isInteger(n) || n < 0 || n > PLAN_END)
    throw new AppError('validation_failed', ERRORS.task.badCursor, { field: 'cursor' });
  return { planId, position: n };
}

function matches(task: TaskDto, filter: TaskFilter, actor: Actor): boolean {
  const units = [...task.leadUnits, ...task.supportUnits].map((u) => u.id);
  if (filter.sectionId && task.sectionId !== filter.sectionId) return false;
  if (filter.unitId && !units.includes(filter.unitId)) return false;
  if (filter.mine && !units.some((u) => actor.unitIds.includes(u))) return false;
  if (filter.status && task.status !== filter.status) return false;
  if (filter.dueBefore && (task.deadline === null || task.deadline > filter.dueBefore)) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    if (!`${task.title}\n${task.text}\n${task.sectionTitle ?? ''}`.toLowerCase().includes(q)) return false;
  }
  return true;
}

/**
 * A page of one plan's tasks after `after`: one indexed query on the stored places and statuses, then the
 * page's reports and unit names. A plan whose statuses are not stored yet (a restored backup before the
 * start-up job ran) is read whole, for this answer only.
 */
async function planPage(
  deps: Deps,
  actor: Actor,
  plan: PlanHeader,
  filter: TaskFilter,
  after: number | null,
  limit: number,
): Promise<{ tasks: TaskDto[]; positions: number[] }> {
  const listFilter: TaskListFilter = {
    ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}),
    ...(filter.mine ? { anyUnitIds: actor.unitIds } : {}),
  };
  const rows = await listTaskPage(deps.db, plan.tenant_id, plan.id, listFilter, after, limit);
  if (rows.length === 0 && !(await planTasksPlaced(deps.db, plan.tenant_id, plan.id))) {
    const board = await loadTaskBoard(deps.db, plan, deps.clock.now());
    const all = board.tasks.map((task, position) => ({ task, position }));
    const page = all.filter((t) => (after === null || t.position > after) && matches(t.task, filter, actor));
    const taken = page.slice(0, limit);
    return { tasks: taken.map((t) => t.task), positions: taken.map((t) => t.position) };
  }
  return { tasks: await presentRows(deps, plan, rows), positions: rows.map((r) => r.position) };
}

async function presentRows(deps: Deps, plan: PlanHeader, rows: readonly TaskListRow[]): Promise<TaskDto[]> {
  const unitIds = new Set(
    rows.flatMap((r) => [...r.lead_unit_ids, ...r.support_unit_ids, ...r.reporting_unit_ids]),
  );
  const [reports, names] = await Promise.all([
    listTaskListReports(
      deps.db,
      plan.tenant_id,
      rows.map((r) => r.item_id),
    ),
    listUnitNames(deps.db, plan.tenant_id, [...unitIds]),
  ]);
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  const newestFirst = (a: { ends_on: string }, b: { ends_on: string }): number =>
    b.ends_on.localeCompare(a.ends_on);
  return rows.map((row): TaskDto => {
    const mine = reports.filter((r) => r.item_id === row.item_id).sort(newestFirst);
    return presentTask({
      planId: plan.id,
      item: {
        id: row.item_id,
        number: row.number,
        title: row.title,
        text: row.text,
        deadline: row.deadline,
        deadlineText: row.deadline_text,
      },
      section: { id: row.section_id, title: row.section_title },
      leadUnits: row.lead_unit_ids.map(ref),
      supportUnits: row.support_unit_ids.map(ref),
      reportingUnits: row.reporting_unit_ids.map(ref),
      status: { status: row.status, reason: row.reason, percent: row.percent },
      // The repository reads only the newest accepted report of a reporting unit.
      latestNarrative: mine.find((r) => r.state === 'accepted')?.narrative ?? null,
      submitted: mine.filter((r) => r.state === 'submitted'),
    });
  });
}

/**
 * A page of the tasks of published plans (or of one visible plan), with status, filtered, in plan order:
 * a constant number of indexed statements per plan visited, whatever the plans' sizes.
 */
export async function listTasks(
  deps: Deps,
  actor: Actor,
  filter: TaskFilter,
  request: TaskPageRequest = {},
): Promise<TaskPage> {
  authorizeTask(actor, 'read');
  const limit = Math.min(request.limit ?? TASK_PAGE_DEFAULT, TASK_PAGE_MAX);
  const cursor = request.cursor ? decodeCursor(request.cursor) : null;
  let plans: PlanHeader[];
  if (filter.planId) plans = [await visiblePlan(deps.db, actor, filter.planId)];
  else plans = await listPlans(deps.db, actor.tenantId, ['published']);
  if (cursor) {
    const from = plans.findIndex((p) => p.id === cursor.planId);
    if (from < 0) throw new AppError('validation_failed', ERRORS.task.badCursor, { field: 'cursor' });
    plans = plans.slice(from);
  }
  const tasks: TaskDto[] = [];
  for (const [index, plan] of plans.entries()) {
    const after = cursor && index === 0 ? cursor.position : null;
    // One more than wanted tells whether this plan has more.
    const page = await planPage(deps, actor, plan, filter, after, limit - tasks.length + 1);
    const wanted = limit - tasks.length;
    tasks.push(...page.tasks.slice(0, wanted));
    if (page.tasks.length > wanted) {
      const last = page.positions[wanted - 1];
      return { tasks, nextCursor: encodeCursor({ planId: plan.id, position: last ?? -1 }) };
    }
    if (tasks.length === limit) {
      const next = plans[index + 1];
      return { tasks, nextCursor: next ? encodeCursor({ planId: plan.id, position: PLAN_END }) : null };
    }
  }
  return { tasks, nextCursor: null };
}

/** Every matching task, page by page (the demo seed, exports of the list). */
export async function listAllTasks(deps: Deps, actor: Actor, filter: TaskFilter): Promise<TaskDto[]> {
  const tasks: TaskDto[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listTasks(deps, actor, filter, {
      limit: TASK_PAGE_MAX,
      ...(cursor ? { cursor } : {}),
    });
    tasks.push(...page.tasks);
    if (page.nextCursor === null) return tasks;
    cursor = page.nextCursor;
  }
}
