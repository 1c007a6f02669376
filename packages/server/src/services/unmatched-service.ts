import type { PlanDetail, UnitKind } from '@yaodian/core';
import { unitKey } from '../domain/unit-matcher.js';
import type { Executor } from '../db/database.js';
import { AppError, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizePlan } from '../policies/plans.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { addAlias, findUnitsByIds } from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';
import { statusWrite } from './status-tracking.js';
import { editablePlan } from './plan-loader.js';
import { rematchIn } from './plan-service.js';
import { assertUnitNamesFree, createUnitIn } from './unit-service.js';
import { ERRORS } from '../messaging/error-messages.js';

/*
 * The planner settles a printed name during import review: map it to a unit (it becomes that unit's alias
 * for the whole commission) or create the unit. Either way the plan is re-matched in the same transaction.
 */

async function planAt(trx: Executor, actor: Actor, planId: string, version: number) {
  const plan = await editablePlan(trx, actor, planId, false);
  if (plan.version !== version) throw versionConflict('plan');
  return plan;
}

export async function resolveUnmatched(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: { name: string; unitId: string; version: number },
): Promise<PlanDetail> {
  authorizePlan(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const plan = await planAt(trx, actor, planId, input.version);
    const [unit] = await findUnitsByIds(trx, actor.tenantId, [input.unitId]);
    if (!unit) throw new AppError('validation_failed', ERRORS.unit.unknown, { field: 'unitId' });
    if (unitKey(unit.name) !== unitKey(input.name)) {
      await assertUnitNamesFree(trx, actor.tenantId, { name: null, aliases: [input.name] }, unit.id);
      await addAlias(trx, actor.tenantId, unit.id, input.name);
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit.alias',
      entity: 'unit',
      entityId: unit.id,
      after: { alias: input.name, planId },
      at: deps.clock.now(),
    });
    return rematchIn(trx, deps, actor, plan);
  });
}

export async function createForUnmatched(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: { name: string; kind: UnitKind; aliases: string[]; version: number },
): Promise<PlanDetail> {
  authorizePlan(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const plan = await planAt(trx, actor, planId, input.version);
    // The same rule as the unit screen's; a planner may create the unit the plan names, nothing more.
    await createUnitIn(trx, deps, actor, input, { planId, settles: input.name });
    return rematchIn(trx, deps, actor, plan);
  });
}
