const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** China Standard Time is UTC+8 all year (no DST). */
const CHINA_OFFSET = 8 * HOUR;

/**
 * The first instant after `now` at which the China-time clock reads `minuteOfDay` (minutes after midnight).
 * Recurring jobs are rows keyed by the date they are for: each run enqueues the next, and the key makes a
 * second enqueue for the same date a no-op.
 */
export function nextDailyRun(now: Date, minuteOfDay = 5): Date {
  const local = now.getTime() + CHINA_OFFSET;
  const midnight = local - (((local % DAY) + DAY) % DAY);
  let at = midnight + minuteOfDay * 60_000;
  if (at <= local) at += DAY;
  return new Date(at - CHINA_OFFSET);
}

/** The instant at which the China-time clock reads `minuteOfDay` on `now`'s China date (may be before `now`). */
export function sameDayAt(now: Date, minuteOfDay: number): Date {
  const local = now.getTime() + CHINA_OFFSET;
  const midnight = local - (((local % DAY) + DAY) % DAY);
  return new Date(midnight + minuteOfDay * 60_000 - CHINA_OFFSET);
}
