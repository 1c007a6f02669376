import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface ThrottleState {
  /** Attempts in the current window, this one included. */
  attempts: number;
  lockedUntil: Date | null;
  locks: number;
}

/**
 * Counts one sign-in attempt for `key` in a single atomic statement and returns the count including it.
 * The window restarts when it has run out, or when a lock has expired (a new round of tries).
 */
export async function countAttempt(
  db: Executor,
  key: string,
  now: Date,
  windowMs: number,
): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - windowMs);
  const fresh = sql<boolean>`(login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= ${now})
    OR (login_throttle.locked_until IS NULL AND login_throttle.window_started_at <= ${windowStart})`;
  const row = await db
    .insertInto('login_throttle')
    .values({ key, attempts: 1, window_started_at: now, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`CASE WHEN ${fresh} THEN 1 ELSE login_throttle.attempts + 1 END`,
        window_started_at: sql<Date>`CASE WHEN ${fresh} THEN ${now} ELSE login_throttle.window_started_at END`,
        locked_until: sql<Date | null>`CASE WHEN ${fresh} THEN NULL ELSE login_throttle.locked_until END`,
        updated_at: now,
      }),
    )
    .returning(['attempts', 'locked_until', 'locks'])
    .executeTakeFirstOrThrow();
  return { attempts: row.attempts, lockedUntil: row.locked_until, locks: row.locks };
}

/**
 * Locks `key` until `until` unless it is locked already; true for the one caller that set the lock
 * (concurrent callers wait on the row and then find it locked), so a lock is audited once.
 */
export async function lockKey(db: Executor, key: string, now: Date, until: Date): Promise<boolean> {
  const rows = await db
    .updateTable('login_throttle')
    .set((eb) => ({ locked_until: until, locks: eb('locks', '+', 1), updated_at: now }))
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('key')
    .execute();
  return rows.length > 0;
}

/**
 * A successful sign-in: the name's count starts again, unless a lock was set meanwhile (parallel guesses),
 * in which case the sign-in is refused and false comes back.
 */
export async function clearIfUnlocked(db: Executor, key: string, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable('login_throttle')
    .set({ attempts: 0, locks: 0, window_started_at: now, updated_at: now })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('key')
    .execute();
  return rows.length > 0;
}

/** Takes back one counted attempt (a success from this address is not a failure). */
export async function uncountAttempt(db: Executor, key: string, now: Date): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ attempts: sql<number>`GREATEST(${eb.ref('attempts')} - 1, 0)`, updated_at: now }))
    .where('key', '=', key)
    .execute();
}

/** Lifts a lock and forgets the count (an administrator's unlock). */
export async function unlockKey(db: Executor, key: string): Promise<boolean> {
  const rows = await db
    .deleteFrom('login_throttle')
    .where('key', '=', key)
    .returning('locked_until')
    .execute();
  return rows.length > 0;
}

export async function findLocks(
  db: Executor,
  keys: readonly string[],
  now: Date,
): Promise<Map<string, Date>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  return new Map(rows.flatMap((r) => (r.locked_until ? [[r.key, r.locked_until] as const] : [])));
}
