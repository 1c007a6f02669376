import chineseDays from 'chinese-days';

/*
 * The working-day calendar: China's statutory holidays and 调休 make-up working days from the maintained
 * `chinese-days` data (one table per year, updated when the State Council publishes the next year's
 * arrangement), corrected by a commission's own overrides. A year the data does not hold yet falls back
 * to Monday–Friday, which is what the State Council's schedule would say of an ordinary week.
 */

/** A commission's corrections: date (YYYY-MM-DD) → working day or not. */
export type WorkdayOverrides = ReadonlyMap<string, boolean>;

const DAY_MS = 86_400_000;

const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(isoDate: string, overrides: WorkdayOverrides = new Map()): boolean {
  const own = overrides.get(isoDate);
  if (own !== undefined) return own;
  return chineseDays.isWorkday(isoDate);
}

/** The day itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(isoDate: string, overrides?: WorkdayOverrides): string {
  let day = isoDate;
  // A holiday run is at most 9 days (春节 / 国庆 with weekends); 40 bounds any calendar an admin could make.
  for (let i = 0; i < 40 && !isWorkingDay(day, overrides); i += 1) day = addDays(day, 1);
  return day;
}

/**
 * The working day `n` working days from `isoDate` (n > 0 later, n < 0 earlier; n = 0 the day itself,
 * whatever it is).
 */
export function addWorkingDays(isoDate: string, n: number, overrides?: WorkdayOverrides): string {
  const step = n < 0 ? -1 : 1;
  let day = isoDate;
  let left = Math.abs(n);
  // Each step lands on a working day; the bound keeps a calendar of rest days from looping for ever.
  for (let guard = 0; left > 0 && guard < 400; guard += 1) {
    day = addDays(day, step);
    if (isWorkingDay(day, overrides)) left -= 1;
  }
  return day;
}
