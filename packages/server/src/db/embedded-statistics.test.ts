import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import { startStatisticsUpkeep } from './embedded-statistics.js';

let sent: string[] = [];
let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase({ onQuery: (text) => sent.push(text) });
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);

/** The planner's row estimate for the tenants table (-1 before any statistics were gathered). */
async function estimatedTenants(): Promise<number> {
  const { rows } = await sql<{ reltuples: number }>`
    select reltuples::float8 as reltuples from pg_class
    where oid = to_regclass('tenants')`.execute(database.db);
  return rows[0]?.reltuples ?? Number.NaN;
}

describe('statistics upkeep', () => {
  it('gathers the planner statistics on the embedded database, and leaves a PostgreSQL server to its autovacuum', async () => {
    await sql`insert into tenants (id, code, name, level)
      select gen_random_uuid(), 'stat' || n, '统计测试' || n, 'county' from generate_series(1, 300) n`.execute(
      database.db,
    );
    const upkeep = startStatisticsUpkeep(database, 60_000, () => undefined);
    try {
      sent = [];
      await upkeep.run();
      if (database.kind === 'embedded') {
        expect(sent.filter((s) => /^analyze\b/i.test(s.trim()))).toHaveLength(1);
        expect(await estimatedTenants()).toBeGreaterThanOrEqual(300);
      } else {
        expect(sent).toEqual([]);
      }
    } finally {
      upkeep.stop();
    }
  });
});
