import { sql, type Kysely } from 'kysely';

// What ETags of a plan's tree and summary are made of (repositories/plan-revision-repository.ts):
// `plans.content_rev`, raised by every plan-wide change (the plan-wide status recompute), and a per-task
// `change_count`, raised by one whenever a write touches the task's reports or status. No sequence: Citus refuses
// them in distributed tables, and a count per row is enough (committed writes only add to their sum).
const statements = [
  `ALTER TABLE plans ADD COLUMN content_rev bigint NOT NULL DEFAULT 0`,
  `ALTER TABLE task_status ADD COLUMN change_count bigint NOT NULL DEFAULT 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE task_status DROP COLUMN change_count`.execute(db);
  await sql`ALTER TABLE plans DROP COLUMN content_rev`.execute(db);
}
