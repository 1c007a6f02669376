import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AssignmentRecord, UnmatchedRecord } from '../domain/assignment-records.js';

export type { AssignmentRecord, UnmatchedRecord };

const BATCH = 1000;

export async function insertAssignments(
  db: Executor,
  tenantId: string,
  rows: readonly AssignmentRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('assignments')
      .values(
        rows
          .slice(i, i + BATCH)
          .map((r) => ({ tenant_id: tenantId, item_id: r.itemId, unit_id: r.unitId, role: r.role })),
      )
      .execute();
  }
}

export async function listPlanAssignments(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<AssignmentRecord[]> {
  const rows = await db
    .selectFrom('assignments')
    .innerJoin('items', (j) =>
      j.onRef('items.tenant_id', '=', 'assignments.tenant_id').onRef('items.id', '=', 'assignments.item_id'),
    )
    .innerJoin('org_units', (j) =>
      j
        .onRef('org_units.tenant_id', '=', 'assignments.tenant_id')
        .onRef('org_units.id', '=', 'assignments.unit_id'),
    )
    .select(['assignments.item_id', 'assignments.unit_id', 'assignments.role'])
    .where('assignments.tenant_id', '=', tenantId)
    .where('items.plan_id', '=', planId)
    // Lead first, then support, then unlabelled; by name within each (a stable order for lists and the 推进表).
    .orderBy(sql`case assignments.role when 'lead' then 0 when 'support' then 1 else 2 end`)
    .orderBy('org_units.name')
    .execute();
  return rows.map((r) => ({ itemId: r.item_id, unitId: r.unit_id, role: r.role }));
}

export async function listItemAssignments(
  db: Executor,
  tenantId: string,
  itemId: string,
): Promise<AssignmentRecord[]> {
  const rows = await db
    .selectFrom('assignments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .execute();
  return rows.map((r) => ({ itemId: r.item_id, unitId: r.unit_id, role: r.role }));
}

export async function deleteItemAssignments(db: Executor, tenantId: string, itemId: string): Promise<void> {
  await db
    .deleteFrom('assignments')
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .execute();
}

export async function insertUnmatched(
  db: Executor,
  tenantId: string,
  rows: readonly UnmatchedRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('unmatched_units')
      .values(
        rows
          .slice(i, i + BATCH)
          .map((r) => ({ tenant_id: tenantId, item_id: r.itemId, name: r.name, role: r.role })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function listPlanUnmatched(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<UnmatchedRecord[]> {
  const rows = await db
    .selectFrom('unmatched_units')
    .innerJoin('items', (j) =>
      j
        .onRef('items.tenant_id', '=', 'unmatched_units.tenant_id')
        .onRef('items.id', '=', 'unmatched_units.item_id'),
    )
    .select(['unmatched_units.item_id', 'unmatched_units.name', 'unmatched_units.role'])
    .where('unmatched_units.tenant_id', '=', tenantId)
    .where('items.plan_id', '=', planId)
    .orderBy('unmatched_units.name')
    .execute();
  return rows.map((r) => ({ itemId: r.item_id, name: r.name, role: r.role }));
}

export async function deleteUnmatched(
  db: Executor,
  tenantId: string,
  itemIds: readonly string[],
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .deleteFrom('unmatched_units')
    .where('tenant_id', '=', tenantId)
    .where('item_id', 'in', itemIds)
    .execute();
}

/** Moves an item's assignments and unmatched names to another, keeping the receiver's role where both have a unit. */
export async function moveAssignments(
  db: Executor,
  tenantId: string,
  fromItemId: string,
  toItemId: string,
): Promise<void> {
  const existing = new Set((await listItemAssignments(db, tenantId, toItemId)).map((a) => a.unitId));
  const moving = (await listItemAssignments(db, tenantId, fromItemId)).filter((a) => !existing.has(a.unitId));
  await insertAssignments(
    db,
    tenantId,
    moving.map((a) => ({ ...a, itemId: toItemId })),
  );
  const unmatched = await db
    .selectFrom('unmatched_units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', fromItemId)
    .execute();
  await insertUnmatched(
    db,
    tenantId,
    unmatched.map((u) => ({ itemId: toItemId, name: u.name, role: u.role })),
  );
}

export async function deleteUnmatchedNames(
  db: Executor,
  tenantId: string,
  rows: readonly { itemId: string; name: string }[],
): Promise<void> {
  for (const row of rows) {
    await db
      .deleteFrom('unmatched_units')
      .where('tenant_id', '=', tenantId)
      .where('item_id', '=', row.itemId)
      .where('name', '=', row.name)
      .execute();
  }
}
