import { sql, type Kysely } from 'kysely';

/*
 * Durable jobs (src/jobs/): one row a job, claimed with FOR UPDATE SKIP LOCKED inside the transaction that
 * also holds the job's own writes, so a job's effects and its `done` commit together or not at all.
 * `key` is the idempotency key: a second enqueue of the same key is a no-op, forever (done rows stay).
 * Every job belongs to a tenant, so the table follows the Citus rule (tenant_id first in every key).
 */
const statements = [
  `CREATE TABLE jobs (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    run_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    last_error text,
    created_at timestamptz NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
  )`,
  // Workers look for due pending jobs across tenants; the partial index holds only those.
  `CREATE INDEX jobs_due ON jobs (run_at) WHERE state = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE jobs`.execute(db);
}
