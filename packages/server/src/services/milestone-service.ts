import type { MilestoneDto, MilestoneTemplateDto, PlanMilestones } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { MilestoneRow } from '../db/schema.js';
import { MILESTONE_TEMPLATES } from '../domain/milestones.js';
import { AppError, notFound, stateConflict, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeMilestones, authorizeMilestoneUnit } from '../policies/milestones.js';
import { presentMilestone } from '../presenters/milestone-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findItem } from '../repositories/item-repository.js';
import {
  findMilestone,
  listPlanMilestones,
  listTaskMilestones,
  replaceTaskMilestones,
  setMilestoneActual,
  taskReportingUnits,
  type MilestoneDraft,
} from '../repositories/milestone-repository.js';
import { listKeyProjects } from '../repositories/leader-repository.js';
import type { Deps } from './deps.js';
import { editablePlan, visiblePlan } from './plan-loader.js';
import { markTasks, statusWrite } from './status-tracking.js';
import { loadTaskBoard } from './task-board.js';
import { ERRORS } from '../messaging/error-messages.js';

export function milestoneTemplates(actor: Actor): { templates: MilestoneTemplateDto[] } {
  authorizeMilestones(actor, 'read');
  return { templates: MILESTONE_TEMPLATES.map((t) => ({ key: t.key, name: t.name, steps: [...t.steps] })) };
}

/** The task's item, if the actor may see its plan; else not found. */
async function visibleTask(db: Executor, actor: Actor, itemId: string) {
  const item = await findItem(db, actor.tenantId, itemId);
  if (!item) throw notFound('task');
  const plan = await visiblePlan(db, actor, item.plan_id);
  return { item, plan };
}

const present = (rows: readonly MilestoneRow[], now: Date): MilestoneDto[] =>
  rows.map((row) => presentMilestone(row, localDate(now)));

export async function taskMilestones(
  deps: Deps,
  actor: Actor,
  itemId: string,
): Promise<{ milestones: MilestoneDto[] }> {
  authorizeMilestones(actor, 'read');
  await visibleTask(deps.db, actor, itemId);
  return { milestones: present(await listTaskMilestones(deps.db, actor.tenantId, itemId), deps.clock.now()) };
}

/** The planner's list for a task; the task's status follows in the same transaction. */
export async function saveTaskMilestones(
  deps: Deps,
  actor: Actor,
  itemId: string,
  drafts: readonly MilestoneDraft[],
): Promise<{ milestones: MilestoneDto[] }> {
  authorizeMilestones(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const item = await findItem(trx, actor.tenantId, itemId);
    if (!item) throw notFound('task');
    await editablePlan(trx, actor, item.plan_id, false);
    const before = await listTaskMilestones(trx, actor.tenantId, itemId);
    const own = new Set(before.map((m) => m.id));
    const stray = drafts.findIndex((d) => d.id !== undefined && !own.has(d.id));
    if (stray >= 0)
      throw new AppError('validation_failed', ERRORS.milestone.notTasks, {
        field: `milestones.${String(stray)}.id`,
      });
    const now = deps.clock.now();
    const after = await replaceTaskMilestones(trx, actor.tenantId, item.plan_id, itemId, drafts, now);
    markTasks(trx, actor.tenantId, item.plan_id, [itemId]);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'milestones.save',
      entity: 'item',
      entityId: itemId,
      before: before.map((m) => ({ name: m.name, plannedOn: m.planned_on })),
      after: after.map((m) => ({ name: m.name, plannedOn: m.planned_on })),
      at: now,
    });
    return { milestones: present(after, now) };
  });
}

/**
 * Records (reporter of the lead unit, unconfirmed) or confirms (reviewer) a milestone's actual date at the
 * version read. Only a confirmed date counts for the task's status, which follows in the same transaction.
 */
