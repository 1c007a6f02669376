import { isAdminRole, type Role } from '@yaodian/core';
import { AppError, notFound, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeUser, roleNeedsUnits } from '../policies/users.js';
import { presentUser } from '../presenters/user-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findLocks, unlockKey } from '../repositories/login-throttle-repository.js';
import { findUnitsByIds } from '../repositories/unit-repository.js';
import { deleteUserSessions } from '../repositories/session-repository.js';
import {
  findTenantCode,
  findUser,
  findUserUnitIds,
  findUsersForLogin,
  insertUser,
  listUserUnits,
  listUsers,
  replaceUserUnits,
  updatePasswordHash,
  updateUserAtVersion,
} from '../repositories/user-repository.js';
import type { UserRow } from '../db/schema.js';
import type { Deps } from './deps.js';
import { accountKey } from './auth-service.js';
import { assertNewPassword, rememberReplacedPassword } from './password-check.js';
import { hashPassword } from './passwords.js';
import { ERRORS } from '../messaging/error-messages.js';

export async function listTenantUsers(deps: Deps, actor: Actor) {
  authorizeUser(actor, 'read');
  const [users, units] = await Promise.all([
    listUsers(deps.db, actor.tenantId),
    listUserUnits(deps.db, actor.tenantId),
  ]);
  const locks = await findLocks(
    deps.db,
    users.map((u) => accountKey(u.username)),
    deps.clock.now(),
  );
  return {
    users: users.map((u) => ({
      ...presentUser(u, units.get(u.id) ?? []),
      lockedUntil: locks.get(accountKey(u.username))?.toISOString() ?? null,
    })),
  };
}

function dutyError(message: string): AppError {
  return new AppError('duty_separation', message);
}

/**
 * 三员分立: an administrator never acts on another administrator's account (system, security or audit), and
 * never on their own through these endpoints (their own password is changed with the current one).
 */
async function targetFor(deps: Deps, db: Deps['db'], actor: Actor, userId: string): Promise<UserRow> {
  const user = await findUser(db, actor.tenantId, userId);
  if (!user) throw notFound('user');
  if (user.id === actor.userId) throw dutyError(ERRORS.user.notOwnAccount);
  if (isAdminRole(user.role)) throw dutyError(ERRORS.user.notOtherAdmin);
  return user;
}

/** Lifts a sign-in lock (too many failed attempts) on one of the commission's users. */
export async function unlockUser(deps: Deps, actor: Actor, userId: string): Promise<void> {
  authorizeUser(actor, 'unlock');
  const user = await targetFor(deps, deps.db, actor, userId);
  await deps.db.transaction().execute(async (trx) => {
    const wasCounted = await unlockKey(trx, accountKey(user.username));
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'user.unlock',
      entity: 'user',
      entityId: userId,
      after: { wasCounted },
      at: deps.clock.now(),
    });
  });
}

/**
 * Creates an account. Through the API only with a role of the plan's work; the three administrators'
 * accounts are set up from the command line (`origin: 'cli'`).
 */
export async function createUser(
  deps: Deps,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; password: string; unitIds: string[] },
  origin: 'api' | 'cli' = 'api',
) {
  authorizeUser(actor, 'manage');
  if (origin === 'api' && isAdminRole(input.role)) throw dutyError(ERRORS.user.adminByCli);
  const unitIds = [...new Set(input.unitIds)];
  if (roleNeedsUnits(input.role) && unitIds.length === 0) {
    throw new AppError('validation_failed', ERRORS.user.reporterNeedsUnit, { field: 'unitIds' });
  }
  await assertNewPassword(deps.db, actor.tenantId, input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', ERRORS.unit.unknown, { field: 'unitIds' });
    }
    const tenantCode = await findTenantCode(trx, actor.tenantId);
    if (!tenantCode) throw notFound('commission');
    if ((await findUsersForLogin(trx, input.username, tenantCode.code)).length > 0) {
      throw new AppError('duplicate', ERRORS.user.nameTaken, { field: 'username' });
    }
    const user = await insertUser(trx, {
      tenantId: actor.tenantId,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      passwordChangedAt: now,
      role: input.role,
      unitIds,
    });
    const dto = presentUser(user, unitIds);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: dto,
      at: deps.clock.now(),
    });
    return dto;
  });
}

