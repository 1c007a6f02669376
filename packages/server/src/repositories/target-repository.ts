import type { Executor } from '../db/database.js';
import type { NewTarget, TargetRow, TargetUpdate } from '../db/schema.js';

const BATCH = 1000;

export async function insertTargets(db: Executor, rows: readonly NewTarget[]): Promise<TargetRow[]> {
  const out: TargetRow[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    out.push(
      ...(await db
        .insertInto('targets')
        .values(rows.slice(i, i + BATCH))
        .returningAll()
        .execute()),
    );
  }
  return out;
}

export function listPlanTargets(db: Executor, tenantId: string, planId: string): Promise<TargetRow[]> {
  return db
    .selectFrom('targets')
    .innerJoin('items', (j) =>
      j.onRef('items.tenant_id', '=', 'targets.tenant_id').onRef('items.id', '=', 'targets.item_id'),
    )
    .selectAll('targets')
    .where('targets.tenant_id', '=', tenantId)
    .where('items.plan_id', '=', planId)
    .orderBy('targets.item_id')
    .orderBy('targets.position')
    .execute();
}

export function listItemTargets(db: Executor, tenantId: string, itemId: string): Promise<TargetRow[]> {
  return db
    .selectFrom('targets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
}

export function findTarget(db: Executor, tenantId: string, targetId: string): Promise<TargetRow | undefined> {
  return db
    .selectFrom('targets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', targetId)
    .executeTakeFirst();
}

export function updateTargetAtVersion(
  db: Executor,
  tenantId: string,
  targetId: string,
  version: number,
  changes: TargetUpdate,
): Promise<TargetRow | undefined> {
  return db
    .updateTable('targets')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', targetId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteTarget(db: Executor, tenantId: string, targetId: string): Promise<void> {
  await db.deleteFrom('targets').where('tenant_id', '=', tenantId).where('id', '=', targetId).execute();
}

export async function reassignTargets(
  db: Executor,
  tenantId: string,
  fromItemId: string,
  toItemId: string,
  positionOffset: number,
): Promise<void> {
  await db
    .updateTable('targets')
    .set((eb) => ({ item_id: toItemId, position: eb('position', '+', positionOffset) }))
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', fromItemId)
    .execute();
}

/** Moves an item's targets printed at or after `fromSource` (a split's second part) to another item. */
export async function moveTargetsFromOffset(
  db: Executor,
  tenantId: string,
  fromItemId: string,
  toItemId: string,
  fromSource: number,
): Promise<number> {
  const moved = await db
    .updateTable('targets')
    .set({ item_id: toItemId })
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', fromItemId)
    .where('source_start', '>=', fromSource)
    .returning('id')
    .execute();
  return moved.length;
}
