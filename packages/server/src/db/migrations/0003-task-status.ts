import { sql, type Kysely } from 'kysely';

// Each task's status as last computed, written in the transaction of every change that can alter it;
// a row computed before today (China time) is recomputed on read, since time alone moves deadlines and periods.
const statements = [
  `CREATE TABLE task_status (
    tenant_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    item_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('done', 'overdue', 'behind', 'at_risk', 'on_track', 'not_started')),
    reason_code text NOT NULL CHECK (reason_code IN (
      'accepted_complete', 'deadline_passed', 'closed_periods_unreported', 'progress_behind',
      'progress_lagging', 'target_off_course', 'no_progress', 'on_pace')),
    reason text NOT NULL,
    percent integer CHECK (percent BETWEEN 0 AND 100),
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, item_id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX task_status_by_item ON task_status (tenant_id, item_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE task_status`.execute(db);
}
