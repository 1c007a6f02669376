import { sql, type Kysely } from 'kysely';

// Evidence files: the bytes live under DATA_DIR/attachments/<tenant>/<id>; the row holds what was checked.
const statements = [
  `CREATE TABLE attachments (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    report_id uuid NOT NULL,
    file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type text NOT NULL CHECK (media_type IN (
      'application/pdf', 'image/png', 'image/jpeg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/msword')),
    size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by uuid NOT NULL,
    uploaded_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, report_id) REFERENCES progress_reports (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id)
  )`,
  `CREATE INDEX attachments_by_report ON attachments (tenant_id, report_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE attachments`.execute(db);
}
