/**
 * A worker process for the crash test (src/jobs/job-runner-crash.test.ts): opens the database named by its
 * environment, runs due `count-effect` jobs one by one and says so on stdout, so the test can SIGKILL it in
 * the middle of a job and start it again.
 *   WORKER_PGLITE_DIR | (DATABASE_URL + WORKER_SCHEMA), WORKER_NOW, WORKER_MODE = 'slow' | 'drain'
 */
import { sql } from 'kysely';
import { fixedClock } from '../config/clock.js';
import { openDatabase } from '../db/database.js';
import { createJobRunner } from '../jobs/job-runner.js';

const env = process.env;
const database = await openDatabase({
  url: env.WORKER_PGLITE_DIR ? null : (env.DATABASE_URL ?? null),
  embeddedDir: env.WORKER_PGLITE_DIR ?? 'memory://',
  ...(env.WORKER_SCHEMA ? { searchPath: env.WORKER_SCHEMA } : {}),
});
const slow = env.WORKER_MODE === 'slow';
const runner = createJobRunner({
  db: database.db,
  clock: fixedClock(new Date(env.WORKER_NOW ?? '')),
  handlers: {
    'count-effect': async (trx, job) => {
      await sql`insert into job_effects (job_key, pid) values (${job.key}, ${process.pid})`.execute(trx);
      process.stdout.write(`started ${job.key}\n`);
      // Holds the job's transaction open long enough for the test to kill the process inside it.
      if (slow) await new Promise((resolve) => setTimeout(resolve, 400));
    },
  },
  onError: (error) => {
    process.stdout.write(`error ${String(error)}\n`);
  },
});
process.stdout.write('ready\n');
let ran = 0;
while ((await runner.runDue(1)) === 1) {
  ran += 1;
  process.stdout.write(`ran ${ran}\n`);
}
process.stdout.write(`idle ${ran}\n`);
await database.close();