/** The system administrator changes a user's name or units. */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { version: number; displayName?: string | undefined; unitIds?: string[] | undefined },
) {
  authorizeUser(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, actor.tenantId, userId);
    if (!before) throw notFound('user');
    // Another administrator's account is out of reach; one's own name may change.
    if (before.id !== actor.userId) await targetFor(deps, trx, actor, userId);
    const beforeUnits = await findUserUnitIds(trx, actor.tenantId, userId);
    const unitIds = input.unitIds ? [...new Set(input.unitIds)] : beforeUnits;
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', ERRORS.unit.unknown, { field: 'unitIds' });
    }
    if (roleNeedsUnits(before.role) && unitIds.length === 0) {
      throw new AppError('validation_failed', ERRORS.user.reporterNeedsUnit, { field: 'unitIds' });
    }
    const after = await updateUserAtVersion(trx, actor.tenantId, userId, input.version, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    });
    if (!after) throw versionConflict('user');
    if (input.unitIds) await replaceUserUnits(trx, actor.tenantId, userId, unitIds);
    return audited(deps, trx, actor, 'user.update', before, beforeUnits, after, unitIds);
  });
}

async function audited(
  deps: Deps,
  trx: Deps['db'],
  actor: Actor,
  action: string,
  before: UserRow,
  beforeUnits: string[],
  after: UserRow,
  unitIds: string[],
) {
  const afterDto = presentUser(after, unitIds);
  await appendAudit(trx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action,
    entity: 'user',
    entityId: after.id,
    before: presentUser(before, beforeUnits),
    after: afterDto,
    at: deps.clock.now(),
  });
  return afterDto;
}

/** The security administrator assigns a role of the plan's work; the user's sessions end. */
export async function setUserRole(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { version: number; role: Role },
) {
  authorizeUser(actor, 'role');
  if (isAdminRole(input.role)) throw dutyError(ERRORS.user.adminByCli);
  return deps.db.transaction().execute(async (trx) => {
    const before = await targetFor(deps, trx, actor, userId);
    const unitIds = await findUserUnitIds(trx, actor.tenantId, userId);
    if (roleNeedsUnits(input.role) && unitIds.length === 0) {
      throw new AppError('validation_failed', ERRORS.user.reporterNeedsUnit, { field: 'unitIds' });
    }
    const after = await updateUserAtVersion(trx, actor.tenantId, userId, input.version, { role: input.role });
    if (!after) throw versionConflict('user');
    // A changed role must not wait for old sessions to expire.
    if (after.role !== before.role) await deleteUserSessions(trx, actor.tenantId, userId);
    return audited(deps, trx, actor, 'user.role', before, unitIds, after, unitIds);
  });
}

/** The security administrator disables (signing the user out everywhere) or enables an account. */
export async function setUserActive(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { version: number; active: boolean },
) {
  authorizeUser(actor, 'credentials');
  return deps.db.transaction().execute(async (trx) => {
    const before = await targetFor(deps, trx, actor, userId);
    const unitIds = await findUserUnitIds(trx, actor.tenantId, userId);
    const after = await updateUserAtVersion(trx, actor.tenantId, userId, input.version, {
      active: input.active,
    });
    if (!after) throw versionConflict('user');
    if (!after.active) await deleteUserSessions(trx, actor.tenantId, userId);
    return audited(
      deps,
      trx,
      actor,
      input.active ? 'user.enable' : 'user.disable',
      before,
      unitIds,
      after,
      unitIds,
    );
  });
}

export async function resetPassword(
  deps: Deps,
  actor: Actor,
  userId: string,
  newPassword: string,
): Promise<void> {
  authorizeUser(actor, 'credentials');
  const target = await targetFor(deps, deps.db, actor, userId);
  const policy = await assertNewPassword(deps.db, actor.tenantId, newPassword, 'newPassword', target);
  const passwordHash = await hashPassword(newPassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const user = await targetFor(deps, trx, actor, userId);
    await rememberReplacedPassword(trx, actor.tenantId, user, now);
    // The security administrator knows this password: its user changes it before doing anything else.
    await updatePasswordHash(trx, actor.tenantId, userId, passwordHash, {
      changedAt: now,
      mustChange: policy.forceChangeAfterReset,
    });
    await deleteUserSessions(trx, actor.tenantId, userId);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'password.reset',
      entity: 'user',
      entityId: userId,
      after: { mustChange: policy.forceChangeAfterReset },
      at: now,
    });
  });
}
