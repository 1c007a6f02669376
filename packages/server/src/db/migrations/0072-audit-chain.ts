import { sql, type Kysely } from 'kysely';

/*
 * The audit log's hash chain (issue 12, tamper-evident audit). An entry is written in its own transaction
 * as before (its identity id is its sequence number, taken without waiting on other writers); the
 * `audit.seal` job later appends it to its commission's chain: position `seq`, the entry's hash and the
 * running chain hash. Append-only like the log itself.
 */
const statements = [
  `CREATE TABLE audit_chain (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    seq bigint NOT NULL CHECK (seq >= 1),
    entry_id bigint NOT NULL,
    algorithm text NOT NULL CHECK (algorithm IN ('sha256', 'sm3')),
    entry_hash text NOT NULL CHECK (entry_hash ~ '^[0-9a-f]{64}$'),
    chain_hash text NOT NULL CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
    sealed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    UNIQUE (tenant_id, entry_id)
  )`,
  `CREATE TRIGGER audit_chain_no_update_delete BEFORE UPDATE OR DELETE ON audit_chain
     FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`,
  `CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`,
  `CREATE INDEX IF NOT EXISTS audit_log_by_tenant_action ON audit_log (tenant_id, action, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_chain`.execute(db);
  await sql`DROP INDEX IF EXISTS audit_log_by_tenant_action`.execute(db);
}
