import { sql, type Kysely } from 'kysely';

/*
 * 三员分立 (issue 12): the security administrator (`secadmin`) and the audit administrator (`auditor`) join
 * the system administrator (`admin`) as roles of their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'secadmin', 'auditor', 'leader', 'planner', 'reporter', 'viewer'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'leader', 'planner', 'reporter', 'viewer'))`.execute(db);
}
