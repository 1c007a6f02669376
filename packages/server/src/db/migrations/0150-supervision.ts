import { sql, type Kysely } from 'kysely';

/*
 * 督办 and leaders' ownership (issue 9, parts 3 and 4).
 * - plans.supervision_rules: the plan's 督办 rules as data ('{}' = the defaults, read through core's schema).
 * - items.leader_id: a task's or section's owning leader (委领导包抓); org_units.leader_id: the unit's 分管 leader.
 * - supervision_counters: the next 督办〔year〕n号 per commission and year; the row lock taken by the increment
 *   is held until the issuing transaction ends, so numbers have no gaps and no duplicates under concurrency.
 * - supervision_notices (+ _units, _items): one 督办单 each. An escalation closes a notice as 'escalated'
 *   and issues the next level as a new numbered notice pointing back (previous_id), so the ladder is kept.
 *   `rule_key` (rule, task, unit[, target]) is unique among open notices: a rule never raises a second
 *   notice for the same reason while one is open.
 * - item_instructions: a leader's one-line 批示 on a task.
 */
const statements = [
  `ALTER TABLE plans ADD COLUMN supervision_rules jsonb NOT NULL DEFAULT '{}'::jsonb`,
  `ALTER TABLE items ADD COLUMN leader_id uuid`,
  `ALTER TABLE items ADD FOREIGN KEY (tenant_id, leader_id) REFERENCES users (tenant_id, id)`,
  `ALTER TABLE org_units ADD COLUMN leader_id uuid`,
  `ALTER TABLE org_units ADD FOREIGN KEY (tenant_id, leader_id) REFERENCES users (tenant_id, id)`,
  `CREATE INDEX items_leader ON items (tenant_id, leader_id) WHERE leader_id IS NOT NULL`,
  `CREATE TABLE supervision_counters (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    last integer NOT NULL CHECK (last >= 0),
    PRIMARY KEY (tenant_id, year)
  )`,
  `CREATE TABLE supervision_notices (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan_id uuid NOT NULL,
    year integer NOT NULL,
    seq integer NOT NULL CHECK (seq >= 1),
    level text NOT NULL CHECK (level IN ('blue', 'yellow', 'red')),
    status text NOT NULL CHECK (status IN ('issued', 'signed', 'responded', 'closed', 'escalated')),
    rule text NOT NULL CHECK (rule IN ('manual', 'overdue', 'behind', 'stale', 'returns', 'trajectory')),
    rule_key text CHECK (rule_key IS NULL OR length(rule_key) <= 300),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    response_due date NOT NULL,
    issued_by uuid,
    issued_at timestamptz NOT NULL,
    signed_by uuid,
    signed_at timestamptz,
    response text CHECK (response IS NULL OR length(response) <= 4000),
    responded_by uuid,
    responded_at timestamptz,
    closed_by uuid,
    closed_at timestamptz,
    close_note text CHECK (close_note IS NULL OR length(close_note) <= 1000),
    previous_id uuid,
    next_id uuid,
    idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) <= 200),
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, year, seq),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE UNIQUE INDEX supervision_notices_open_rule ON supervision_notices (tenant_id, rule_key)
     WHERE rule_key IS NOT NULL AND status IN ('issued', 'signed', 'responded')`,
  `CREATE INDEX supervision_notices_plan ON supervision_notices (tenant_id, plan_id, status)`,
  `CREATE TABLE supervision_notice_units (
    tenant_id uuid NOT NULL,
    notice_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, notice_id, unit_id),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES supervision_notices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id)
  )`,
  `CREATE INDEX supervision_notice_units_unit ON supervision_notice_units (tenant_id, unit_id)`,
  `CREATE TABLE supervision_notice_items (
    tenant_id uuid NOT NULL,
    notice_id uuid NOT NULL,
    item_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, notice_id, item_id),
    FOREIGN KEY (tenant_id, notice_id) REFERENCES supervision_notices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX supervision_notice_items_item ON supervision_notice_items (tenant_id, item_id)`,
  `CREATE TABLE item_instructions (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL,
    author_id uuid NOT NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, author_id) REFERENCES users (tenant_id, id)
  )`,
  `CREATE INDEX item_instructions_item ON item_instructions (tenant_id, item_id, created_at DESC)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'item_instructions',
    'supervision_notice_items',
    'supervision_notice_units',
    'supervision_notices',
    'supervision_counters',
  ])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  await sql`ALTER TABLE org_units DROP COLUMN IF EXISTS leader_id`.execute(db);
  await sql`ALTER TABLE items DROP COLUMN IF EXISTS leader_id`.execute(db);
  await sql`ALTER TABLE plans DROP COLUMN IF EXISTS supervision_rules`.execute(db);
}
