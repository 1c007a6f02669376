import type { Executor } from '../db/database.js';
import type { OrgUnitRow } from '../db/schema.js';

export function listUnits(db: Executor, tenantId: string): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export function listAliases(db: Executor, tenantId: string): Promise<{ alias: string; unit_id: string }[]> {
  return db
    .selectFrom('org_unit_aliases')
    .select(['alias', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('alias')
    .execute();
}

export async function listGroupMembers(db: Executor, tenantId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('unit_groups')
    .innerJoin('unit_group_members', (join) =>
      join
        .onRef('unit_group_members.tenant_id', '=', 'unit_groups.tenant_id')
        .onRef('unit_group_members.group_id', '=', 'unit_groups.id'),
    )
    .select(['unit_groups.name', 'unit_group_members.unit_id'])
    .where('unit_groups.tenant_id', '=', tenantId)
    .execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.name, [...(groups.get(r.name) ?? []), r.unit_id]);
  return groups;
}

export function findUnitsByIds(
  db: Executor,
  tenantId: string,
  ids: readonly string[],
): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

export function findUnitByName(
  db: Executor,
  tenantId: string,
  name: string,
): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertUnit(
  db: Executor,
  tenantId: string,
  unit: { name: string; kind: OrgUnitRow['kind']; aliases: readonly string[] },
) {
  const row = await db
    .insertInto('org_units')
    .values({ tenant_id: tenantId, name: unit.name, kind: unit.kind })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (unit.aliases.length > 0) {
    await db
      .insertInto('org_unit_aliases')
      .values(unit.aliases.map((alias) => ({ tenant_id: tenantId, alias, unit_id: row.id })))
      .execute();
  }
  return row;
}

export async function insertUnitGroup(
  db: Executor,
  tenantId: string,
  name: string,
  unitIds: readonly string[],
): Promise<string> {
  const group = await db
    .insertInto('unit_groups')
    .values({ tenant_id: tenantId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (unitIds.length > 0) {
    await db
      .insertInto('unit_group_members')
      .values(unitIds.map((unitId) => ({ tenant_id: tenantId, group_id: group.id, unit_id: unitId })))
      .execute();
  }
  return group.id;
}

export async function listUnitGroups(
  db: Executor,
  tenantId: string,
): Promise<{ id: string; name: string; unitIds: string[] }[]> {
  const groups = await db
    .selectFrom('unit_groups')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const members = await db
    .selectFrom('unit_group_members')
    .select(['group_id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .orderBy('unit_id')
    .execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    unitIds: members.filter((m) => m.group_id === g.id).map((m) => m.unit_id),
  }));
}

/** Creates the group or replaces its members. */
export async function putUnitGroup(
  db: Executor,
  tenantId: string,
  name: string,
  unitIds: readonly string[],
): Promise<string> {
  const existing = await db
    .selectFrom('unit_groups')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!existing) return insertUnitGroup(db, tenantId, name, unitIds);
  await db
    .deleteFrom('unit_group_members')
    .where('tenant_id', '=', tenantId)
    .where('group_id', '=', existing.id)
    .execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('unit_group_members')
      .values(unitIds.map((unitId) => ({ tenant_id: tenantId, group_id: existing.id, unit_id: unitId })))
      .execute();
  }
  return existing.id;
}

export async function addAlias(db: Executor, tenantId: string, unitId: string, alias: string): Promise<void> {
  await db
    .insertInto('org_unit_aliases')
    .values({ tenant_id: tenantId, alias, unit_id: unitId })
    .onConflict((oc) => oc.columns(['tenant_id', 'alias']).doNothing())
    .execute();
}

export async function replaceAliases(
  db: Executor,
  tenantId: string,
  unitId: string,
  aliases: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('org_unit_aliases')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .execute();
  if (aliases.length === 0) return;
  await db
    .insertInto('org_unit_aliases')
    .values(aliases.map((alias) => ({ tenant_id: tenantId, alias, unit_id: unitId })))
    .execute();
}

export function updateUnitRow(
  db: Executor,
  tenantId: string,
  unitId: string,
  changes: { name?: string; kind?: OrgUnitRow['kind']; linked_tenant_id?: string | null },
) {
  if (changes.name === undefined && changes.kind === undefined && changes.linked_tenant_id === undefined) {
    return db
      .selectFrom('org_units')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', unitId)
      .executeTakeFirst();
  }
  return db
    .updateTable('org_units')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .returningAll()
    .executeTakeFirst();
}
