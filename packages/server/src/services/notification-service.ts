import type {
  NotificationList,
  NotificationSettings,
  OutboundMessageList,
  PlanReminders,
  ReminderPolicy,
  UnitRobot,
  UnitRobotView,
} from '@yaodian/core';
import { localDate } from '../config/clock.js';
import { upcomingReminders } from '../domain/reminder-schedule.js';
import { notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeNotifications } from '../policies/notifications.js';
import {
  presentNotification,
  presentOutboundMessage,
  presentUnitRobot,
} from '../presenters/notification-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  countUnread,
  findNotificationSettings,
  listNotifications,
  markAllRead,
  markRead,
  updateNotificationSettings,
} from '../repositories/notification-repository.js';
import { countPlanMessages, listOutboundMessages } from '../repositories/outbound-message-repository.js';
import {
  findReminderPolicy,
  listPeriodDues,
  listUnitRobots,
  listWorkdayOverrides,
  replaceUnitRobots,
  updateReminderPolicy,
} from '../repositories/reminder-repository.js';
import { findUnitsByIds } from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { readPolicy } from './reminder-dispatch.js';

export async function myNotifications(
  deps: Deps,
  actor: Actor,
  query: { unreadOnly?: boolean | undefined; before?: string | undefined; limit: number },
): Promise<NotificationList> {
  authorizeNotifications(actor, 'inbox');
  const rows = await listNotifications(deps.db, actor.tenantId, actor.userId, {
    unreadOnly: query.unreadOnly ?? false,
    before: query.before ? new Date(query.before) : null,
    limit: query.limit,
  });
  const last = rows.at(-1);
  return {
    notifications: rows.map(presentNotification),
    unreadCount: await countUnread(deps.db, actor.tenantId, actor.userId),
    next: rows.length === query.limit && last ? last.created_at.toISOString() : null,
  };
}

export async function readMyNotification(deps: Deps, actor: Actor, id: string): Promise<{ ok: true }> {
  authorizeNotifications(actor, 'inbox');
  if (!(await markRead(deps.db, actor.tenantId, actor.userId, id, deps.clock.now())))
    throw notFound('notification');
  return { ok: true };
}

export async function readAllMyNotifications(deps: Deps, actor: Actor): Promise<{ ok: true }> {
  authorizeNotifications(actor, 'inbox');
  await markAllRead(deps.db, actor.tenantId, actor.userId, deps.clock.now());
  return { ok: true };
}

export async function myNotificationSettings(deps: Deps, actor: Actor): Promise<NotificationSettings> {
  authorizeNotifications(actor, 'inbox');
  const row = await findNotificationSettings(deps.db, actor.tenantId, actor.userId);
  if (!row) throw notFound('user');
  return { email: row.email, notifyEmail: row.notify_email };
}

export async function setMyNotificationSettings(
  deps: Deps,
  actor: Actor,
  settings: NotificationSettings,
): Promise<NotificationSettings> {
  authorizeNotifications(actor, 'inbox');
  await deps.db.transaction().execute(async (trx) => {
    const before = await findNotificationSettings(trx, actor.tenantId, actor.userId);
    await updateNotificationSettings(trx, actor.tenantId, actor.userId, settings);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'user.notification-settings',
      entity: 'user',
      entityId: actor.userId,
      before,
      after: settings,
      at: deps.clock.now(),
    });
  });
  return myNotificationSettings(deps, actor);
}

export async function planReminders(deps: Deps, actor: Actor, planId: string): Promise<PlanReminders> {
  authorizeNotifications(actor, 'plan.reminders.read');
  await visiblePlan(deps.db, actor, planId);
  const policy = readPolicy(await findReminderPolicy(deps.db, actor.tenantId, planId));
  const periods = (await listPeriodDues(deps.db, actor.tenantId, planId)).map((p) => ({
    id: p.id,
    label: p.label,
    dueOn: p.due_on,
  }));
  const overrides = await listWorkdayOverrides(deps.db, actor.tenantId);
  return {
    policy,
    upcoming: upcomingReminders(localDate(deps.clock.now()), periods, policy, 12, overrides),
    messages: await countPlanMessages(deps.db, actor.tenantId, planId),
  };
}

export async function setPlanReminders(
  deps: Deps,
  actor: Actor,
  planId: string,
  policy: ReminderPolicy,
): Promise<PlanReminders> {
  authorizeNotifications(actor, 'plan.reminders.edit');
  await deps.db.transaction().execute(async (trx) => {
    await visiblePlan(trx, actor, planId);
    const before = await findReminderPolicy(trx, actor.tenantId, planId);
    await updateReminderPolicy(trx, actor.tenantId, planId, policy);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'plan.reminders',
      entity: 'plan',
      entityId: planId,
      before,
      after: policy,
      at: deps.clock.now(),
    });
  });
  return planReminders(deps, actor, planId);
}

async function existingUnit(deps: Deps, actor: Actor, unitId: string): Promise<void> {
  const [unit] = await findUnitsByIds(deps.db, actor.tenantId, [unitId]);
  if (!unit) throw notFound('unit');
}

export async function unitRobots(
  deps: Deps,
  actor: Actor,
  unitId: string,
): Promise<{ robots: UnitRobotView[] }> {
  authorizeNotifications(actor, 'unit.robots');
  await existingUnit(deps, actor, unitId);
  return { robots: (await listUnitRobots(deps.db, actor.tenantId, [unitId])).map(presentUnitRobot) };
}

export async function setUnitRobots(
  deps: Deps,
  actor: Actor,
  unitId: string,
  robots: readonly UnitRobot[],
): Promise<{ robots: UnitRobotView[] }> {
  authorizeNotifications(actor, 'unit.robots');
  await existingUnit(deps, actor, unitId);
  await deps.db.transaction().execute(async (trx) => {
    // A secret left out keeps the one stored for that kind (the page never has it to send back).
    const stored = await listUnitRobots(trx, actor.tenantId, [unitId]);
    const resolved = robots.map((r) => ({
      ...r,
      secret: r.secret === undefined ? (stored.find((x) => x.kind === r.kind)?.secret ?? null) : r.secret,
    }));
    await replaceUnitRobots(trx, actor.tenantId, unitId, resolved);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'unit.robots',
      entity: 'unit',
      entityId: unitId,
      // The signing secret is a credential: the log says whether there is one, never what it is.
      after: robots.map((r) => ({ ...r, secret: r.secret ? '(set)' : null })),
      at: deps.clock.now(),
    });
  });
  return unitRobots(deps, actor, unitId);
}

export async function outboundMessages(deps: Deps, actor: Actor): Promise<OutboundMessageList> {
  authorizeNotifications(actor, 'messages.read');
  return { messages: (await listOutboundMessages(deps.db, actor.tenantId, 200)).map(presentOutboundMessage) };
}
