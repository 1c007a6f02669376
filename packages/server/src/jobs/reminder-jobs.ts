import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import type { JobRow } from '../db/schema.js';
import { deliverMessage, type Senders } from '../services/message-delivery.js';
import { DELIVER_MESSAGE_JOB } from '../services/message-outbox.js';
import { dispatchReminders } from '../services/reminder-dispatch.js';
import { dispatchSupervision } from '../services/supervision-dispatch.js';
import { insertJob, insertJobs } from './job-repository.js';
import type { JobHandler } from './job-runner.js';
import { nextDailyRun, sameDayAt } from './schedule.js';

/**
 * Once a day per commission, at 08:30 China time (the start of the working day), today's reminders go out,
 * then the day's 督办 run (escalations past their response date, the plans' rules).
 */
export const DAILY_REMINDER_JOB = 'reminders.daily';
const REMINDER_MINUTE = 8 * 60 + 30;

const dailyKey = (runAt: Date): string => `${DAILY_REMINDER_JOB}:${localDate(runAt)}`;

/** Enqueues the commission's next daily reminder run, in the caller's transaction. */
export async function scheduleReminders(trx: Executor, tenantId: string, now: Date): Promise<void> {
  const runAt = nextDailyRun(now, REMINDER_MINUTE);
  await insertJob(trx, { tenantId, name: DAILY_REMINDER_JOB, key: dailyKey(runAt), payload: {}, runAt }, now);
}

export function reminderJobHandlers(senders: Senders): Readonly<Record<string, JobHandler>> {
  const daily: JobHandler = async (trx: Executor, job: JobRow, now: Date) => {
    await dispatchReminders(trx, job.tenant_id, now);
    // The day's 督办 run rides on the same daily job: escalations and the plans' rules (issue 9, part 3).
    await dispatchSupervision(trx, job.tenant_id, now);
    await scheduleReminders(trx, job.tenant_id, now);
  };
  const deliver: JobHandler = async (trx: Executor, job: JobRow, now: Date) => {
    const messageId = typeof job.payload.messageId === 'string' ? job.payload.messageId : '';
    await deliverMessage(trx, job.tenant_id, messageId, senders, now);
  };
  return { [DAILY_REMINDER_JOB]: daily, [DELIVER_MESSAGE_JOB]: deliver };
}

/**
 * At start-up, for every commission: today's reminder run, at 08:30 or now if that has passed (a server
 * that was down at 08:30 still sends today's; one that ran already finds the key taken and adds nothing).
 */
export async function ensureReminderJobs(
  db: Executor,
  tenantIds: readonly string[],
  now: Date,
): Promise<number> {
  const today = sameDayAt(now, REMINDER_MINUTE);
  const runAt = today > now ? today : now;
  return insertJobs(
    db,
    tenantIds.map((tenantId) => ({
      tenantId,
      name: DAILY_REMINDER_JOB,
      key: dailyKey(runAt),
      payload: {},
      runAt,
    })),
    now,
  );
}
