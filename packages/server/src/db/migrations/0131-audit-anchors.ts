import { sql, type Kysely } from 'kysely';

/*
 * Audit retention (issue 12): `yaodian audit purge` exports a commission's oldest sealed entries, then
 * removes them and their links, leaving an anchor: the position and chain hash of the last link removed.
 * Verification then starts from the newest anchor instead of the genesis hash, so the remaining chain is
 * still checked link by link. Append-only like the log (the purge, run by the schema owner, inserts).
 */
const statements = [
  `CREATE TABLE audit_anchors (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    seq bigint NOT NULL CHECK (seq >= 1),
    algorithm text NOT NULL CHECK (algorithm IN ('sha256', 'sm3')),
    chain_hash text NOT NULL CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
    purged_before timestamptz NOT NULL,
    entries integer NOT NULL CHECK (entries >= 1),
    export_digest text NOT NULL CHECK (export_digest ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, seq)
  )`,
  `CREATE TRIGGER audit_anchors_no_update_delete BEFORE UPDATE OR DELETE ON audit_anchors
     FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`,
  `CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_anchors`.execute(db);
}
