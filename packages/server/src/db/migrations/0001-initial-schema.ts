import { sql, type Kysely } from 'kysely';

/*
 * Citus-ready rule (docs/ARCHITECTURE.md): every tenant-owned table has tenant_id NOT NULL, its primary
 * key starts with tenant_id, and every foreign key to another tenant-owned table includes tenant_id.
 * PostgreSQL 15 features only (PGlite is 18; CI also runs 15).
 */
const statements = [
  `CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id uuid REFERENCES tenants (id),
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,64}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE org_units (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind text NOT NULL CHECK (kind IN ('department', 'affiliated', 'county', 'facility', 'other')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
  )`,
  `CREATE TABLE org_unit_aliases (
    tenant_id uuid NOT NULL,
    alias text NOT NULL CHECK (length(alias) BETWEEN 1 AND 100),
    unit_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, alias),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE unit_groups (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
  )`,
  `CREATE TABLE unit_group_members (
    tenant_id uuid NOT NULL,
    group_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, unit_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES unit_groups (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE users (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    username text NOT NULL CHECK (username ~ '^[a-z0-9_.-]{2,64}$'),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'leader', 'planner', 'reporter', 'viewer')),
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, username)
  )`,
  `CREATE TABLE user_units (
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, user_id, unit_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE sessions (
    tenant_id uuid NOT NULL,
    id text NOT NULL,
    user_id uuid NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    CHECK (expires_at > created_at)
  )`,
  `CREATE TABLE login_attempts (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    username text NOT NULL,
    ip text NOT NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE INDEX login_attempts_by_key ON login_attempts (tenant_id, username, ip, at)`,
  `CREATE TABLE plans (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    source_file_name text,
    source_bytes bytea,
    source_sha256 text CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
    source_format text,
    text text NOT NULL DEFAULT '',
    meta jsonb NOT NULL DEFAULT '{}',
    aliases jsonb NOT NULL DEFAULT '[]',
    warnings jsonb NOT NULL DEFAULT '[]',
    behind_points integer NOT NULL DEFAULT 20 CHECK (behind_points BETWEEN 1 AND 100),
    at_risk_points integer NOT NULL DEFAULT 10 CHECK (at_risk_points BETWEEN 1 AND 100),
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    CHECK (at_risk_points < behind_points),
    CHECK ((status = 'draft') = (published_at IS NULL) OR status = 'archived')
  )`,
  `CREATE TABLE items (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan_id uuid NOT NULL,
    parent_id uuid,
    position integer NOT NULL CHECK (position >= 0),
    number text NOT NULL DEFAULT '',
    level integer NOT NULL CHECK (level BETWEEN 1 AND 20),
    title text NOT NULL,
    text text NOT NULL DEFAULT '',
    is_task boolean NOT NULL DEFAULT false,
    deadline date,
    deadline_text text,
    source_start integer,
    source_end integer,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, parent_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK ((source_start IS NULL) = (source_end IS NULL)),
    CHECK (source_start IS NULL OR (source_start >= 0 AND source_end >= source_start))
  )`,
  `CREATE INDEX items_by_plan ON items (tenant_id, plan_id, parent_id, position)`,
  `CREATE TABLE assignments (
    tenant_id uuid NOT NULL,
    item_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    role text NOT NULL CHECK (role IN ('lead', 'support', 'unit')),
    PRIMARY KEY (tenant_id, item_id, unit_id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id)
  )`,
  `CREATE INDEX assignments_by_unit ON assignments (tenant_id, unit_id)`,
  `CREATE TABLE unmatched_units (
    tenant_id uuid NOT NULL,
    item_id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role text NOT NULL CHECK (role IN ('lead', 'support', 'unit')),
    PRIMARY KEY (tenant_id, item_id, name),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE targets (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL,
    position integer NOT NULL DEFAULT 0 CHECK (position >= 0),
    metric text NOT NULL CHECK (length(metric) BETWEEN 1 AND 200),
    op text NOT NULL CHECK (op IN ('>=', '<=', '=', '~', 'range')),
    value numeric,
    lo numeric,
    hi numeric,
    unit text NOT NULL DEFAULT '',
    basis text NOT NULL CHECK (basis IN ('level', 'change')),
    direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
    baseline numeric,
    deadline date,
    deadline_text text,
    text text NOT NULL DEFAULT '',
    source_start integer,
    source_end integer,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    CHECK (
      (op = 'range' AND value IS NULL AND lo IS NOT NULL AND hi IS NOT NULL AND lo <= hi)
      OR (op <> 'range' AND value IS NOT NULL AND lo IS NULL AND hi IS NULL)
    )
  )`,
  `CREATE TABLE reporting_periods (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    plan_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('monthly', 'quarterly')),
    label text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    due_on date NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE,
    UNIQUE (tenant_id, plan_id, kind, starts_on),
    CHECK (starts_on <= ends_on),
    CHECK (due_on >= starts_on)
  )`,
  `CREATE TABLE progress_reports (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    period_id uuid NOT NULL,
    percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
    narrative text NOT NULL DEFAULT '',
    problems text NOT NULL DEFAULT '',
    next_steps text NOT NULL DEFAULT '',
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
    return_reason text,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    submitted_at timestamptz,
    reviewed_by uuid,
    reviewed_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
    FOREIGN KEY (tenant_id, period_id) REFERENCES reporting_periods (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, reviewed_by) REFERENCES users (tenant_id, id),
    UNIQUE (tenant_id, item_id, unit_id, period_id),
    UNIQUE (tenant_id, idempotency_key),
    CHECK (state <> 'returned' OR return_reason IS NOT NULL),
    CHECK (state = 'draft' OR submitted_at IS NOT NULL)
  )`,
  `CREATE TABLE target_actuals (
    tenant_id uuid NOT NULL,
    report_id uuid NOT NULL,
    target_id uuid NOT NULL,
    value numeric NOT NULL,
    note text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, report_id, target_id),
    FOREIGN KEY (tenant_id, report_id) REFERENCES progress_reports (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, target_id) REFERENCES targets (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE comments (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    item_id uuid,
    report_id uuid,
    author_id uuid NOT NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, report_id) REFERENCES progress_reports (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, author_id) REFERENCES users (tenant_id, id),
    CHECK ((item_id IS NULL) <> (report_id IS NULL))
  )`,
  `CREATE TABLE audit_log (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id bigint GENERATED ALWAYS AS IDENTITY,
    at timestamptz NOT NULL,
    actor_id uuid,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    before jsonb,
    after jsonb,
    PRIMARY KEY (tenant_id, id)
  )`,
  // Append-only: no role, API or mistake can rewrite history.
  `CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error('0001 is the first schema; restore from a backup instead of migrating down'),
  );
}
