import { CalendarDayParams, CalendarOverride, CalendarQuery, WorkingCalendar } from '../schemas/calendar.js';
import { endpoint } from './define.js';

export const calendarEndpoints = {
  workingCalendar: endpoint({
    name: 'workingCalendar',
    method: 'GET',
    path: '/api/calendar',
    tag: 'calendar',
    summary: "The year's working-day calendar: national holidays and 调休, and the commission's overrides",
    permission: 'plan.read',
    query: CalendarQuery,
    response: WorkingCalendar,
    errors: [400],
  }),
  setCalendarDay: endpoint({
    name: 'setCalendarDay',
    method: 'PUT',
    path: '/api/calendar/days/:date',
    tag: 'calendar',
    summary: 'Overrides one day: a working day or not, with a note (reminders and due dates follow it)',
    permission: 'calendar.manage',
    params: CalendarDayParams,
    body: CalendarOverride,
    response: WorkingCalendar,
    errors: [400],
  }),
  clearCalendarDay: endpoint({
    name: 'clearCalendarDay',
    method: 'DELETE',
    path: '/api/calendar/days/:date',
    tag: 'calendar',
    summary: "Removes the commission's override of one day (the national calendar applies again)",
    permission: 'calendar.manage',
    params: CalendarDayParams,
    response: WorkingCalendar,
    errors: [400],
  }),
} as const;
