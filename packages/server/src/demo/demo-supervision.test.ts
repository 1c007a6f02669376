import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../config/clock.js';
import type { Deps } from '../services/deps.js';
import { dispatchSupervision } from '../services/supervision-dispatch.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import { seedDemo } from './seed.js';
import type { SqlBool } from 'kysely';

/*
 * The demo on its date (30 June), after the first daily 督办 run the server does on start: a believable
 * handful of notices open, not one per target.
 */
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let notices: { id: string; level: string; status: string; rule: string }[];
let named: { notice_id: string; is_task: SqlBool }[];

beforeAll(async () => {
  database = await openTestDatabase();
  const deps: Deps = {
    db: database.db,
    clock: fixedClock(new Date('2026-06-30T01:00:00Z')),
    readPlan: parsePlan,
    maxUploadBytes: 5_000_000,
    files: {
      put: () => Promise.reject(new Error('no files')),
      get: () => Promise.reject(new Error('no files')),
      remove: () => Promise.resolve(),
    },
    maxAttachmentBytes: 1024,
  };
  const { tenantId } = await seedDemo(deps);
  await database.db.transaction().execute((trx) => dispatchSupervision(trx, tenantId, deps.clock.now()));
  notices = await database.db
    .selectFrom('supervision_notices')
    .select(['id', 'level', 'status', 'rule'])
    .where('tenant_id', '=', tenantId)
    .execute();
  named = await database.db
    .selectFrom('supervision_notice_items as ni')
    .leftJoin('task_status as ts', (j) =>
      j.onRef('ts.tenant_id', '=', 'ni.tenant_id').onRef('ts.item_id', '=', 'ni.item_id'),
    )
    .select(['ni.notice_id', (eb) => eb('ts.item_id', 'is not', null).as('is_task')])
    .where('ni.tenant_id', '=', tenantId)
    .execute();
}, DB_HOOK_TIMEOUT * 3);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);

describe('the demo’s 督办 on 30 June', () => {
  it('has a handful open, of more than one level, some signed or responded, and one closed', () => {
    const open = notices.filter((n) => ['issued', 'signed', 'responded'].includes(n.status));
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.length).toBeLessThanOrEqual(8);
    expect(new Set(open.map((n) => n.level)).size).toBeGreaterThanOrEqual(2);
    expect(open.some((n) => n.status === 'signed' || n.status === 'responded')).toBe(true);
    expect(notices.filter((n) => n.status === 'closed')).toHaveLength(1);
    // The rules raised some of them, the office the rest.
    expect(open.some((n) => n.rule !== 'manual')).toBe(true);
  });

  it('names tasks in every notice, never a section', () => {
    expect(named.length).toBeGreaterThanOrEqual(notices.length);
    expect(named.filter((n) => !n.is_task)).toEqual([]);
  });
});
