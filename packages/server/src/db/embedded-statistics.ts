import { sql } from 'kysely';
import type { Database } from './database.js';

/**
 * The embedded database (PGlite) runs no autovacuum, so nothing gathers the statistics its planner chooses
 * plans by: tables that grew from a few demo rows to a year's reports keep the estimates of a few rows, and the
 * planner picks scans that read a whole table (a report's checks took 1.7 ms instead of 0.1 ms on a 1,000-task
 * plan in bench:api before statistics). This gathers them as autovacuum would: once at start-up, then every
 * `intervalMs` (ANALYZE samples at most 30,000 rows a table, so a run stays short; the one connection waits for
 * it). A PostgreSQL server's own autovacuum does this there, so nothing runs for one.
 */
export interface StatisticsUpkeep {
  /** Gathers the statistics now (start-up, and tests). */
  run(): Promise<void>;
  stop(): void;
}

export function startStatisticsUpkeep(
  database: Pick<Database, 'db' | 'kind'>,
  intervalMs: number,
  onError: (error: unknown) => void,
): StatisticsUpkeep {
  const run = async (): Promise<void> => {
    if (database.kind !== 'embedded') return;
    await sql`ANALYZE`.execute(database.db);
  };
  const timer = setInterval(() => {
    run().catch(onError);
  }, intervalMs);
  // The upkeep never keeps a process alive on its own.
  timer.unref();
  return {
    run,
    stop: () => {
      clearInterval(timer);
    },
  };
}
