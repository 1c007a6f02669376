import { z } from 'zod';
import { IsoDate } from './common.js';

export const CalendarQuery = z.object({
  /** The calendar year shown; the national holiday data covers 2004 to the year the State Council last published. */
  year: z.coerce.number().int().min(2004).max(2100),
});

export const CalendarDayParams = z.object({ date: IsoDate });

/** A day that is not what its weekday says (a holiday on a weekday, a 调休 working weekend) or that the commission set. */
export const CalendarDay = z.object({
  date: IsoDate,
  /** Whether the day counts as a working day for due dates and reminders. */
  workday: z.boolean(),
  /** The national calendar's word for the day (e.g. 国庆节), or '' for an ordinary day. */
  holiday: z.string(),
  /** What the national calendar says on its own (before the commission's override). */
  nationalWorkday: z.boolean(),
  /** Set by the commission: its override and note. */
  override: z.object({ workday: z.boolean(), note: z.string() }).nullable(),
});

export const WorkingCalendar = z.object({
  year: z.int(),
  /** Whether the national data holds this year (else Monday–Friday is assumed). */
  nationalDataCovers: z.boolean(),
  /** Working days per month, January first, after overrides. */
  workdaysPerMonth: z.array(z.int().min(0).max(31)).length(12),
  days: z.array(CalendarDay),
});

export const CalendarOverride = z.object({
  workday: z.boolean(),
  note: z.string().trim().max(200).default(''),
});

export type CalendarQuery = z.infer<typeof CalendarQuery>;
export type CalendarDay = z.infer<typeof CalendarDay>;
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;
export type CalendarOverride = z.infer<typeof CalendarOverride>;
