import type { Executor } from '../db/database.js';
import type { MessageChannel, OutboundMessageRow } from '../db/schema.js';

export interface NewOutboundMessage {
  tenantId: string;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
  /** Unique per commission: the same message decided twice is recorded (and sent) once. */
  key: string;
}

/** Records the messages whose keys are new; the ids of those made (only they are to be delivered). */
export async function insertOutboundMessages(
  db: Executor,
  messages: readonly NewOutboundMessage[],
  at: Date,
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await db
    .insertInto('outbound_messages')
    .values(
      messages.map((m) => ({
        tenant_id: m.tenantId,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        body: m.body,
        key: m.key,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The message, locked until the caller's transaction ends (one deliverer at a time). */
export function lockOutboundMessage(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<OutboundMessageRow | undefined> {
  return db
    .selectFrom('outbound_messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordDelivery(
  db: Executor,
  tenantId: string,
  id: string,
  outcome: { state: 'sent' | 'pending' | 'failed'; error: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('outbound_messages')
    .set((eb) => ({
      state: outcome.state,
      attempts: eb('attempts', '+', 1),
      last_error: outcome.error,
      sent_at: outcome.state === 'sent' ? outcome.at : null,
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function listOutboundMessages(
  db: Executor,
  tenantId: string,
  limit: number,
): Promise<OutboundMessageRow[]> {
  return db
    .selectFrom('outbound_messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Messages about one plan (their keys carry the plan's id), by channel and state. */
export async function countPlanMessages(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<{ channel: MessageChannel; state: OutboundMessageRow['state']; count: number }[]> {
  const rows = await db
    .selectFrom('outbound_messages')
    .select(['channel', 'state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('key', 'like', `%:${planId}:%`)
    .groupBy(['channel', 'state'])
    .orderBy('channel')
    .orderBy('state')
    .execute();
  return rows.map((r) => ({ channel: r.channel, state: r.state, count: Number(r.n) }));
}
