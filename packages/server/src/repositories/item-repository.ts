import type { Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ItemRow, ItemTable, NewItem } from '../db/schema.js';

const BATCH = 1000;

export async function insertItems(db: Executor, items: readonly NewItem[]): Promise<void> {
  // Pre-order, so a parent is always in an earlier or the same batch as its children.
  for (let i = 0; i < items.length; i += BATCH)
    await db
      .insertInto('items')
      .values(items.slice(i, i + BATCH))
      .execute();
}

export function listItems(db: Executor, tenantId: string, planId: string): Promise<ItemRow[]> {
  return db
    .selectFrom('items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('level')
    .orderBy('position')
    .execute();
}

export function findItem(db: Executor, tenantId: string, itemId: string): Promise<ItemRow | undefined> {
  return db
    .selectFrom('items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export function updateItemAtVersion(
  db: Executor,
  tenantId: string,
  itemId: string,
  version: number,
  changes: Updateable<ItemTable>,
): Promise<ItemRow | undefined> {
  return db
    .updateTable('items')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Structural fields that a move or merge recomputes; no version bump for the bystanders. */
export async function placeItem(
  db: Executor,
  tenantId: string,
  itemId: string,
  place: { parent_id?: string | null; position?: number; level?: number; number?: string },
): Promise<void> {
  await db
    .updateTable('items')
    .set(place)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .execute();
}

export async function deleteItem(db: Executor, tenantId: string, itemId: string): Promise<void> {
  await db.deleteFrom('items').where('tenant_id', '=', tenantId).where('id', '=', itemId).execute();
}

export async function hasChildren(db: Executor, tenantId: string, itemId: string): Promise<boolean> {
  const row = await db
    .selectFrom('items')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', itemId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
