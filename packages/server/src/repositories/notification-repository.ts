import type { Executor } from '../db/database.js';
import type { NotificationRow } from '../db/schema.js';

export interface NewNotification {
  tenantId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** Unique per person: a second notification with the same key is not made. */
  key: string;
}

/** Inserts the notifications whose keys are new for their person; how many were made. */
export async function insertNotifications(
  db: Executor,
  notifications: readonly NewNotification[],
  at: Date,
): Promise<number> {
  if (notifications.length === 0) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        tenant_id: n.tenantId,
        user_id: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        key: n.key,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export function listNotifications(
  db: Executor,
  tenantId: string,
  userId: string,
  page: { unreadOnly: boolean; before: Date | null; limit: number },
): Promise<NotificationRow[]> {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId);
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  if (page.before) q = q.where('created_at', '<', page.before);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export async function countUnread(db: Executor, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's notifications read; false when the person has no such notification. */
export async function markRead(
  db: Executor,
  tenantId: string,
  userId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function markAllRead(db: Executor, tenantId: string, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export function findNotificationSettings(
  db: Executor,
  tenantId: string,
  userId: string,
): Promise<{ email: string | null; notify_email: boolean } | undefined> {
  return db
    .selectFrom('users')
    .select(['email', 'notify_email'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function updateNotificationSettings(
  db: Executor,
  tenantId: string,
  userId: string,
  settings: { email: string | null; notifyEmail: boolean },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ email: settings.email, notify_email: settings.notifyEmail })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}
