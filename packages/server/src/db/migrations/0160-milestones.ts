import { sql, type Kysely } from 'kysely';

/*
 * Milestones (issue 9, part 5) and the "without substance" return flag the annual assessment deducts for.
 * - milestones: a task's dated steps (立项 → 开工 → …), in `position` order. `actual_on` is what the lead
 *   unit's reporter recorded; it counts (for status and the assessment) once `confirmed_at` is set by a
 *   reviewer, as a report's figures count once accepted.
 * - task_status.reason_code gains 'milestone_missed': a planned date passed without a confirmed actual date.
 * - progress_reports.no_substance_at: when a reviewer returned the report as 无实质内容; kept after the
 *   report is resubmitted, since the deduction is for the return itself.
 */
const REASON_CODES = [
  'accepted_complete',
  'deadline_passed',
  'closed_periods_unreported',
  'progress_behind',
  'progress_lagging',
  'target_off_course',
  'no_progress',
  'on_pace',
];
const codeList = (codes: readonly string[]): string => codes.map((c) => `'${c}'`).join(', ');

const statements = [
  `CREATE TABLE milestones (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan_id uuid NOT NULL,
    item_id uuid NOT NULL,
    position integer NOT NULL CHECK (position >= 0),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    planned_on date NOT NULL,
    actual_on date,
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_by uuid,
    confirmed_at timestamptz,
    confirmed_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CHECK (confirmed_at IS NULL OR actual_on IS NOT NULL),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, recorded_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, confirmed_by) REFERENCES users (tenant_id, id)
  )`,
  `CREATE INDEX milestones_by_item ON milestones (tenant_id, item_id, position)`,
  `CREATE INDEX milestones_by_plan ON milestones (tenant_id, plan_id, planned_on)`,
  `ALTER TABLE task_status DROP CONSTRAINT task_status_reason_code_check`,
  `ALTER TABLE task_status ADD CONSTRAINT task_status_reason_code_check
     CHECK (reason_code IN (${codeList([...REASON_CODES, 'milestone_missed'])}))`,
  `ALTER TABLE progress_reports ADD COLUMN no_substance_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE progress_reports DROP COLUMN IF EXISTS no_substance_at`.execute(db);
  await sql`DELETE FROM task_status WHERE reason_code = 'milestone_missed'`.execute(db);
  await sql`ALTER TABLE task_status DROP CONSTRAINT task_status_reason_code_check`.execute(db);
  await sql
    .raw(
      `ALTER TABLE task_status ADD CONSTRAINT task_status_reason_code_check CHECK (reason_code IN (${codeList(REASON_CODES)}))`,
    )
    .execute(db);
  await sql`DROP TABLE IF EXISTS milestones`.execute(db);
}
