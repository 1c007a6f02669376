import type { Executor } from '../db/database.js';
import type { OutboundMessageRow } from '../db/schema.js';
import { insertJob } from '../jobs/job-repository.js';
import { retryDelayMs } from '../jobs/job-runner.js';
import { lockOutboundMessage, recordDelivery } from '../repositories/outbound-message-repository.js';
import { listUnitRobotByWebhook } from '../repositories/reminder-repository.js';
import { sendRobotMessage } from '../messaging/robot-sender.js';
import { DELIVER_MESSAGE_JOB } from './message-outbox.js';

/** How a recorded message leaves the building; e-mail is absent when no SMTP server is configured. */
export interface Senders {
  email: ((message: OutboundMessageRow) => Promise<void>) | null;
  /** Robot posts; tests point the webhooks at a local receiver. */
  robot?: typeof sendRobotMessage;
}

const MAX_ATTEMPTS = 5;

const describe = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Sends one recorded message and records the outcome, in the job's transaction (the message row is locked,
 * so two workers never send it together; a sent message is never sent again). A failure is recorded on the
 * message and retried by a new job after a back-off, up to five attempts, then marked failed.
 */
export async function deliverMessage(
  trx: Executor,
  tenantId: string,
  messageId: string,
  senders: Senders,
  now: Date,
): Promise<void> {
  const message = await lockOutboundMessage(trx, tenantId, messageId);
  if (message?.state !== 'pending') return;
  try {
    if (message.channel === 'email') {
      if (!senders.email) throw new Error('no SMTP server configured (SMTP_URL)');
      await senders.email(message);
    } else {
      const robot = await listUnitRobotByWebhook(trx, tenantId, message.channel, message.recipient);
      await (senders.robot ?? sendRobotMessage)(
        {
          kind: message.channel,
          webhookUrl: message.recipient,
          secret: robot?.secret ?? null,
          title: message.subject,
          markdown: message.body,
        },
        now.getTime(),
      );
    }
    await recordDelivery(trx, tenantId, message.id, { state: 'sent', error: null, at: now });
  } catch (error) {
    const attempts = message.attempts + 1;
    const final = attempts >= MAX_ATTEMPTS;
    await recordDelivery(trx, tenantId, message.id, {
      state: final ? 'failed' : 'pending',
      error: describe(error),
      at: now,
    });
    if (!final)
      await insertJob(
        trx,
        {
          tenantId,
          name: DELIVER_MESSAGE_JOB,
          key: `deliver:${message.id}:${String(attempts)}`,
          payload: { messageId: message.id },
          runAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
        now,
      );
  }
}
