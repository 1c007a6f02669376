import { sql } from 'kysely';
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

/** The item and its ancestors, nearest first (for one task's checks without loading the whole plan). */
export async function findAncestry(
  db: Executor,
  tenantId: string,
  itemId: string,
): Promise<{ id: string; is_task: boolean }[]> {
  const { rows } = await sql<{ id: string; is_task: boolean; depth: number }>`
    WITH RECURSIVE chain AS (
      SELECT id, parent_id, is_task, 0 AS depth FROM items WHERE tenant_id = ${tenantId} AND id = ${itemId}
      UNION ALL
      SELECT i.id, i.parent_id, i.is_task, chain.depth + 1
      FROM items i JOIN chain ON i.tenant_id = ${tenantId} AND i.id = chain.parent_id
      WHERE chain.depth < 50
    )
    SELECT id, is_task, depth FROM chain ORDER BY depth`.execute(db);
  return rows.map((r) => ({ id: r.id, is_task: r.is_task }));
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
