import { sql, type Kysely } from 'kysely';

// A task's place in its plan, stored beside its status by the plan-wide recompute (services/task-status-recompute.ts),
// so a page of the task list is one indexed query (repositories/task-list-repository.ts) whatever the plan's size:
// its position in plan order (the keyset), its section, and its effective (own or inherited) units.
const statements = [
  `ALTER TABLE task_status ADD COLUMN position integer`,
  `ALTER TABLE task_status ADD COLUMN section_id uuid`,
  `ALTER TABLE task_status ADD COLUMN lead_unit_ids uuid[] NOT NULL DEFAULT '{}'`,
  `ALTER TABLE task_status ADD COLUMN support_unit_ids uuid[] NOT NULL DEFAULT '{}'`,
  `ALTER TABLE task_status ADD COLUMN reporting_unit_ids uuid[] NOT NULL DEFAULT '{}'`,
  `CREATE INDEX task_status_by_position ON task_status (tenant_id, plan_id, position)`,
  `CREATE INDEX task_status_by_status ON task_status (tenant_id, plan_id, status, position)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS task_status_by_status`.execute(db);
  await sql`DROP INDEX IF EXISTS task_status_by_position`.execute(db);
  for (const column of ['reporting_unit_ids', 'support_unit_ids', 'lead_unit_ids', 'section_id', 'position'])
    await sql.raw(`ALTER TABLE task_status DROP COLUMN ${column}`).execute(db);
}
