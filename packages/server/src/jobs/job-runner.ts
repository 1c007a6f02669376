import type { Clock } from '../config/clock.js';
import type { Db, Executor } from '../db/database.js';
import type { JobRow } from '../db/schema.js';
import { claimDueJob, markJobDone, markJobFailed, rollbackToSavepoint, savepoint } from './job-repository.js';

/**
 * Does a job's work with `trx`, the transaction that claimed it: the work and the job's `done` commit
 * together, so a crash at any point leaves either both or neither (exactly once for database effects).
 * Anything outside the database a handler touches must itself be keyed by the job (an outbox row).
 */
export type JobHandler = (trx: Executor, job: JobRow, now: Date) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  handlers: Readonly<Record<string, JobHandler>>;
  /** How often an idle worker looks for due jobs (ms). */
  pollMs?: number;
  /** Told of a job's failure, or (job null) of the runner's own, such as a lost connection. */
  onError?: (error: unknown, job: JobRow | null) => void;
}

export interface JobRunner {
  /** Runs due jobs one at a time until none is due (or `limit` ran); resolves with how many ran. */
  runDue(limit?: number): Promise<number>;
  /** Polls in the background until `stop`. */
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 3_600_000;

/** 10 s, 20 s, 40 s … up to an hour after the clock's now. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** attempts, MAX_BACKOFF_MS);
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, clock, handlers } = options;
  const pollMs = options.pollMs ?? 5_000;

  /** Claims one due job and runs it in the claiming transaction; false when none was due. */
  const runOne = (): Promise<boolean> =>
    db.transaction().execute(async (trx) => {
      const now = clock.now();
      const job = await claimDueJob(trx, now);
      if (!job) return false;
      const handler = handlers[job.name];
      await savepoint(trx);
      try {
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler(trx, job, now);
        await markJobDone(trx, job, now);
      } catch (error) {
        await rollbackToSavepoint(trx);
        await markJobFailed(
          trx,
          job,
          describe(error),
          new Date(now.getTime() + retryDelayMs(job.attempts)),
          now,
        );
        options.onError?.(error, job);
      }
      return true;
    });

  const runDue = async (limit = Number.POSITIVE_INFINITY): Promise<number> => {
    let ran = 0;
    while (ran < limit && (await runOne())) ran += 1;
    return ran;
  };

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const tick = (): void => {
    running = runDue()
      .catch((error: unknown) => {
        // A lost connection or the like: try again at the next tick.
        options.onError?.(error, null);
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };

  return {
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
