import type { Unit, UnitKind } from '@yaodian/core';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  findUnitByName,
  findUnitsByIds,
  insertUnit,
  listAliases,
  listUnitGroups,
  listUnits,
  putUnitGroup,
  replaceAliases,
  updateUnitRow,
} from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';

export async function listTenantUnits(deps: Deps, actor: Actor): Promise<{ units: Unit[] }> {
  authorize(actor, 'unit.read');
  const [units, aliases] = await Promise.all([
    listUnits(deps.db, actor.tenantId),
    listAliases(deps.db, actor.tenantId),
  ]);
  return {
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias),
    })),
  };
}

export async function createUnit(
  deps: Deps,
  actor: Actor,
  input: { name: string; kind: UnitKind; aliases: string[] },
): Promise<Unit> {
  authorize(actor, 'unit.manage');
  const aliases = [...new Set(input.aliases.filter((a) => a !== input.name))];
  return deps.db.transaction().execute(async (trx) => {
    if (await findUnitByName(trx, actor.tenantId, input.name))
      throw new AppError('duplicate', 'A unit with this name exists', { field: 'name' });
    const taken = (await listAliases(trx, actor.tenantId)).find((a) => aliases.includes(a.alias));
    if (taken)
      throw new AppError('duplicate', `The alias ${taken.alias} is already used`, { field: 'aliases' });
    const unit = await insertUnit(trx, actor.tenantId, { name: input.name, kind: input.kind, aliases });
    const dto = { id: unit.id, name: unit.name, kind: unit.kind, aliases };
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit.create',
      entity: 'unit',
      entityId: unit.id,
      after: dto,
      at: deps.clock.now(),
    });
    return dto;
  });
}

export async function listGroups(deps: Deps, actor: Actor) {
  authorize(actor, 'unit.read');
  return { groups: await listUnitGroups(deps.db, actor.tenantId) };
}

/** Sets who a collective name (各县市区卫生健康局, 委机关各科室) stands for; the next import or re-match uses it. */
export async function setGroup(deps: Deps, actor: Actor, input: { name: string; unitIds: string[] }) {
  authorize(actor, 'unit.manage');
  const unitIds = [...new Set(input.unitIds)];
  return deps.db.transaction().execute(async (trx) => {
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', 'Unknown unit', { field: 'unitIds' });
    }
    const before = (await listUnitGroups(trx, actor.tenantId)).find((g) => g.name === input.name) ?? null;
    const id = await putUnitGroup(trx, actor.tenantId, input.name, unitIds);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit_group.put',
      entity: 'unit_group',
      entityId: id,
      before,
      after: { name: input.name, unitIds },
      at: deps.clock.now(),
    });
    return { id, name: input.name, unitIds };
  });
}

export async function updateUnit(
  deps: Deps,
  actor: Actor,
  unitId: string,
  input: { name?: string; kind?: UnitKind; aliases?: string[] },
): Promise<Unit> {
  authorize(actor, 'unit.manage');
  return deps.db.transaction().execute(async (trx) => {
    const [before] = await findUnitsByIds(trx, actor.tenantId, [unitId]);
    if (!before) throw notFound('Unit');
    const beforeAliases = (await listAliases(trx, actor.tenantId))
      .filter((a) => a.unit_id === unitId)
      .map((a) => a.alias);
    if (input.name && input.name !== before.name && (await findUnitByName(trx, actor.tenantId, input.name))) {
      throw new AppError('duplicate', 'A unit with this name exists', { field: 'name' });
    }
    const name = input.name ?? before.name;
    const aliases = input.aliases ? [...new Set(input.aliases.filter((a) => a !== name))] : beforeAliases;
    const taken = (await listAliases(trx, actor.tenantId)).find(
      (a) => a.unit_id !== unitId && aliases.includes(a.alias),
    );
    if (taken)
      throw new AppError('duplicate', `The alias ${taken.alias} is already used`, { field: 'aliases' });
    const after = await updateUnitRow(trx, actor.tenantId, unitId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
    });
    if (!after) throw notFound('Unit');
    if (input.aliases) await replaceAliases(trx, actor.tenantId, unitId, aliases);
    const dto = { id: after.id, name: after.name, kind: after.kind, aliases };
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit.update',
      entity: 'unit',
      entityId: unitId,
      before: { name: before.name, kind: before.kind, aliases: beforeAliases },
      after: dto,
      at: deps.clock.now(),
    });
    return dto;
  });
}
