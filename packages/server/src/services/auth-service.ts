import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LoginRequest } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  clearIfUnlocked,
  countAttempt,
  lockKey,
  uncountAttempt,
  type ThrottleState,
} from '../repositories/login-throttle-repository.js';
import {
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '../repositories/session-repository.js';
import {
  findUser,
  findUserUnitIds,
  findUsersForLogin,
  updatePasswordHash,
} from '../repositories/user-repository.js';
import { findTenantByCode, listTopTenantIds } from '../repositories/tenant-repository.js';
import type { Deps } from './deps.js';
import { assertNewPassword, policyFor, rememberReplacedPassword } from './password-check.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { DEFAULT_PASSWORD_POLICY, passwordExpired } from '../domain/password-rules.js';
import { ERRORS } from '../messaging/error-messages.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_MAX_FAILURES = 5;
/** Avoid a write on every request: last_seen_at moves only when it is this stale. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionHandle {
  /** The cookie value: tenant id and the secret token (only its hash is stored). */
  cookie: string;
  csrfToken: string;
  actor: Actor;
  /** The session's absolute limit (the cookie lives as long). */
  maxAgeSeconds: number;
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

/** Sign-in limits (等保2.0 身份鉴别: 登录失败处理). Every attempt counts, before its password is checked. */
export const SIGN_IN_POLICY = {
  windowMs: LOGIN_WINDOW_MS,
  /** Attempts per user name (whether or not it exists) in the window, from any address. */
  accountMaxAttempts: LOGIN_MAX_FAILURES,
  /** Attempts per client address in the window, across user names. */
  addressMaxAttempts: 30,
  /** The first lock; each further lock of the same key doubles it, up to `maxLockMs`. */
  lockMs: 15 * 60_000,
  maxLockMs: 4 * 3_600_000,
  /** A failed attempt's answer waits this long times 2^(attempt − 1), up to `maxDelayMs` (progressive delay). */
  delayMs: 50,
  maxDelayMs: 2_000,
} as const;

export const accountKey = (username: string): string =>
  `user:${username.normalize('NFKC').trim().toLowerCase()}`;
const addressKey = (ip: string): string => `ip:${ip}`;

const lockMsFor = (locksBefore: number): number =>
  Math.min(SIGN_IN_POLICY.lockMs * 2 ** locksBefore, SIGN_IN_POLICY.maxLockMs);

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError('account_locked', ERRORS.auth.locked(minutes), {
    details: { retryAfterSeconds: seconds, lockedUntil: until.toISOString() },
  });
}

/**
 * Signs in. The attempt is counted for the user name and for the address in the database first (one
 * atomic statement each), so parallel guesses are all counted and only the first few are ever checked.
 * Unknown names are counted, delayed, locked and answered exactly like known ones.
 */
