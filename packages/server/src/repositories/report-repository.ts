import type { Executor } from '../db/database.js';

export async function countReportsForItems(db: Executor, tenantId: string, itemIds: readonly string[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const row = await db
    .selectFrom('progress_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('item_id', 'in', itemIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
