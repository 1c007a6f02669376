import type { PlanDetail } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import { buildTree } from '../domain/plan-tree.js';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { canSeePlan } from '../policies/plans.js';
import { presentPlanDetail, type PlanParts } from '../presenters/plan-presenter.js';
import { listPlanAssignments, listPlanUnmatched } from '../repositories/assignment-repository.js';
import { listItems } from '../repositories/item-repository.js';
import { findPlan, type PlanHeader } from '../repositories/plan-repository.js';
import { listPlanTargets } from '../repositories/target-repository.js';
import { listUnits } from '../repositories/unit-repository.js';
import { ERRORS } from '../messaging/error-messages.js';

/** A plan the actor may see (policies/plans: drafts only to those who may edit them); else not found. */
export async function visiblePlan(db: Executor, actor: Actor, planId: string): Promise<PlanHeader> {
  const plan = await findPlan(db, actor.tenantId, planId);
  if (!plan || !canSeePlan(actor, plan)) throw notFound('plan');
  return plan;
}

/** A plan the actor may change; `structural` changes (move, merge, delete) need a draft. */
export async function editablePlan(
  db: Executor,
  actor: Actor,
  planId: string,
  structural: boolean,
): Promise<PlanHeader> {
  const plan = await visiblePlan(db, actor, planId);
  if (plan.status === 'archived') throw new AppError('state_conflict', ERRORS.plan.archivedReadOnly);
  if (structural && plan.status !== 'draft')
    throw new AppError('state_conflict', ERRORS.plan.draftOnlyRestructure);
  return plan;
}

export async function loadPlanParts(db: Executor, plan: PlanHeader): Promise<PlanParts> {
  const [items, assignments, unmatched, targets, units] = await Promise.all([
    listItems(db, plan.tenant_id, plan.id),
    listPlanAssignments(db, plan.tenant_id, plan.id),
    listPlanUnmatched(db, plan.tenant_id, plan.id),
    listPlanTargets(db, plan.tenant_id, plan.id),
    listUnits(db, plan.tenant_id),
  ]);
  return { plan, tree: buildTree(items), assignments, unmatched, targets, units };
}

export async function loadPlanDetail(db: Executor, plan: PlanHeader): Promise<PlanDetail> {
  return presentPlanDetail(await loadPlanParts(db, plan));
}
