import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { authorize } from './authorize.js';
import { ERRORS } from '../messaging/error-messages.js';

/*
 * Notifications and reminders. A person's inbox and settings are theirs alone: every read and write is
 * scoped to the actor's own user id, so no role reaches another person's notifications. A plan's reminder
 * rule is read by whoever may read the plan and set by whoever may edit it; robots are unit settings; the
 * message log is the planning office's (the reviewers').
 */
export type NotificationAction =
  'inbox' | 'plan.reminders.read' | 'plan.reminders.edit' | 'unit.robots' | 'messages.read';

export function authorizeNotifications(actor: Actor, action: NotificationAction): void {
  switch (action) {
    case 'inbox':
      // Any signed-in person has an inbox; the session check already ran.
      if (!actor.userId) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
      return;
    case 'plan.reminders.read':
      authorize(actor, 'plan.read');
      return;
    case 'plan.reminders.edit':
      authorize(actor, 'plan.edit');
      return;
    case 'unit.robots':
      authorize(actor, 'unit.manage');
      return;
    case 'messages.read':
      authorize(actor, 'report.review');
      return;
  }
}
