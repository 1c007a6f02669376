import { TASK_PAGE_DEFAULT, TASK_PAGE_MAX, type TaskDto, type TaskStatus } from '@yaodian/core';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTask } from '../policies/tasks.js';
import { presentTask } from '../presenters/task-presenter.js';
import { canSeePlan, type PlanScope } from '../policies/plans.js';
import { findPlan, listPlans } from '../repositories/plan-repository.js';
import { taskPageValidator } from '../repositories/plan-revision-repository.js';
import { readTaskPage, type TaskListFilter, type TaskListRow } from '../repositories/task-list-repository.js';
import type { Deps } from './deps.js';
import type { CachedTaskPage } from './task-page-cache.js';
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
 * A page of one plan's tasks after `after`: one statement reads the plan's visibility fields and the page with
 * its reports and unit names. `listed` plans came from the tenant's published plans; any other must be visible
 * to the actor (policies/plans: drafts only to those who may edit them), else not found. A plan whose statuses
 * are not stored yet (a restored backup before the start-up job ran) is read whole, for this answer only.
 */
async function planPage(
  deps: Deps,
  actor: Actor,
  planId: string,
  listed: boolean,
  filter: TaskFilter,
  after: number | null,
  limit: number,
): Promise<{ tasks: TaskDto[]; positions: number[]; cached?: CachedTaskPage }> {
  const listFilter: TaskListFilter = {
    ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}),
    ...(filter.mine ? { anyUnitIds: actor.unitIds } : {}),
  };
  const cache = deps.taskPages;
  if (cache) {
    // Validated first, then read: a page read after its fingerprint is never older than the fingerprint says.
    const validator = await taskPageValidator(deps.db, actor.tenantId, planId);
    if (!visible(actor, validator, listed)) return { tasks: [], positions: [] };
    if (validator.placed) {
      const key = JSON.stringify([actor.tenantId, planId, listFilter, after, limit]);
      const cached = cache.get(key, validator.fingerprint);
      if (cached) return { tasks: [...cached.tasks], positions: [...cached.positions], cached };
      const { rows } = await readTaskPage(deps.db, actor.tenantId, planId, listFilter, after, limit);
      const page = pageOf(planId, rows);
      cache.set(key, { fingerprint: validator.fingerprint, ...page });
      return page;
    }
  }
  const { plan, rows } = await readTaskPage(deps.db, actor.tenantId, planId, listFilter, after, limit);
  if (!visible(actor, plan, listed)) return { tasks: [], positions: [] };
  if (!plan.placed) {
    const header = await findPlan(deps.db, actor.tenantId, planId);
    if (!header) throw notFound('plan');
    const board = await loadTaskBoard(deps.db, header, deps.clock.now());
    const all = board.tasks.map((task, position) => ({ task, position }));
    const page = all.filter((t) => (after === null || t.position > after) && matches(t.task, filter, actor));
    const taken = page.slice(0, limit);
    return { tasks: taken.map((t) => t.task), positions: taken.map((t) => t.position) };
  }
  return pageOf(planId, rows);
}

const pageOf = (planId: string, rows: readonly TaskListRow[]): { tasks: TaskDto[]; positions: number[] } => ({
  tasks: rows.map((row) => presentRow(planId, row)),
  positions: rows.map((r) => r.position),
});

/**
 * Whether the plan can be listed: a plan the actor was not listed must be visible to them, else not found; a
 * listed plan deleted since it was listed has no tasks left to show (false).
 */
function visible<P extends { status: PlanScope['status'] }>(
  actor: Actor,
  plan: P | undefined,
  listed: boolean,
): plan is P {
  if (plan && canSeePlan(actor, { tenant_id: actor.tenantId, status: plan.status })) return true;
  if (plan || !listed) throw notFound('plan');
  return false;
}

function presentRow(planId: string, row: TaskListRow): TaskDto {
  const ref = (id: string) => ({ id, name: row.unit_names[id] ?? '' });
  return presentTask({
    planId,
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
    latestNarrative: row.latest_narrative,
    submitted: row.pending,
  });
}

/**
 * A page of the tasks of published plans (or of one visible plan), with status, filtered, in plan order:
 * one statement per plan visited (and one listing the plans when none is named), whatever the plans' sizes.
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
  let plans: string[];
  if (filter.planId) plans = [filter.planId];
  else plans = (await listPlans(deps.db, actor.tenantId, ['published'])).map((p) => p.id);
  if (cursor) {
    const from = plans.indexOf(cursor.planId);
    if (from < 0) throw new AppError('validation_failed', ERRORS.task.badCursor, { field: 'cursor' });
    plans = plans.slice(from);
  }
  const tasks: TaskDto[] = [];
  for (const [index, planId] of plans.entries()) {
    const after = cursor && index === 0 ? cursor.position : null;
    // One more than wanted tells whether this plan has more.
    const page = await planPage(deps, actor, planId, !filter.planId, filter, after, limit - tasks.length + 1);
    // One plan's page from the cache: its answer is made once (the same object, written once).
    if (filter.planId && page.cached && deps.taskPages)
      return deps.taskPages.answer(page.cached, () => pageAnswer(page, planId, limit));
    const wanted = limit - tasks.length;
    tasks.push(...page.tasks.slice(0, wanted));
    if (page.tasks.length > wanted) {
      const last = page.positions[wanted - 1];
      return { tasks, nextCursor: encodeCursor({ planId, position: last ?? -1 }) };
    }
    if (tasks.length === limit) {
      const next = plans[index + 1];
      return { tasks, nextCursor: next ? encodeCursor({ planId, position: PLAN_END }) : null };
    }
  }
  return { tasks, nextCursor: null };
}

/** The answer of a one-plan list from its page (read one longer than `limit`, to know whether more follow). */
function pageAnswer(
  page: { tasks: readonly TaskDto[]; positions: readonly number[] },
  planId: string,
  limit: number,
): TaskPage {
  const tasks = page.tasks.slice(0, limit);
  if (page.tasks.length <= limit) return { tasks, nextCursor: null };
  return { tasks, nextCursor: encodeCursor({ planId, position: page.positions[limit - 1] ?? -1 }) };
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
