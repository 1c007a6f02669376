import { sql, type Kysely } from 'kysely';

/*
 * Values in bulk, API tokens and the public page (issue 10, parts 4 and 5).
 * - plans.bulk_values_accepted: values uploaded or pushed in bulk are accepted at once (default: reviewed).
 * - plans.public_id: the unguessable id of the plan's public page (公示) while it is shown; null otherwise.
 *   Unique per tenant (tenant_id first, as every key); 128 random bits make it unique across tenants too.
 * - api_tokens: a token's sha-256 hash, never the secret; scopes, an optional unit, expiry, revocation and
 *   the last use. The secret names the tenant and the token id, so a lookup reads one tenant.
 */
const statements = [
  `ALTER TABLE plans ADD COLUMN bulk_values_accepted boolean NOT NULL DEFAULT false`,
  `ALTER TABLE plans ADD COLUMN public_id text CHECK (public_id ~ '^[A-Za-z0-9_-]{20,64}$')`,
  `CREATE UNIQUE INDEX plans_public_id ON plans (tenant_id, public_id) WHERE public_id IS NOT NULL`,
  `CREATE TABLE api_tokens (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    prefix text NOT NULL,
    scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['values:write', 'plans:read']),
    unit_id uuid,
    expires_at timestamptz NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by uuid,
    last_used_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, revoked_by) REFERENCES users (tenant_id, id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS api_tokens`.execute(db);
  await sql`DROP INDEX IF EXISTS plans_public_id`.execute(db);
  await sql`ALTER TABLE plans DROP COLUMN IF EXISTS public_id`.execute(db);
  await sql`ALTER TABLE plans DROP COLUMN IF EXISTS bulk_values_accepted`.execute(db);
}
