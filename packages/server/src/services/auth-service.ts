import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LoginRequest } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  clearFailedLogins,
  countFailedLogins,
  recordFailedLogin,
} from '../repositories/login-attempt-repository.js';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from '../repositories/session-repository.js';
import {
  findUser,
  findUserUnitIds,
  findUsersForLogin,
  updatePasswordHash,
} from '../repositories/user-repository.js';
import type { Deps } from './deps.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_MAX_FAILURES = 5;
/** Avoid a write on every request: last_seen_at moves only when it is this stale. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionHandle {
  /** The cookie value: tenant id and the secret token (only its hash is stored). */
  cookie: string;
  csrfToken: string;
  actor: Actor;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function parseCookie(cookie: string): { tenantId: string; token: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
  return match?.[1] && match[2] ? { tenantId: match[1], token: match[2] } : null;
}

async function actorFor(deps: Deps, tenantId: string, userId: string): Promise<Actor | null> {
  const user = await findUser(deps.db, tenantId, userId);
  if (!user?.active) return null;
  return { tenantId, userId, role: user.role, unitIds: await findUserUnitIds(deps.db, tenantId, userId) };
}

export async function login(deps: Deps, input: LoginRequest, ip: string): Promise<SessionHandle> {
  const candidates = await findUsersForLogin(deps.db, input.username, input.tenant);
  if (candidates.length > 1) {
    throw new AppError(
      'tenant_required',
      'This user name exists in more than one commission; give its code',
      { field: 'tenant' },
    );
  }
  const user = candidates[0];
  const now = deps.clock.now();
  if (!user) {
    await verifyPassword(DUMMY_HASH, input.password);
    throw new AppError('invalid_credentials', 'Wrong user name or password');
  }
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  if ((await countFailedLogins(deps.db, user.tenant_id, user.username, ip, since)) >= LOGIN_MAX_FAILURES) {
    throw new AppError('rate_limited', 'Too many failed sign-ins; wait 15 minutes and try again');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailedLogin(deps.db, user.tenant_id, user.username, ip, now);
    throw new AppError('invalid_credentials', 'Wrong user name or password');
  }
  await clearFailedLogins(deps.db, user.tenant_id, user.username, ip);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await insertSession(deps.db, {
    tenantId: user.tenant_id,
    id: sha256(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
  });
  await appendAudit(deps.db, {
    tenantId: user.tenant_id,
    actorId: user.id,
    action: 'login',
    entity: 'user',
    entityId: user.id,
    after: { ip },
    at: now,
  });
  const actor = await actorFor(deps, user.tenant_id, user.id);
  if (!actor) throw new AppError('invalid_credentials', 'Wrong user name or password');
  return { cookie: `${user.tenant_id}.${token}`, csrfToken, actor };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

/** The actor behind a session cookie, or why there is none. Idle and absolute limits both apply. */
export async function resolveSession(deps: Deps, cookie: string): Promise<ResolvedSession> {
  const parsed = parseCookie(cookie);
  if (!parsed) throw new AppError('unauthenticated', 'Sign in first');
  const id = sha256(parsed.token);
  const session = await findSession(deps.db, parsed.tenantId, id);
  if (!session) throw new AppError('unauthenticated', 'Sign in first');
  const now = deps.clock.now().getTime();
  if (now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) {
    await deleteSession(deps.db, session.tenantId, id);
    throw new AppError('session_expired', 'Your session has expired; sign in again');
  }
  if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(deps.db, session.tenantId, id, new Date(now));
  }
  const actor = await actorFor(deps, session.tenantId, session.userId);
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return { actor, csrfToken: session.csrfToken, sessionId: id };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  await deleteSession(deps.db, actor.tenantId, sessionId);
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'logout',
    entity: 'user',
    entityId: actor.userId,
    at: deps.clock.now(),
  });
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUser(deps.db, actor.tenantId, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is wrong', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.tenantId, actor.userId, passwordHash);
    // Other sign-ins end: whoever knew the old password is out.
    await deleteUserSessions(trx, actor.tenantId, actor.userId, sessionId);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'password.change',
      entity: 'user',
      entityId: actor.userId,
      at: deps.clock.now(),
    });
  });
}
