import { sql } from 'kysely';
import type { Role } from '@yaodian/core';
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

/** A session with what the request's actor needs (the user's role, whether active, its units). */
export interface SessionWithUser extends SessionRecord {
  role: Role;
  active: boolean;
  unitIds: string[];
  /** The password's state and the commission's policy limits (null: the defaults), for the session check. */
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  idleMinutes: number | null;
  expiryDays: number | null;
}

/**
 * The session and its user in one statement (every request resolves one): the session row joined to its
 * user, the user's units as a sorted array.
 */
export async function findSessionWithUser(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<SessionWithUser | undefined> {
  const { rows } = await sql<{
    user_id: string;
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    role: Role;
    active: boolean;
    unit_ids: string[];
    must_change_password: boolean;
    password_changed_at: Date;
    idle_minutes: number | null;
    expiry_days: number | null;
  }>`
    select s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, u.role, u.active,
      array(select uu.unit_id::text from user_units uu
            where uu.tenant_id = s.tenant_id and uu.user_id = s.user_id order by uu.unit_id) as unit_ids,
      u.must_change_password, u.password_changed_at, p.idle_minutes, p.expiry_days
    from sessions s
    join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
    left join password_policies p on p.tenant_id = s.tenant_id
    where s.tenant_id = ${tenantId} and s.id = ${id}`.execute(db);
  const row = rows[0];
  return (
    row && {
      tenantId,
      id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      role: row.role,
      active: row.active,
      unitIds: row.unit_ids,
      mustChangePassword: row.must_change_password,
      passwordChangedAt: row.password_changed_at,
      idleMinutes: row.idle_minutes,
      expiryDays: row.expiry_days,
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

/** Ends every session of a commission (it was disabled). */
export async function deleteTenantSessions(db: Executor, tenantId: string): Promise<void> {
  await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).execute();
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