export async function login(deps: Deps, input: LoginRequest, ip: string): Promise<SessionHandle> {
  const now = deps.clock.now();
  const policy = SIGN_IN_POLICY;
  const account = await countAttempt(deps.db, accountKey(input.username), now, policy.windowMs);
  const address = await countAttempt(deps.db, addressKey(ip), now, policy.windowMs);
  const candidates = await findUsersForLogin(deps.db, input.username, input.tenant);
  const audit = async (action: string, after: Record<string, unknown>): Promise<void> => {
    if (candidates.length > 0) {
      await appendAudit(
        deps.db,
        candidates.map((c) => ({
          tenantId: c.tenant_id,
          actorId: null,
          action,
          entity: 'user',
          entityId: c.id,
          after: { ip, ...after },
          at: now,
        })),
      );
      return;
    }
    // An unknown name belongs to no commission: it goes to the one the request named, else to the top-level
    // commissions, so a guessing run is in the log whatever names it tries (the caller's answer is unchanged).
    const named = input.tenant ? await findTenantByCode(deps.db, input.tenant) : undefined;
    const tenantIds = named ? [named.id] : await listTopTenantIds(deps.db);
    const name = accountKey(input.username).slice('user:'.length, 'user:'.length + 200);
    await appendAudit(
      deps.db,
      tenantIds.map((tenantId) => ({
        tenantId,
        actorId: null,
        action,
        entity: 'login',
        entityId: name,
        after: { ip, unknownName: true, ...after },
        at: now,
      })),
    );
  };
  const refuse = async (reason: string): Promise<never> => {
    await audit('login.failure', { reason, attempt: account.attempts });
    await sleep(Math.min(policy.delayMs * 2 ** (account.attempts - 1), policy.maxDelayMs));
    // Lock once the allowance is used up (the lock's own audit row says for how long).
    const lock = async (
      key: string,
      state: ThrottleState,
      max: number,
      scope: string,
    ): Promise<Date | null> => {
      if (state.lockedUntil && state.lockedUntil > now) return state.lockedUntil;
      if (state.attempts < max) return null;
      const until = new Date(now.getTime() + lockMsFor(state.locks));
      if (await lockKey(deps.db, key, now, until))
        await audit('login.lock', { scope, until: until.toISOString() });
      return until;
    };
    const accountLock = await lock(accountKey(input.username), account, policy.accountMaxAttempts, 'account');
    const addressLock = await lock(addressKey(ip), address, policy.addressMaxAttempts, 'address');
    const until = [accountLock, addressLock].filter((d): d is Date => d !== null).sort((a, b) => +b - +a)[0];
    if (until) throw lockedError(until, now);
    throw new AppError('invalid_credentials', ERRORS.auth.wrongCredentials);
  };

  const locked =
    (account.lockedUntil && account.lockedUntil > now) ||
    (address.lockedUntil && address.lockedUntil > now) ||
    account.attempts > policy.accountMaxAttempts ||
    address.attempts > policy.addressMaxAttempts;
  if (locked) {
    // Keep the timing of a checked attempt, so a lock never looks different from a wrong password.
    await verifyPassword(DUMMY_HASH, input.password);
    return refuse('locked');
  }
  // Every candidate is checked (a name may exist in several commissions); with none, a dummy hash.
  const checks = await Promise.all(
    candidates.length === 0
      ? [verifyPassword(DUMMY_HASH, input.password).then(() => false)]
      : candidates.map((c) => verifyPassword(c.password_hash, input.password)),
  );
  const matching = candidates.filter((_, i) => checks[i] === true);
  if (matching.length === 0) return refuse('wrong_password');
  if (matching.length > 1) {
    throw new AppError('tenant_required', ERRORS.auth.ambiguousUser, { field: 'tenant' });
  }
  const user = matching[0];
  if (!user) return refuse('wrong_password');
  // A lock set meanwhile by parallel guesses wins over a right password.
  if (!(await clearIfUnlocked(deps.db, accountKey(input.username), now))) return refuse('locked');
  await uncountAttempt(deps.db, addressKey(ip), now);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const passwordPolicy = await policyFor(deps.db, user.tenant_id);
  await insertSession(deps.db, {
    tenantId: user.tenant_id,
    id: sha256(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    // The policy's absolute limit, fixed at sign-in.
    expiresAt: new Date(now.getTime() + passwordPolicy.absoluteHours * 3_600_000),
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
  if (!actor) throw new AppError('invalid_credentials', ERRORS.auth.wrongCredentials);
  return {
    cookie: `${user.tenant_id}.${token}`,
    csrfToken,
    actor,
    maxAgeSeconds: passwordPolicy.absoluteHours * 3600,
  };
}

/** Why the password must be changed before anything else, or null. */
export type PasswordChange = 'reset' | 'expired' | null;

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  passwordChange: PasswordChange;
}

/** Reset by the security administrator, or older than the commission's expiry. */
export function passwordChangeOf(
  user: { mustChangePassword: boolean; passwordChangedAt: Date },
  expiryDays: number,
  now: Date,
): PasswordChange {
  if (user.mustChangePassword) return 'reset';
  return passwordExpired(user.passwordChangedAt, now, expiryDays) ? 'expired' : null;
}

/** The actor behind a session cookie, or why there is none. Idle and absolute limits both apply. */
export async function resolveSession(deps: Deps, cookie: string): Promise<ResolvedSession> {
  const parsed = parseCookie(cookie);
  if (!parsed) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  const id = sha256(parsed.token);
  const session = await findSessionWithUser(deps.db, parsed.tenantId, id);
  if (!session) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  const now = deps.clock.now().getTime();
  const idleMs = (session.idleMinutes ?? DEFAULT_PASSWORD_POLICY.idleMinutes) * 60_000;
  if (now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= idleMs) {
    await deleteSession(deps.db, session.tenantId, id);
    throw new AppError('session_expired', ERRORS.auth.sessionExpired);
  }
  if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(deps.db, session.tenantId, id, new Date(now));
  }
  if (!session.active) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  const actor: Actor = {
    tenantId: session.tenantId,
    userId: session.userId,
    role: session.role,
    unitIds: session.unitIds,
  };
  const passwordChange = passwordChangeOf(
    session,
    session.expiryDays ?? DEFAULT_PASSWORD_POLICY.expiryDays,
    new Date(now),
  );
  return { actor, csrfToken: session.csrfToken, sessionId: id, passwordChange };
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
    throw new AppError('invalid_credentials', ERRORS.auth.currentPasswordWrong, { field: 'currentPassword' });
  }
  await assertNewPassword(deps.db, actor.tenantId, input.newPassword, 'newPassword', user);
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await rememberReplacedPassword(trx, actor.tenantId, user, now);
    await updatePasswordHash(trx, actor.tenantId, actor.userId, passwordHash, {
      changedAt: now,
      mustChange: false,
    });
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
