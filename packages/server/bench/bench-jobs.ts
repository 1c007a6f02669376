/*
 * Job runner throughput: jobs per second on embedded PGlite and on the PostgreSQL server in DATABASE_URL
 * (default the machine's local one), each job writing one row in its claiming transaction, as real handlers do
 * (a notification, an outbox row). On PostgreSQL also two runners at once over one pool (what two server
 * processes do), counting that no job ran twice.
 *
 *   npm run bench:jobs -w packages/server [-- --jobs 2000]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { insertJob } from '../src/jobs/job-repository.js';
import { createJobRunner, type JobHandler } from '../src/jobs/job-runner.js';
import { createTenant } from '../src/testing/factories.js';
import { mutableClock } from '../src/testing/test-app.js';
import { openTestDatabase } from '../src/testing/test-database.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const JOBS = arg('jobs', 2000);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const effect: JobHandler = async (trx, job) => {
  await sql`insert into bench_job_effects (job_key) values (${job.key})`.execute(trx);
};

async function enqueue(db: Db, tenantId: string, clock: ReturnType<typeof mutableClock>): Promise<void> {
  const runAt = clock.now();
  for (let i = 0; i < JOBS; i += 1)
    await insertJob(db, { tenantId, name: 'bench', key: `bench-${String(i)}`, runAt }, runAt);
}

async function measure(label: string, db: Db, runners: number): Promise<void> {
  await sql`create table if not exists bench_job_effects (job_key text not null)`.execute(db);
  await sql`delete from bench_job_effects`.execute(db);
  await db.deleteFrom('jobs').execute();
  const clock = mutableClock('2026-03-01T02:00:00Z');
  const tenantId = (await createTenant(db)).id;
  await enqueue(db, tenantId, clock);
  const all = Array.from({ length: runners }, () =>
    createJobRunner({ db, clock, handlers: { bench: effect } }),
  );
  const start = performance.now();
  const ran = await Promise.all(all.map((r) => r.runDue(JOBS)));
  const seconds = (performance.now() - start) / 1000;
  const counts = await sql<{ n: string; distinct: string }>`
    select count(*) as n, count(distinct job_key) as distinct from bench_job_effects`.execute(db);
  const row = counts.rows[0];
  const total = ran.reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(28)} ${String(total).padStart(6)} jobs in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0).padStart(5)} jobs/s` +
      `  effects ${row?.n ?? '?'} (distinct ${row?.distinct ?? '?'}; ran per runner ${ran.join('+')})`,
  );
  if (Number(row?.n) !== JOBS || Number(row?.distinct) !== JOBS)
    throw new Error('a job ran twice or not at all');
}

async function main(): Promise<void> {
  console.log(
    `job runner throughput, ${String(JOBS)} jobs, one insert each; load ${(await import('node:os')).loadavg()[0]?.toFixed(1) ?? '?'}`,
  );
  const previous = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const embedded = await openTestDatabase();
  await measure('PGlite, one runner', embedded.db, 1);
  await embedded.drop();
  process.env.DATABASE_URL = PG_URL;
  const server = await openTestDatabase();
  await measure('PostgreSQL, one runner', server.db, 1);
  await measure('PostgreSQL, two runners', server.db, 2);
  await server.drop();
  if (previous === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previous;
}

await main();
