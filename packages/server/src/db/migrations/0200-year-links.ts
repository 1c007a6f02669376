import { sql, type Kysely } from 'kysely';

/*
 * Year over year (issue 10, part 3).
 * - year_links: a task of this plan linked to a task of an earlier plan of the same commission, proposed
 *   by the matcher (origin 'matched', with its score and reasons) or made by carrying an unfinished task
 *   forward (origin 'carried', confirmed at once). One predecessor per task, one successor per earlier
 *   task within a plan. A rejected link stays, so proposing again does not offer it again.
 * - target_year_links: within a linked pair, a target linked to last year's target of the same metric.
 *   baseline_*: where the target's baseline came from (last year's latest accepted actual, on confirm);
 *   a record of provenance, so the report id carries no foreign key (the figure stays if it is removed).
 * Both sides of every key are in one tenant: every foreign key includes tenant_id.
 */
const statements = [
  `CREATE TABLE year_links (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan_id uuid NOT NULL,
    item_id uuid NOT NULL,
    previous_plan_id uuid NOT NULL,
    previous_item_id uuid NOT NULL,
    origin text NOT NULL CHECK (origin IN ('matched', 'carried')),
    score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
    reasons jsonb NOT NULL DEFAULT '[]',
    status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    decided_by uuid,
    decided_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, item_id),
    UNIQUE (tenant_id, plan_id, previous_item_id),
    CHECK (plan_id <> previous_plan_id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, previous_plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, previous_item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, decided_by) REFERENCES users (tenant_id, id)
  )`,
  `CREATE INDEX year_links_by_previous_item ON year_links (tenant_id, previous_item_id)`,
  `CREATE TABLE target_year_links (
    tenant_id uuid NOT NULL,
    link_id uuid NOT NULL,
    target_id uuid NOT NULL,
    previous_target_id uuid NOT NULL,
    score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
    baseline_report_id uuid,
    baseline_value double precision,
    baseline_period text,
    baseline_set_at timestamptz,
    PRIMARY KEY (tenant_id, target_id),
    UNIQUE (tenant_id, link_id, previous_target_id),
    CHECK ((baseline_report_id IS NULL) = (baseline_value IS NULL)),
    FOREIGN KEY (tenant_id, link_id) REFERENCES year_links (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, target_id) REFERENCES targets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, previous_target_id) REFERENCES targets (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX target_year_links_by_previous ON target_year_links (tenant_id, previous_target_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS target_year_links`.execute(db);
  await sql`DROP TABLE IF EXISTS year_links`.execute(db);
}
