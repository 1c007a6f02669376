import type { Executor } from '../db/database.js';

export function findPlanSource(db: Executor, tenantId: string, planId: string) {
  return db
    .selectFrom('plans')
    .select(['source_bytes', 'source_file_name', 'text'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .executeTakeFirst();
}
