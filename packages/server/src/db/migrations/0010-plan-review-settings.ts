import { sql, type Kysely } from 'kysely';

// Plan settings of the report loop: whether a submitted report waits for review (off: submitting is accepting)
// and whether a report needs evidence attached before it can be submitted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plans ADD COLUMN review_required boolean NOT NULL DEFAULT true`.execute(db);
  await sql`ALTER TABLE plans ADD COLUMN evidence_required boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plans DROP COLUMN evidence_required`.execute(db);
  await sql`ALTER TABLE plans DROP COLUMN review_required`.execute(db);
}
