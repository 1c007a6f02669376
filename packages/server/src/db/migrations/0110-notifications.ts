import { sql, type Kysely } from 'kysely';

/*
 * The reporting calendar and its reminders (issue 9, part 1).
 * - users.email and users.notify_email: where a person's e-mail reminders go, and whether they want them.
 * - plans.reminder_policy: when the plan's reminders fire, in working days around each period's due date.
 * - working_day_overrides: a commission's own corrections to the national holiday calendar.
 * - notifications: the in-app notification centre, one row per person and event; `key` makes a reminder
 *   that is produced twice (a retried job, two server processes) land once.
 * - unit_robots: a unit's WeCom / DingTalk group robot.
 * - outbound_messages: every message sent by e-mail or robot, as an outbox: written in the transaction that
 *   decides to send it, delivered by a job, its outcome recorded.
 */
const statements = [
  `ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@\\s]+@[^@\\s]+$'))`,
  `ALTER TABLE users ADD COLUMN notify_email boolean NOT NULL DEFAULT true`,
  `ALTER TABLE plans ADD COLUMN reminder_policy jsonb NOT NULL
     DEFAULT '{"enabled": true, "before": [3, 1], "onDue": true, "after": [1, 3], "shiftToWorkday": true}'::jsonb`,
  `CREATE TABLE working_day_overrides (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    day date NOT NULL,
    workday boolean NOT NULL,
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    PRIMARY KEY (tenant_id, day)
  )`,
  `CREATE TABLE notifications (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL,
    kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    body text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
    link text CHECK (link IS NULL OR (length(link) <= 500 AND link LIKE '/%')),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
    created_at timestamptz NOT NULL,
    read_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, user_id, key),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX notifications_inbox ON notifications (tenant_id, user_id, created_at DESC)`,
  `CREATE INDEX notifications_unread ON notifications (tenant_id, user_id) WHERE read_at IS NULL`,
  `CREATE TABLE unit_robots (
    tenant_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('wecom', 'dingtalk')),
    webhook_url text NOT NULL CHECK (length(webhook_url) BETWEEN 10 AND 1000 AND webhook_url ~ '^https?://'),
    secret text CHECK (secret IS NULL OR length(secret) BETWEEN 1 AND 200),
    enabled boolean NOT NULL DEFAULT true,
    PRIMARY KEY (tenant_id, unit_id, kind),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE outbound_messages (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    channel text NOT NULL CHECK (channel IN ('email', 'wecom', 'dingtalk')),
    recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 1000),
    subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body text NOT NULL CHECK (length(body) <= 8000),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error text,
    created_at timestamptz NOT NULL,
    sent_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['outbound_messages', 'unit_robots', 'notifications', 'working_day_overrides'])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  await sql`ALTER TABLE plans DROP COLUMN IF EXISTS reminder_policy`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS notify_email`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS email`.execute(db);
}
