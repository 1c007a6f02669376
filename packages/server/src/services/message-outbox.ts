import type { Executor } from '../db/database.js';
import { insertJobs } from '../jobs/job-repository.js';
import {
  insertOutboundMessages,
  type NewOutboundMessage,
} from '../repositories/outbound-message-repository.js';

/** The job that sends one recorded message (e-mail or robot) and records the outcome. */
export const DELIVER_MESSAGE_JOB = 'message.deliver';

/**
 * Records the messages and queues one delivery job each, in the caller's transaction: a message is sent only
 * if the change that made it commits, and at most once (the job's key is the message's id).
 */
export async function queueOutboundMessages(
  trx: Executor,
  tenantId: string,
  messages: NewOutboundMessage[],
  now: Date,
): Promise<number> {
  const ids = await insertOutboundMessages(trx, messages, now);
  await insertJobs(
    trx,
    ids.map((id) => ({
      tenantId,
      name: DELIVER_MESSAGE_JOB,
      key: `deliver:${id}`,
      payload: { messageId: id },
      runAt: now,
    })),
    now,
  );
  return ids.length;
}
