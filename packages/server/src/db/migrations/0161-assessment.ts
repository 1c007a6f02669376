import { sql, type Kysely } from 'kysely';

/*
 * The annual assessment (年考核, issue 9, part 6).
 * - assessment_rules: a plan's scoring rules as data (core `AssessmentRules`); no row = the default set.
 * - leader_evaluations: each leader's score (0–100) of a unit for a plan; the unit's evaluation is their mean.
 * - assessment_snapshots: a published assessment, frozen: the rules and every unit's score and lines as they
 *   were computed at publication, so later reports, rules or evaluations never change it. One per plan.
 */
const statements = [
  `CREATE TABLE assessment_rules (
    tenant_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    rules jsonb NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL,
    updated_by uuid NOT NULL,
    PRIMARY KEY (tenant_id, plan_id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id)
  )`,
  `CREATE TABLE leader_evaluations (
    tenant_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    evaluator_id uuid NOT NULL,
    score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    evaluated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, unit_id, evaluator_id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, evaluator_id) REFERENCES users (tenant_id, id)
  )`,
  `CREATE TABLE assessment_snapshots (
    tenant_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    as_of date NOT NULL,
    rules jsonb NOT NULL,
    result jsonb NOT NULL,
    published_at timestamptz NOT NULL,
    published_by uuid NOT NULL,
    PRIMARY KEY (tenant_id, plan_id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, published_by) REFERENCES users (tenant_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['assessment_snapshots', 'leader_evaluations', 'assessment_rules'])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
