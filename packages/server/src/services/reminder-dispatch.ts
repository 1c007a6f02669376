import { PERMISSIONS, ReminderPolicy, type ScheduledReminder } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import { remindersOn } from '../domain/reminder-schedule.js';
import type { WorkdayOverrides } from '../domain/working-days.js';
import { REMINDER_MESSAGES as M } from '../messaging/reminder-messages.js';
import { insertNotifications, type NewNotification } from '../repositories/notification-repository.js';
import type { NewOutboundMessage } from '../repositories/outbound-message-repository.js';
import { queueOutboundMessages } from './message-outbox.js';
import {
  listActiveUsersWithRoles,
  listOwedReports,
  listPeriodDues,
  listPublishedPlansWithPolicy,
  listUnitMembers,
  listUnitRobots,
  listWorkdayOverrides,
  type OwedReport,
} from '../repositories/reminder-repository.js';

/** The job that delivers one recorded e-mail or robot message. */

export interface DispatchCounts {
  notifications: number;
  messages: number;
}

/** A plan's stored rule, or the default when a row predates validation (never trust stored JSON blindly). */
export function readPolicy(stored: unknown): ReminderPolicy {
  const parsed = ReminderPolicy.safeParse(stored);
  return parsed.success
    ? parsed.data
    : { enabled: true, before: [3, 1], onDue: true, after: [1, 3], shiftToWorkday: true };
}

function titleOf(reminder: ScheduledReminder): string {
  if (reminder.kind === 'before') return M.title.before(reminder.periodLabel, reminder.dueOn);
  if (reminder.kind === 'due') return M.title.due(reminder.periodLabel, reminder.dueOn);
  return M.title.after(reminder.periodLabel, reminder.offset);
}

const byUnit = (owed: readonly OwedReport[]): Map<string, OwedReport[]> => {
  const map = new Map<string, OwedReport[]>();
  for (const o of owed) map.set(o.unit_id, [...(map.get(o.unit_id) ?? []), o]);
  return map;
};

/**
 * The reminders of one commission that fall on `now`'s China date: for each published plan and each of its
 * periods whose reminder is today, the units still owing a report, their reporters (in-app, and e-mail
 * where they gave an address and want it), their robots, and after the due date a digest to the reviewers.
 * Everything is keyed (plan, period, reminder, person or unit), so running it twice on one day adds nothing.
 */
export async function dispatchReminders(trx: Executor, tenantId: string, now: Date): Promise<DispatchCounts> {
  const today = localDate(now);
  const overrides: WorkdayOverrides = await listWorkdayOverrides(trx, tenantId);
  const notifications: NewNotification[] = [];
  const messages: NewOutboundMessage[] = [];
  const reviewers = await listActiveUsersWithRoles(trx, tenantId, PERMISSIONS['report.review']);

  for (const plan of await listPublishedPlansWithPolicy(trx, tenantId)) {
    const policy = readPolicy(plan.reminder_policy);
    const periods = (await listPeriodDues(trx, tenantId, plan.id)).map((p) => ({
      id: p.id,
      label: p.label,
      dueOn: p.due_on,
    }));
    for (const reminder of remindersOn(today, periods, policy, overrides)) {
      const owed = await listOwedReports(trx, tenantId, plan.id, reminder.periodId);
      if (owed.length === 0) continue;
      const units = byUnit(owed);
      const tag = `${plan.id}:${reminder.periodId}:${reminder.kind}${String(reminder.offset)}`;
      const title = titleOf(reminder);
      const members = await listUnitMembers(trx, tenantId, [...units.keys()]);
      const tasksOf = new Map<string, OwedReport[]>();
      for (const m of members)
        tasksOf.set(m.user_id, [...(tasksOf.get(m.user_id) ?? []), ...(units.get(m.unit_id) ?? [])]);
      for (const [userId, tasks] of tasksOf) {
        const body = [
          ...tasks.map((t) => M.taskLine(t.item_number, t.item_title, t.unit_name)),
          M.footer,
        ].join('\n');
        notifications.push({
          tenantId,
          userId,
          kind: `reminder.${reminder.kind}`,
          title,
          body,
          link: '/my-tasks',
          key: `remind:${tag}`,
        });
        const member = members.find((m) => m.user_id === userId);
        if (member?.email && member.notify_email)
          messages.push({
            tenantId,
            channel: 'email',
            recipient: member.email,
            subject: title,
            body,
            key: `email:${tag}:${userId}`,
          });
      }
      for (const robot of await listUnitRobots(trx, tenantId, [...units.keys()])) {
        if (!robot.enabled) continue;
        const tasks = units.get(robot.unit_id) ?? [];
        const unitName = tasks[0]?.unit_name ?? '';
        const body = [
          M.robotHeading(unitName),
          title,
          ...tasks.map((t) => `- ${M.taskLine(t.item_number, t.item_title, unitName)}`),
          M.footer,
        ].join('\n\n');
        messages.push({
          tenantId,
          channel: robot.kind,
          recipient: robot.webhook_url,
          subject: title,
          body,
          key: `${robot.kind}:${tag}:${robot.unit_id}`,
        });
      }
      if (reminder.kind === 'after') {
        const digestTitle = M.title.digest(reminder.periodLabel, units.size);
        const lines = [...units.values()].map((tasks) => M.unitLine(tasks[0]?.unit_name ?? '', tasks.length));
        const body = [...lines, M.digestFooter].join('\n');
        for (const reviewer of reviewers)
          notifications.push({
            tenantId,
            userId: reviewer.id,
            kind: 'reminder.digest',
            title: digestTitle,
            body,
            link: '/review',
            key: `digest:${tag}`,
          });
      }
    }
  }
  const made = await insertNotifications(trx, notifications, now);
  const sent = await queueOutboundMessages(trx, tenantId, messages, now);
  return { notifications: made, messages: sent };
}
