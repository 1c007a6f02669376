import { sql, type Kysely } from 'kysely';

// The demo commission is marked, so every page can say it is a demo (issue 12, no default credentials).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tenants ADD COLUMN IF NOT EXISTS demo boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tenants DROP COLUMN IF EXISTS demo`.execute(db);
}
