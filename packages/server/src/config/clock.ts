/** The one source of "now": fixed by YAODIAN_NOW for demos and tests, the wall clock otherwise. */
export interface Clock {
  now(): Date;
}

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

export const systemClock: Clock = { now: () => new Date() };

export function clockFrom(now: Date | null): Clock {
  return now ? fixedClock(now) : systemClock;
}

/** The calendar date of an instant in China Standard Time (UTC+8, no DST), as YYYY-MM-DD. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
