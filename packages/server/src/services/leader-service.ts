import type { InstructionDto, KeyProjectList, PlanLeaders } from '@yaodian/core';
import { AppError, notFound } from '../errors/app-error.js';
import { SUPERVISION_ERRORS as E, SUPERVISION_MESSAGES as M } from '../messaging/supervision-messages.js';
import type { Actor } from '../policies/actor.js';
import { authorizeLeaders } from '../policies/leaders.js';
import { presentInstruction, presentKeyProject, presentPlanLeaders } from '../presenters/leader-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findItem } from '../repositories/item-repository.js';
import {
  findTaskReportingUnits,
  insertInstruction,
  isActiveLeader,
  listInstructions,
  listKeyProjects,
  listLeaders,
  listPlanItemLeaders,
  listPlanUnitLeaders,
  setItemLeader,
  setUnitLeader,
} from '../repositories/leader-repository.js';
import { insertNotifications } from '../repositories/notification-repository.js';
import { listUnitMembers } from '../repositories/reminder-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';

export async function planLeaders(deps: Deps, actor: Actor, planId: string): Promise<PlanLeaders> {
  authorizeLeaders(actor, 'read');
  await visiblePlan(deps.db, actor, planId);
  return presentPlanLeaders(
    await listLeaders(deps.db, actor.tenantId),
    await listPlanItemLeaders(deps.db, actor.tenantId, planId),
    await listPlanUnitLeaders(deps.db, actor.tenantId, planId),
  );
}

async function assign(
  deps: Deps,
  actor: Actor,
  planId: string,
  what: { itemId: string } | { unitId: string },
  leaderId: string | null,
): Promise<PlanLeaders> {
  authorizeLeaders(actor, 'assign');
  await deps.db.transaction().execute(async (trx) => {
    await visiblePlan(trx, actor, planId);
    if (leaderId && !(await isActiveLeader(trx, actor.tenantId, leaderId)))
      throw new AppError('validation_failed', E.notLeader, { field: 'leaderId' });
    const changed =
      'itemId' in what
        ? await setItemLeader(trx, actor.tenantId, planId, what.itemId, leaderId)
        : await setUnitLeader(trx, actor.tenantId, what.unitId, leaderId);
    if (!changed) throw notFound('itemId' in what ? 'item' : 'unit');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'itemId' in what ? 'item.leader' : 'unit.leader',
      entity: 'itemId' in what ? 'item' : 'unit',
      entityId: 'itemId' in what ? what.itemId : what.unitId,
      before: { leaderId: changed.before },
      after: { leaderId },
      at: deps.clock.now(),
    });
  });
  return planLeaders(deps, actor, planId);
}

export function assignItemLeader(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  leaderId: string | null,
) {
  return assign(deps, actor, planId, { itemId }, leaderId);
}

export function assignUnitLeader(
  deps: Deps,
  actor: Actor,
  planId: string,
  unitId: string,
  leaderId: string | null,
) {
  return assign(deps, actor, planId, { unitId }, leaderId);
}

export async function myKeyProjects(deps: Deps, actor: Actor): Promise<KeyProjectList> {
  authorizeLeaders(actor, 'projects');
  return { projects: (await listKeyProjects(deps.db, actor.tenantId, actor.userId)).map(presentKeyProject) };
}

async function visibleTask(deps: Deps, actor: Actor, itemId: string) {
  const item = await findItem(deps.db, actor.tenantId, itemId);
  if (!item) throw notFound('task');
  await visiblePlan(deps.db, actor, item.plan_id);
  return item;
}

export async function taskInstructions(
  deps: Deps,
  actor: Actor,
  itemId: string,
): Promise<{ instructions: InstructionDto[] }> {
  authorizeLeaders(actor, 'instructions.read');
  await visibleTask(deps, actor, itemId);
  return { instructions: (await listInstructions(deps.db, actor.tenantId, itemId)).map(presentInstruction) };
}

/** A leader's 批示: recorded on the task and sent to the reporters of the task's units. */
export async function addInstruction(
  deps: Deps,
  actor: Actor,
  itemId: string,
  body: string,
): Promise<{ instruction: InstructionDto }> {
  authorizeLeaders(actor, 'instruct');
  const item = await visibleTask(deps, actor, itemId);
  if (!item.is_task) throw new AppError('validation_failed', E.notTask, { field: 'id' });
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const newId = await insertInstruction(trx, {
      tenantId: actor.tenantId,
      itemId,
      authorId: actor.userId,
      body,
      at,
    });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'item.instruction',
      entity: 'item',
      entityId: itemId,
      after: { id: newId, body },
      at,
    });
    const [self] = (await listInstructions(trx, actor.tenantId, itemId)).filter((x) => x.id === newId);
    const members = await listUnitMembers(
      trx,
      actor.tenantId,
      await findTaskReportingUnits(trx, actor.tenantId, itemId),
    );
    await insertNotifications(
      trx,
      [...new Set(members.map((m) => m.user_id))].map((userId) => ({
        tenantId: actor.tenantId,
        userId,
        kind: 'instruction',
        title: M.instruction(self?.author_name ?? '', `${item.number} ${item.title}`).slice(0, 300),
        body,
        link: `/plans/${item.plan_id}/tasks/${itemId}`,
        key: `instruction:${newId}`,
      })),
      at,
    );
    return newId;
  });
  const row = (await listInstructions(deps.db, actor.tenantId, itemId)).find((x) => x.id === id);
  if (!row) throw notFound('instruction');
  return { instruction: presentInstruction(row) };
}