async function setActual(
  deps: Deps,
  actor: Actor,
  milestoneId: string,
  input: { version: number; actualOn: string | null; note?: string | undefined },
  confirm: boolean,
): Promise<{ milestone: MilestoneDto }> {
  authorizeMilestones(actor, confirm ? 'confirm' : 'record');
  return statusWrite(deps, async (trx) => {
    const before = await findMilestone(trx, actor.tenantId, milestoneId);
    if (!before) throw notFound('milestone');
    const plan = await visiblePlan(trx, actor, before.plan_id);
    if (plan.status !== 'published') throw stateConflict(ERRORS.milestone.publishedOnly);
    if (!confirm)
      authorizeMilestoneUnit(actor, await taskReportingUnits(trx, actor.tenantId, before.item_id));
    const now = deps.clock.now();
    if (input.actualOn !== null && input.actualOn > localDate(now))
      throw new AppError('validation_failed', ERRORS.milestone.notFuture, {
        field: 'actualOn',
      });
    const after = await setMilestoneActual(
      trx,
      actor.tenantId,
      milestoneId,
      input.version,
      {
        actualOn: input.actualOn,
        note: input.note,
        recordedBy: confirm && before.recorded_by ? before.recorded_by : actor.userId,
        confirmedBy: confirm ? actor.userId : null,
      },
      now,
    );
    if (!after) throw versionConflict('milestone');
    markTasks(trx, actor.tenantId, after.plan_id, [after.item_id]);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: confirm ? 'milestone.confirm' : 'milestone.record',
      entity: 'milestone',
      entityId: after.id,
      before: { actualOn: before.actual_on, confirmed: before.confirmed_at !== null },
      after: { actualOn: after.actual_on, confirmed: after.confirmed_at !== null },
      at: now,
    });
    return { milestone: presentMilestone(after, localDate(now)) };
  });
}

export const recordMilestone = (
  deps: Deps,
  actor: Actor,
  milestoneId: string,
  input: { version: number; actualOn: string | null; note?: string | undefined },
) => setActual(deps, actor, milestoneId, input, false);

export const confirmMilestone = (
  deps: Deps,
  actor: Actor,
  milestoneId: string,
  input: { version: number; actualOn: string | null },
) => setActual(deps, actor, milestoneId, input, true);

/** The plan's timeline: tasks with milestones in plan order, with their stored status and lead units. */
export async function planMilestones(
  deps: Deps,
  actor: Actor,
  planId: string,
  filter: { unitId?: string | undefined; leaderId?: string | undefined },
): Promise<PlanMilestones> {
  authorizeMilestones(actor, 'read');
  const { unitId, leaderId } = filter;
  const plan = await visiblePlan(deps.db, actor, planId);
  const now = deps.clock.now();
  const [rows, board, keyProjects] = await Promise.all([
    listPlanMilestones(deps.db, actor.tenantId, planId),
    loadTaskBoard(deps.db, plan, now),
    // The leader's key projects, as its home shows them: the same ownership, read once.
    leaderId ? listKeyProjects(deps.db, actor.tenantId, leaderId) : Promise.resolve(null),
  ]);
  const owned = keyProjects
    ? new Set(keyProjects.filter((k) => k.plan_id === planId).map((k) => k.item_id))
    : null;
  const byItem = new Map<string, MilestoneRow[]>();
  for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), row]);
  const tasks = board.tasks
    .filter((task) => byItem.has(task.id))
    .filter(
      (task) =>
        unitId === undefined ||
        task.leadUnits.some((u) => u.id === unitId) ||
        task.reportingUnits.some((u) => u.id === unitId),
    )
    .filter((task) => owned === null || owned.has(task.id))
    .map((task) => ({
      itemId: task.id,
      number: task.number,
      title: task.title,
      deadline: task.deadline,
      status: task.status,
      leadUnits: task.leadUnits,
      milestones: present(byItem.get(task.id) ?? [], now),
    }));
  return { planId, today: localDate(now), tasks };
}
