import { sql, type Kysely } from 'kysely';

// What a per-task status recompute reads by item and by target (src/repositories/task-status-inputs.ts).
const statements = [
  `CREATE INDEX IF NOT EXISTS targets_by_item ON targets (tenant_id, item_id)`,
  `CREATE INDEX IF NOT EXISTS target_actuals_by_target ON target_actuals (tenant_id, target_id)`,
  `CREATE INDEX IF NOT EXISTS assignments_by_item ON assignments (tenant_id, item_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS targets_by_item`.execute(db);
  await sql`DROP INDEX IF EXISTS target_actuals_by_target`.execute(db);
  await sql`DROP INDEX IF EXISTS assignments_by_item`.execute(db);
}
