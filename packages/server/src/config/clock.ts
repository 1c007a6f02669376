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

/** A clock a demo or test can move forward (an admin action in demo mode); never in production. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export function movableClock(base: Clock): MovableClock {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
