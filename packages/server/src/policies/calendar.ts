import type { Action } from '@yaodian/core';
import type { Actor } from './actor.js';
import { authorize, permits } from './authorize.js';

/*
 * The working-day calendar due dates and reminders count on. Every role of the plan's work reads it (a
 * reporter sees why a due date moved); only the system administrator corrects it for the commission.
 */
export type CalendarAction = 'read' | 'manage';

const NEEDS: Readonly<Record<CalendarAction, Action>> = { read: 'plan.read', manage: 'calendar.manage' };

export function canCalendar(actor: Actor, action: CalendarAction): boolean {
  return permits(actor, NEEDS[action]);
}

export function authorizeCalendar(actor: Actor, action: CalendarAction): void {
  authorize(actor, NEEDS[action]);
}
