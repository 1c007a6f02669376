import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a uniquely
 * named schema on the PostgreSQL server in DATABASE_URL (dropped again by `drop`).
 */
export async function openTestDatabase(
  options: { onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ url: null, embeddedDir: 'memory://', ...options });
    await migrateToLatest(database.db);
    return { ...database, drop: () => database.close() };
  }
  const schema = `yd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = await openDatabase({
    url,
    embeddedDir: 'memory://',
    searchPath: schema,
    maxConnections: 4,
    ...options,
  });
  await migrateToLatest(database.db, schema);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** PGlite's cold start takes ~4 s alone and more on a busy 2-core machine. */
export const DB_HOOK_TIMEOUT = 60_000;
