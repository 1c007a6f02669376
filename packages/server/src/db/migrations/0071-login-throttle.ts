import { sql, type Kysely } from 'kysely';

/*
 * Sign-in throttling (issue 12): one row per user name ('user:<name>') and per client address
 * ('ip:<address>'), whether or not the name exists in any commission, so the answers never tell which
 * names exist. An attempt is counted here, in one atomic statement, before its password is checked.
 * Not tenant-owned (a name is counted before we know, or reveal, whose it is): a coordinator-local table
 * under Citus.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE login_throttle (
    key text PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 400),
    attempts integer NOT NULL CHECK (attempts >= 0),
    window_started_at timestamptz NOT NULL,
    locked_until timestamptz,
    locks integer NOT NULL DEFAULT 0 CHECK (locks >= 0),
    updated_at timestamptz NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS login_throttle`.execute(db);
}
