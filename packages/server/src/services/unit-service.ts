import type { Unit, UnitKind } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import { unitKey } from '../domain/unit-matcher.js';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeUnit } from '../policies/units.js';
import { presentUnit } from '../presenters/unit-presenter.js';
import { raiseTenantPlanRevisions } from '../repositories/plan-revision-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  findUnitsByIds,
  insertUnit,
  listAliases,
  listUnitGroups,
  listUnits,
  putUnitGroup,
  replaceAliases,
  updateUnitRow,
} from '../repositories/unit-repository.js';
import { findTenant } from '../repositories/tenant-repository.js';
import type { Deps } from './deps.js';
import { ERRORS } from '../messaging/error-messages.js';

export async function listTenantUnits(deps: Deps, actor: Actor): Promise<{ units: Unit[] }> {
  authorizeUnit(actor, 'read');
  const [units, aliases] = await Promise.all([
    listUnits(deps.db, actor.tenantId),
    listAliases(deps.db, actor.tenantId),
  ]);
  return {
    units: units.map((u) =>
      presentUnit(
        u,
        aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias),
      ),
    ),
  };
}

/**
 * The one rule for names a unit may take (its name and aliases, whoever creates or edits it): no name may
 * stand for another unit already, as that unit's name or one of its aliases, compared the way plans are matched
 * (spaces and brackets ignored). `unitId` is the unit being edited, whose own names do not clash.
 */
export async function assertUnitNamesFree(
  trx: Executor,
  tenantId: string,
  names: { name: string | null; aliases: readonly string[] },
  unitId: string | null,
): Promise<void> {
  const [units, aliases] = await Promise.all([listUnits(trx, tenantId), listAliases(trx, tenantId)]);
  const holders = new Map<string, string>();
  for (const u of units) holders.set(unitKey(u.name), u.id);
  for (const a of aliases) if (!holders.has(unitKey(a.alias))) holders.set(unitKey(a.alias), a.unit_id);
  const clash = (name: string): boolean => {
    const holder = holders.get(unitKey(name));
    return holder !== undefined && holder !== unitId;
  };
  if (names.name !== null && clash(names.name))
    throw new AppError('duplicate', `“${names.name}”已是其他单位的名称或简称`, { field: 'name' });
  const taken = names.aliases.find(clash);
  if (taken) throw new AppError('duplicate', `简称“${taken}”已被其他单位使用`, { field: 'aliases' });
}

/**
 * Creates a unit inside the caller's transaction, with its audit row: the one path for the admin's unit screen
 * and the planner settling a printed name during import review. The caller has authorised the actor.
 */
export async function createUnitIn(
  trx: Executor,
  deps: Deps,
  actor: Actor,
  input: { name: string; kind: UnitKind; aliases: string[] },
  context: Record<string, unknown> = {},
): Promise<Unit> {
  const name = input.name.trim();
  const aliases = [...new Set(input.aliases.map((a) => a.trim()))].filter(
    (a) => a && unitKey(a) !== unitKey(name),
  );
  await assertUnitNamesFree(trx, actor.tenantId, { name, aliases }, null);
  const unit = await insertUnit(trx, actor.tenantId, { name, kind: input.kind, aliases });
  const dto = presentUnit(unit, aliases);
  await appendAudit(trx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'unit.create',
    entity: 'unit',
    entityId: unit.id,
    after: { ...dto, ...context },
    at: deps.clock.now(),
  });
  return dto;
}

export async function createUnit(
  deps: Deps,
  actor: Actor,
  input: { name: string; kind: UnitKind; aliases: string[] },
): Promise<Unit> {
  authorizeUnit(actor, 'manage');
  return deps.db.transaction().execute((trx) => createUnitIn(trx, deps, actor, input));
}

export async function listGroups(deps: Deps, actor: Actor) {
  authorizeUnit(actor, 'read');
  return { groups: await listUnitGroups(deps.db, actor.tenantId) };
}

/** Sets who a collective name (各县市区卫生健康局, 委机关各科室) stands for; the next import or re-match uses it. */
export async function setGroup(deps: Deps, actor: Actor, input: { name: string; unitIds: string[] }) {
  authorizeUnit(actor, 'manage');
  const unitIds = [...new Set(input.unitIds)];
  return deps.db.transaction().execute(async (trx) => {
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', ERRORS.unit.unknown, { field: 'unitIds' });
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

/** A unit stands only for a direct child of its own commission (the county its bureau heads). */
async function assertChildTenant(
  trx: Executor,
  actor: Actor,
  unitId: string,
  tenantId: string,
): Promise<void> {
  const child = await findTenant(trx, tenantId);
  if (child?.parent_id !== actor.tenantId)
    throw new AppError('validation_failed', '只能关联本机构的直接下级机构', { field: 'linkedTenantId' });
  const holder = (await listUnits(trx, actor.tenantId)).find(
    (u) => u.linked_tenant_id === tenantId && u.id !== unitId,
  );
  if (holder)
    throw new AppError('duplicate', `该下级机构已关联到“${holder.name}”`, { field: 'linkedTenantId' });
}

export async function updateUnit(
  deps: Deps,
  actor: Actor,
  unitId: string,
  input: { name?: string; kind?: UnitKind; aliases?: string[]; linkedTenantId?: string | null },
): Promise<Unit> {
  authorizeUnit(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    const [before] = await findUnitsByIds(trx, actor.tenantId, [unitId]);
    if (!before) throw notFound('unit');
    if (input.linkedTenantId) await assertChildTenant(trx, actor, unitId, input.linkedTenantId);
    const beforeAliases = (await listAliases(trx, actor.tenantId))
      .filter((a) => a.unit_id === unitId)
      .map((a) => a.alias);
    const name = input.name ?? before.name;
    const aliases = input.aliases
      ? [...new Set(input.aliases.map((a) => a.trim()))].filter((a) => a && unitKey(a) !== unitKey(name))
      : beforeAliases;
    await assertUnitNamesFree(trx, actor.tenantId, { name: input.name ?? null, aliases }, unitId);
    const after = await updateUnitRow(trx, actor.tenantId, unitId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.linkedTenantId !== undefined ? { linked_tenant_id: input.linkedTenantId } : {}),
    });
    if (!after) throw notFound('unit');
    if (input.aliases) await replaceAliases(trx, actor.tenantId, unitId, aliases);
    // Plans show units by name: their trees' and summaries' ETags move with a rename.
    if (after.name !== before.name) await raiseTenantPlanRevisions(trx, actor.tenantId);
    const dto = presentUnit(after, aliases);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit.update',
      entity: 'unit',
      entityId: unitId,
      before: {
        name: before.name,
        kind: before.kind,
        aliases: beforeAliases,
        linkedTenantId: before.linked_tenant_id,
      },
      after: dto,
      at: deps.clock.now(),
    });
    return dto;
  });
}
