import type { CalendarOverride, WorkingCalendar } from '@yaodian/core';
import { yearCalendar } from '../domain/working-days.js';
import type { Actor } from '../policies/actor.js';
import { authorizeCalendar } from '../policies/calendar.js';
import { presentCalendar } from '../presenters/calendar-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  deleteWorkdayOverride,
  listWorkdayOverridesOfYear,
  upsertWorkdayOverride,
} from '../repositories/reminder-repository.js';
import type { Deps } from './deps.js';

export async function workingCalendar(deps: Deps, actor: Actor, year: number): Promise<WorkingCalendar> {
  authorizeCalendar(actor, 'read');
  return presentCalendar(yearCalendar(year, await listWorkdayOverridesOfYear(deps.db, actor.tenantId, year)));
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * Overrides one day for the commission (a local holiday, its own 调休). The daily reminder job reads the
 * calendar each morning, so the next reminders follow without rescheduling anything.
 */
export async function setCalendarDay(
  deps: Deps,
  actor: Actor,
  date: string,
  value: CalendarOverride,
): Promise<WorkingCalendar> {
  authorizeCalendar(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await upsertWorkdayOverride(trx, actor.tenantId, date, value);
    if (before?.workday === value.workday && before.note === value.note) return;
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'calendar.day.set',
      entity: 'tenant',
      entityId: actor.tenantId,
      before: before ? { date, ...before } : null,
      after: { date, ...value },
      at: deps.clock.now(),
    });
  });
  return workingCalendar(deps, actor, yearOf(date));
}

export async function clearCalendarDay(deps: Deps, actor: Actor, date: string): Promise<WorkingCalendar> {
  authorizeCalendar(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const removed = await deleteWorkdayOverride(trx, actor.tenantId, date);
    if (!removed) return;
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'calendar.day.clear',
      entity: 'tenant',
      entityId: actor.tenantId,
      before: { date, ...removed },
      after: null,
      at: deps.clock.now(),
    });
  });
  return workingCalendar(deps, actor, yearOf(date));
}
