import type { PlanDetail, UnitKind } from '@yaodian/core';
import { unitKey } from '../domain/unit-matcher.js';
import type { Executor } from '../db/database.js';
import { AppError, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  addAlias,
  findUnitByName,
  findUnitsByIds,
  insertUnit,
  listAliases,
} from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';
import { statusWrite } from './status-tracking.js';
import { editablePlan } from './plan-loader.js';
import { rematchIn } from './plan-service.js';

/*
 * The planner settles a printed name during import review: map it to a unit (it becomes that unit's alias
 * for the whole commission) or create the unit. Either way the plan is re-matched in the same transaction.
 */

async function planAt(trx: Executor, actor: Actor, planId: string, version: number) {
  const plan = await editablePlan(trx, actor, planId, false);
  if (plan.version !== version) throw versionConflict('The plan');
  return plan;
}

async function aliasTaken(
  trx: Executor,
  tenantId: string,
  alias: string,
  unitId: string | null,
): Promise<void> {
  const holder = (await listAliases(trx, tenantId)).find((a) => unitKey(a.alias) === unitKey(alias));
  if (holder && holder.unit_id !== unitId) {
    throw new AppError('duplicate', `“${alias}” already stands for another unit`, { field: 'name' });
  }
}

export async function resolveUnmatched(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: { name: string; unitId: string; version: number },
): Promise<PlanDetail> {
  authorize(actor, 'plan.edit');
  return statusWrite(deps, async (trx) => {
    const plan = await planAt(trx, actor, planId, input.version);
    const [unit] = await findUnitsByIds(trx, actor.tenantId, [input.unitId]);
    if (!unit) throw new AppError('validation_failed', 'Unknown unit', { field: 'unitId' });
    await aliasTaken(trx, actor.tenantId, input.name, unit.id);
    if (unitKey(unit.name) !== unitKey(input.name)) await addAlias(trx, actor.tenantId, unit.id, input.name);
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
  authorize(actor, 'plan.edit');
  return statusWrite(deps, async (trx) => {
    const plan = await planAt(trx, actor, planId, input.version);
    if (await findUnitByName(trx, actor.tenantId, input.name)) {
      throw new AppError('duplicate', 'A unit with this name exists; map the name to it instead', {
        field: 'name',
      });
    }
    const aliases = [...new Set(input.aliases.filter((a) => a !== input.name))];
    for (const alias of [input.name, ...aliases]) await aliasTaken(trx, actor.tenantId, alias, null);
    const unit = await insertUnit(trx, actor.tenantId, { name: input.name, kind: input.kind, aliases });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit.create',
      entity: 'unit',
      entityId: unit.id,
      after: { name: unit.name, kind: unit.kind, aliases, planId },
      at: deps.clock.now(),
    });
    return rematchIn(trx, deps, actor, plan);
  });
}
