import { sql } from 'kysely';
import type { Db } from './database.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/*
 * The least-privilege runtime role (等保2.0 安全审计 c: 保护审计记录). On PostgreSQL the schema belongs to
 * the owner role (DATABASE_OWNER_URL): only it migrates, restores and purges. The server connects as
 * DATABASE_URL's role, which this grants ordinary reads and writes on every table but only SELECT and INSERT
 * on the audit tables. Not being the owner, it cannot ALTER the tables either, so it can neither switch the
 * append-only triggers off nor rewrite the log. Run after every migration, so new tables are granted too.
 */

/** Tables the runtime role may only read and append to. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_chain', 'audit_anchors'] as const;

/** The role name in a postgres:// URL. */
export function roleOf(url: string): string {
  const name = decodeURIComponent(new URL(url).username);
  if (!name) throw new Error('DATABASE_URL names no user: the runtime role must be given explicitly');
  return name;
}

export async function grantRuntimeRole(owner: Db, role: string, schema = 'public'): Promise<void> {
  const r = sql.id(role);
  const s = sql.id(schema);
  const existing = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = ${schema} and table_name = any(${[...APPEND_ONLY_TABLES]})`.execute(owner);
  const appendOnly = existing.rows.map((row) => sql.table(`${schema}.${row.name}`));
  await owner.transaction().execute(async (trx) => {
    await sql`grant usage on schema ${s} to ${r}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema ${s} to ${r}`.execute(trx);
    await sql`grant usage, select on all sequences in schema ${s} to ${r}`.execute(trx);
    await sql`revoke truncate, references, trigger on all tables in schema ${s} from ${r}`.execute(trx);
    if (appendOnly.length > 0)
      await sql`revoke update, delete on ${sql.join(appendOnly)} from ${r}`.execute(trx);
    // The migrator's bookkeeping is the owner's alone.
    await sql`revoke insert, update, delete on ${sql.table(`${schema}.kysely_migration`)}, ${sql.table(
      `${schema}.kysely_migration_lock`,
    )} from ${r}`.execute(trx);
  });
}

/**
 * Migrates as the owner and grants the runtime role (DATABASE_URL's user) what it needs; a no-op grant when
 * both URLs name the same role (then nothing is separated, as without DATABASE_OWNER_URL).
 */
export async function migrateAsOwner(ownerUrl: string, runtimeUrl: string): Promise<string[]> {
  const owner = await openDatabase({ url: ownerUrl, embeddedDir: 'memory://', maxConnections: 1 });
  try {
    const applied = await migrateToLatest(owner.db);
    const runtime = roleOf(runtimeUrl);
    if (runtime !== roleOf(ownerUrl)) await grantRuntimeRole(owner.db, runtime);
    return applied;
  } finally {
    await owner.close();
  }
}
