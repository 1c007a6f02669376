import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);

describe('prepared statements', () => {
  it('sends data statements named on a PostgreSQL server, with the same answers; none on the embedded database', async () => {
    // Inside one transaction, so every statement and the look-up at the end use one connection.
    const names = await database.db.transaction().execute(async (trx) => {
      for (const code of ['aa', 'bb']) {
        const rows = await trx.selectFrom('tenants').select('code').where('code', '=', code).execute();
        expect(rows).toEqual([]);
      }
      const answer = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(trx);
      expect(answer.rows).toEqual([{ n: 42 }]);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx);
      return rows;
    });
    const ours = names.filter((r) => r.name.startsWith('yd_'));
    if (database.kind === 'postgres') {
      // One name per text: the two tenant look-ups share one.
      expect(ours.filter((r) => r.statement.includes('"tenants"'))).toHaveLength(1);
      expect(ours.some((r) => r.statement.includes('+ 1 as n'))).toBe(true);
      // Transaction control is never named.
      expect(ours.filter((r) => /^\s*(begin|commit)/i.test(r.statement))).toEqual([]);
    } else {
      expect(ours).toEqual([]);
    }
  });
});
