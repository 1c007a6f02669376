import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { createTenant } from '../testing/factories.js';
import { mutableClock } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import { findJobByKey, insertJob } from './job-repository.js';
import { createJobRunner, retryDelayMs, type JobHandler } from './job-runner.js';
import { nextDailyRun } from './schedule.js';

let database: Database & { drop(): Promise<void> };
let tenantId = '';
const clock = mutableClock('2026-03-01T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  tenantId = (await createTenant(database.db)).id;
  await sql`create table job_effects (job_key text not null)`.execute(database.db);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);
beforeEach(async () => {
  await sql`delete from job_effects`.execute(database.db);
  await database.db.deleteFrom('jobs').execute();
  clock.set('2026-03-01T02:00:00Z');
});

const countEffect: JobHandler = async (trx, job) => {
  await sql`insert into job_effects (job_key) values (${job.key})`.execute(trx);
};
const effects = async (): Promise<string[]> =>
  (
    await sql<{ job_key: string }>`select job_key from job_effects order by job_key`.execute(database.db)
  ).rows.map((r) => r.job_key);
const enqueue = (key: string, runAt: string, name = 'count-effect') =>
  insertJob(database.db, { tenantId, name, key, runAt: new Date(runAt) }, clock.now());

describe('job runner', () => {
  it('runs a job only once the injected clock reaches its time, not the wall clock', async () => {
    const runner = createJobRunner({ db: database.db, clock, handlers: { 'count-effect': countEffect } });
    // Years before the wall clock: due by wall time, not due by the injected clock.
    await enqueue('later', '2026-03-02T00:00:00Z');
    expect(await runner.runDue()).toBe(0);
    clock.set('2026-03-02T00:00:00Z');
    expect(await runner.runDue()).toBe(1);
    expect(await effects()).toEqual(['later']);
    expect(await findJobByKey(database.db, tenantId, 'later')).toMatchObject({
      state: 'done',
      attempts: 1,
      finished_at: new Date('2026-03-02T00:00:00Z'),
    });
  });

  it('treats a second enqueue of the same key as done already, even after the job ran', async () => {
    const runner = createJobRunner({ db: database.db, clock, handlers: { 'count-effect': countEffect } });
    expect(await enqueue('once', '2026-03-01T00:00:00Z')).toBe(true);
    expect(await enqueue('once', '2026-03-01T00:00:00Z')).toBe(false);
    expect(await runner.runDue()).toBe(1);
    expect(await enqueue('once', '2026-03-01T00:00:00Z')).toBe(false);
    expect(await runner.runDue()).toBe(0);
    expect(await effects()).toEqual(['once']);
  });

  it('rolls a failing handler’s writes back, retries after a back-off, and gives up after its attempts', async () => {
    let calls = 0;
    const failing: JobHandler = async (trx, job) => {
      calls += 1;
      await countEffect(trx, job, clock.now());
      throw new Error('boom');
    };
    const errors: string[] = [];
    const runner = createJobRunner({
      db: database.db,
      clock,
      handlers: { failing },
      onError: (error) => errors.push(String(error)),
    });
    await insertJob(
      database.db,
      { tenantId, name: 'failing', key: 'f', runAt: clock.now(), maxAttempts: 2 },
      clock.now(),
    );
    expect(await runner.runDue()).toBe(1);
    expect(await findJobByKey(database.db, tenantId, 'f')).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: 'Error: boom',
      run_at: new Date(clock.now().getTime() + retryDelayMs(0)),
    });
    // Not due again until the back-off has passed on the clock.
    expect(await runner.runDue()).toBe(0);
    clock.advance(retryDelayMs(0));
    expect(await runner.runDue()).toBe(1);
    expect(await findJobByKey(database.db, tenantId, 'f')).toMatchObject({ state: 'failed', attempts: 2 });
    clock.advance(retryDelayMs(5));
    expect(await runner.runDue()).toBe(0);
    expect(calls).toBe(2);
    expect(errors).toEqual(['Error: boom', 'Error: boom']);
    expect(await effects()).toEqual([]);
  });

  it('marks a job with no handler as failed rather than running something else', async () => {
    const runner = createJobRunner({ db: database.db, clock, handlers: {} });
    await insertJob(
      database.db,
      { tenantId, name: 'unknown', key: 'u', runAt: clock.now(), maxAttempts: 1 },
      clock.now(),
    );
    expect(await runner.runDue()).toBe(1);
    expect(await findJobByKey(database.db, tenantId, 'u')).toMatchObject({
      state: 'failed',
      last_error: 'Error: no handler for job unknown',
    });
  });

  it('lets two workers drain one queue with each job taken by exactly one of them', async () => {
    // On PostgreSQL the second worker has its own pool, like a second server process.
    const other = process.env.DATABASE_URL
      ? await openDatabase({
          url: process.env.DATABASE_URL,
          embeddedDir: 'memory://',
          maxConnections: 2,
          ...(database.schema ? { searchPath: database.schema } : {}),
        })
      : null;
    try {
      const taken = new Map<string, string[]>();
      const handler =
        (worker: string): JobHandler =>
        async (trx, job, now) => {
          taken.set(job.key, [...(taken.get(job.key) ?? []), worker]);
          await countEffect(trx, job, now);
          await new Promise((resolve) => setTimeout(resolve, 5));
        };
      for (let i = 0; i < 20; i++) await enqueue(`k${String(i).padStart(2, '0')}`, '2026-03-01T00:00:00Z');
      const a = createJobRunner({ db: database.db, clock, handlers: { 'count-effect': handler('a') } });
      const b = createJobRunner({
        db: other?.db ?? database.db,
        clock,
        handlers: { 'count-effect': handler('b') },
      });
      const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(ranA + ranB).toBe(20);
      expect([...taken.values()].every((workers) => workers.length === 1)).toBe(true);
      expect(await effects()).toEqual(Array.from({ length: 20 }, (_, i) => `k${String(i).padStart(2, '0')}`));
    } finally {
      await other?.close();
    }
  });

  it('polls in the background once started and finishes the job in hand on stop', async () => {
    const runner = createJobRunner({
      db: database.db,
      clock,
      handlers: { 'count-effect': countEffect },
      pollMs: 20,
    });
    runner.start();
    await enqueue('polled', '2026-03-01T00:00:00Z');
    for (let i = 0; i < 200 && (await effects()).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await runner.stop();
    expect(await effects()).toEqual(['polled']);
  });
});

describe('nextDailyRun', () => {
  it('gives the next 00:05 China time strictly after now', () => {
    // 2026-03-01 10:00 China time → 2026-03-02 00:05 China = 2026-03-01 16:05 UTC.
    expect(nextDailyRun(new Date('2026-03-01T02:00:00Z')).toISOString()).toBe('2026-03-01T16:05:00.000Z');
    // 23:59 China on Mar 1 → 00:05 on Mar 2.
    expect(nextDailyRun(new Date('2026-03-01T15:59:00Z')).toISOString()).toBe('2026-03-01T16:05:00.000Z');
    // Exactly at 00:05 → the next day's.
    expect(nextDailyRun(new Date('2026-03-01T16:05:00Z')).toISOString()).toBe('2026-03-02T16:05:00.000Z');
    expect(nextDailyRun(new Date('2026-03-01T16:00:00Z'), 0).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
});
