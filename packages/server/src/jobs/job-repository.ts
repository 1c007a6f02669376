import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { JobRow } from '../db/schema.js';

export interface NewJob {
  tenantId: string;
  name: string;
  /** Idempotency key, unique per tenant: enqueuing a key that exists does nothing. */
  key: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  maxAttempts?: number;
}

/** Inserts the job unless its key exists; true when this call made it. */
export async function insertJob(db: Executor, job: NewJob, now: Date): Promise<boolean> {
  const rows = await db
    .insertInto('jobs')
    .values({
      tenant_id: job.tenantId,
      name: job.name,
      key: job.key,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Many jobs in one statement (keys that exist are skipped); how many were made. */
export async function insertJobs(db: Executor, jobs: readonly NewJob[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = await db
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        tenant_id: job.tenantId,
        name: job.name,
        key: job.key,
        payload: JSON.stringify(job.payload ?? {}),
        run_at: job.runAt,
        ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * The earliest due pending job no other worker holds, locked until the caller's transaction ends
 * (SKIP LOCKED: a second worker passes over it instead of waiting). Cross-tenant by design: workers serve
 * every tenant. Due-ness is `now` from the injected clock, never the database's own now().
 */
export function claimDueJob(trx: Executor, now: Date): Promise<JobRow | undefined> {
  return trx
    .selectFrom('jobs')
    .selectAll()
    .where('state', '=', 'pending')
    .where('run_at', '<=', now)
    .orderBy('run_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function markJobDone(trx: Executor, job: JobRow, now: Date): Promise<void> {
  await trx
    .updateTable('jobs')
    .set({ state: 'done', attempts: job.attempts + 1, finished_at: now, last_error: null })
    .where('tenant_id', '=', job.tenant_id)
    .where('id', '=', job.id)
    .execute();
}

/** A failed attempt: retried at `retryAt`, or given up once its attempts are spent. */
export async function markJobFailed(
  trx: Executor,
  job: JobRow,
  error: string,
  retryAt: Date,
  now: Date,
): Promise<void> {
  const spent = job.attempts + 1 >= job.max_attempts;
  await trx
    .updateTable('jobs')
    .set({
      attempts: job.attempts + 1,
      last_error: error.slice(0, 2000),
      ...(spent ? { state: 'failed', finished_at: now } : { run_at: retryAt }),
    })
    .where('tenant_id', '=', job.tenant_id)
    .where('id', '=', job.id)
    .execute();
}

/**
 * A handler's writes live between these: a throwing handler's are rolled back to the savepoint while the
 * claim (and the failure note) stay in the transaction.
 */
export async function savepoint(trx: Executor): Promise<void> {
  await sql`SAVEPOINT job_handler`.execute(trx);
}

export async function rollbackToSavepoint(trx: Executor): Promise<void> {
  await sql`ROLLBACK TO SAVEPOINT job_handler`.execute(trx);
}

export function findJobByKey(db: Executor, tenantId: string, key: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
}
