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

/** A commission's override of one day, with the reason it gave. */
export interface DayOverride {
  workday: boolean;
  note: string;
}

export interface CalendarDayView {
  date: string;
  workday: boolean;
  holiday: string;
  nationalWorkday: boolean;
  override: DayOverride | null;
}

export interface YearCalendar {
  year: number;
  nationalDataCovers: boolean;
  workdaysPerMonth: number[];
  days: CalendarDayView[];
}

/** chinese-days names a holiday or 调休 day "English,中文,length"; an ordinary day by its weekday. */
const holidayName = (name: string): string => (name.includes(',') ? (name.split(',')[1] ?? '') : '');

/**
 * The year as the commission works it: every day that is not what its weekday says (a holiday on a
 * weekday, a 调休 working weekend, a named holiday) or that the commission overrode, and the working days
 * of each month after the overrides — what the calendar page shows and the reminders count on.
 */
export function yearCalendar(year: number, overrides: ReadonlyMap<string, DayOverride>): YearCalendar {
  const workdaysPerMonth = Array.from({ length: 12 }, () => 0);
  const days: CalendarDayView[] = [];
  const flags = new Map([...overrides].map(([date, o]) => [date, o.workday]));
  let named = 0;
  for (let day = `${String(year)}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const detail = chineseDays.getDayDetail(day);
    const holiday = holidayName(detail.name);
    if (holiday) named += 1;
    const workday = isWorkingDay(day, flags);
    const month = Number(day.slice(5, 7)) - 1;
    if (workday) workdaysPerMonth[month] = (workdaysPerMonth[month] ?? 0) + 1;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const ordinary = detail.work === (weekday !== 0 && weekday !== 6);
    const override = overrides.get(day) ?? null;
    if (holiday || !ordinary || override)
      days.push({ date: day, workday, holiday, nationalWorkday: detail.work, override });
  }
  return { year, nationalDataCovers: named > 0, workdaysPerMonth, days };
}
