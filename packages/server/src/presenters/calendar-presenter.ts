import type { WorkingCalendar } from '@yaodian/core';
import type { YearCalendar } from '../domain/working-days.js';

/** The fields the calendar page receives: the year's special days and its working days per month. */
export function presentCalendar(calendar: YearCalendar): WorkingCalendar {
  return {
    year: calendar.year,
    nationalDataCovers: calendar.nationalDataCovers,
    workdaysPerMonth: calendar.workdaysPerMonth,
    days: calendar.days.map((d) => ({
      date: d.date,
      workday: d.workday,
      holiday: d.holiday,
      nationalWorkday: d.nationalWorkday,
      override: d.override ? { workday: d.override.workday, note: d.override.note } : null,
    })),
  };
}
