import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/** Working days before or after a due date at which a reminder fires. */
const Offsets = z.array(z.int().min(1).max(20)).max(5);

/**
 * When a plan's reporting reminders fire, in working days around each period's due date (the national
 * holiday calendar with 调休, corrected by the commission). `shiftToWorkday`: a due date on a rest day
 * moves to the next working day.
 */
export const ReminderPolicy = z.object({
  enabled: z.boolean(),
  before: Offsets,
  onDue: z.boolean(),
  after: Offsets,
  shiftToWorkday: z.boolean(),
});

export const NOTIFICATION_KINDS = [
  'reminder.before',
  'reminder.due',
  'reminder.overdue',
  'reminder.digest',
] as const;

export const NotificationDto = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A page of the app (`/plans/…`), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationQuery = z.object({
  unreadOnly: z.stringbool().optional(),
  /** Keyset: entries older than this instant (the last one of the previous page). */
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const NotificationList = z.object({
  notifications: z.array(NotificationDto),
  unreadCount: z.int().min(0),
  /** Pass as `before` for the next page; null on the last. */
  next: z.string().nullable(),
});

export const NotificationSettings = z.object({
  /** Where e-mail reminders go; null: none. */
  email: z.email().max(254).nullable(),
  notifyEmail: z.boolean(),
});

/** One reminder the calendar puts on a date: the period, its (shifted) due date and which reminder. */
export const ScheduledReminder = z.object({
  periodId: Id,
  periodLabel: z.string(),
  dueOn: IsoDate,
  on: IsoDate,
  kind: z.enum(['before', 'due', 'after']),
  /** Working days before (negative) or after (positive) the due date. */
  offset: z.int(),
});

export const PlanReminders = z.object({
  policy: ReminderPolicy,
  /** The next reminders from today, at most 12. */
  upcoming: z.array(ScheduledReminder),
  /** Messages recorded for this plan, by channel and state. */
  messages: z.array(
    z.object({
      channel: z.enum(['email', 'wecom', 'dingtalk']),
      state: z.enum(['pending', 'sent', 'failed']),
      count: z.int(),
    }),
  ),
});

export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const;

export const UnitRobot = z.object({
  kind: z.enum(ROBOT_KINDS),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(1000),
  /**
   * DingTalk's signing secret (加签); WeCom robots have none. Left out: keep the one stored for this kind;
   * null: none. A credential: it is written, never read back.
   */
  secret: z.string().min(1).max(200).nullable().optional(),
  enabled: z.boolean(),
});

export const UnitRobots = z.object({ robots: z.array(UnitRobot).max(2) });

/** A robot as the server shows it: whether it has a secret, never the secret. */
export const UnitRobotView = z.object({
  kind: z.enum(ROBOT_KINDS),
  webhookUrl: z.string(),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
});

export const UnitRobotViews = z.object({ robots: z.array(UnitRobotView) });

export const OutboundMessageDto = z.object({
  id: Id,
  channel: z.enum(['email', ...ROBOT_KINDS]),
  recipient: z.string(),
  subject: z.string(),
  state: z.enum(['pending', 'sent', 'failed']),
  attempts: z.int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const OutboundMessageList = z.object({ messages: z.array(OutboundMessageDto) });

export type ReminderPolicy = z.infer<typeof ReminderPolicy>;
export type NotificationDto = z.infer<typeof NotificationDto>;
export type NotificationList = z.infer<typeof NotificationList>;
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export type ScheduledReminder = z.infer<typeof ScheduledReminder>;
export type PlanReminders = z.infer<typeof PlanReminders>;
export type UnitRobot = z.infer<typeof UnitRobot>;
export type UnitRobotView = z.infer<typeof UnitRobotView>;
export type OutboundMessageDto = z.infer<typeof OutboundMessageDto>;
export type OutboundMessageList = z.infer<typeof OutboundMessageList>;
