import { sql, type Kysely } from 'kysely';

/*
 * The password and session policy (issue 12, 等保2.0 三级 · 身份鉴别).
 * - password_policies: one row per commission once its security administrator sets one; none = the defaults.
 * - password_history: a user's earlier password hashes (the current one is users.password_hash), so a new
 *   password is never one of the last N. `seq` numbers them per user (no identity column: a tenant table).
 * - users.password_changed_at: when the password was last set (expiry).
 * - users.must_change_password: set when the security administrator resets it; cleared by the user's change.
 */
const statements = [
  `CREATE TABLE password_policies (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    min_length integer NOT NULL CHECK (min_length BETWEEN 8 AND 64),
    min_classes integer NOT NULL CHECK (min_classes BETWEEN 3 AND 4),
    history integer NOT NULL CHECK (history BETWEEN 1 AND 24),
    expiry_days integer NOT NULL CHECK (expiry_days BETWEEN 7 AND 365),
    force_change_after_reset boolean NOT NULL,
    idle_minutes integer NOT NULL CHECK (idle_minutes BETWEEN 5 AND 120),
    absolute_hours integer NOT NULL CHECK (absolute_hours BETWEEN 1 AND 24),
    version integer NOT NULL CHECK (version >= 1),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
  )`,
  `CREATE TABLE password_history (
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    seq integer NOT NULL CHECK (seq >= 1),
    password_hash text NOT NULL,
    replaced_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, seq),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
  )`,
  // Existing accounts (and rows restored from a backup made before this column) count from now; the services
  // always give the time from their clock.
  `ALTER TABLE users ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`,
  `ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS password_history`.execute(db);
  await sql`DROP TABLE IF EXISTS password_policies`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS password_changed_at`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS must_change_password`.execute(db);
}
