import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface SessionRecord {
  tenantId: string;
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(db: Executor, s: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      tenant_id: s.tenantId,
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

export async function findSession(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      tenantId: row.tenant_id,
      id: row.id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    }
  );
}

export async function touchSession(db: Executor, tenantId: string, id: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Executor, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteUserSessions(
  db: Executor,
  tenantId: string,
  userId: string,
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

/**
 * Moves every session along with a demo or test clock that jumps forward, so the people signed in stay
 * signed in (their idle and absolute limits are measured on the same clock). Cross-tenant by design: the
 * clock is the server's, not a commission's.
 */
export async function shiftSessionTimes(db: Executor, ms: number): Promise<void> {
  const by = sql<string>`${`${String(Math.round(ms))} milliseconds`}::interval`;
  await db
    .updateTable('sessions')
    .set({
      created_at: sql`created_at + ${by}`,
      last_seen_at: sql`last_seen_at + ${by}`,
      expires_at: sql`expires_at + ${by}`,
    })
    .execute();
}
