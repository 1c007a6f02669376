import type { PlanDetail } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import { notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { findPlan, touchPlan } from '../repositories/plan-repository.js';
import type { Deps } from './deps.js';
import { loadPlanDetail } from './plan-loader.js';
import { markPlan } from './status-tracking.js';

/**
 * The end of every edit of a plan's items or targets, in its transaction: the plan's revision moves (so cached
 * trees and ETags are stale), its task statuses are marked for recompute, and the caller gets the plan as it now is.
 */
export async function finishPlanEdit(
  db: Executor,
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<PlanDetail> {
  await touchPlan(db, actor.tenantId, planId, deps.clock.now());
  markPlan(db, actor.tenantId, planId);
  const plan = await findPlan(db, actor.tenantId, planId);
  if (!plan) throw notFound('plan');
  return loadPlanDetail(db, plan);
}
