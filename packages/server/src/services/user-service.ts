import type { Role } from '@yaodian/core';
import { AppError, notFound, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeSelfChange, authorizeUser, roleNeedsUnits } from '../policies/users.js';
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
import type { Deps } from './deps.js';
import { accountKey } from './auth-service.js';
import { hashPassword } from './passwords.js';

export async function listTenantUsers(deps: Deps, actor: Actor) {
  authorizeUser(actor, 'manage');
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

/** Lifts a sign-in lock (too many failed attempts) on one of the commission's users. */
export async function unlockUser(deps: Deps, actor: Actor, userId: string): Promise<void> {
  authorizeUser(actor, 'unlock');
  const user = await findUser(deps.db, actor.tenantId, userId);
  if (!user) throw notFound('User');
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

export async function createUser(
  deps: Deps,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; password: string; unitIds: string[] },
) {
  authorizeUser(actor, 'manage');
  const unitIds = [...new Set(input.unitIds)];
  if (roleNeedsUnits(input.role) && unitIds.length === 0) {
    throw new AppError('validation_failed', 'A reporter needs at least one unit', { field: 'unitIds' });
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', 'Unknown unit', { field: 'unitIds' });
    }
    const tenantCode = await findTenantCode(trx, actor.tenantId);
    if (!tenantCode) throw notFound('Commission');
    if ((await findUsersForLogin(trx, input.username, tenantCode.code)).length > 0) {
      throw new AppError('duplicate', 'This user name is taken', { field: 'username' });
    }
    const user = await insertUser(trx, {
      tenantId: actor.tenantId,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
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

/** Changes a user's name, role, units or whether they may sign in; deactivation ends their sessions. */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: { version: number; displayName?: string; role?: Role; unitIds?: string[]; active?: boolean },
) {
  authorizeUser(actor, 'manage');
  authorizeSelfChange(actor, userId, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, actor.tenantId, userId);
    if (!before) throw notFound('User');
    const beforeUnits = await findUserUnitIds(trx, actor.tenantId, userId);
    const unitIds = input.unitIds ? [...new Set(input.unitIds)] : beforeUnits;
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', 'Unknown unit', { field: 'unitIds' });
    }
    if (roleNeedsUnits(input.role ?? before.role) && unitIds.length === 0) {
      throw new AppError('validation_failed', 'A reporter needs at least one unit', { field: 'unitIds' });
    }
    const after = await updateUserAtVersion(trx, actor.tenantId, userId, input.version, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    if (!after) throw versionConflict('The user');
    if (input.unitIds) await replaceUserUnits(trx, actor.tenantId, userId, unitIds);
    // A changed role or deactivation must not wait for old sessions to expire.
    if (!after.active || after.role !== before.role) await deleteUserSessions(trx, actor.tenantId, userId);
    const beforeDto = presentUser(before, beforeUnits);
    const afterDto = presentUser(after, unitIds);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'user.update',
      entity: 'user',
      entityId: userId,
      before: beforeDto,
      after: afterDto,
      at: deps.clock.now(),
    });
    return afterDto;
  });
}

export async function resetPassword(
  deps: Deps,
  actor: Actor,
  userId: string,
  newPassword: string,
): Promise<void> {
  authorizeUser(actor, 'manage');
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findUser(trx, actor.tenantId, userId))) throw notFound('User');
    await updatePasswordHash(trx, actor.tenantId, userId, passwordHash);
    await deleteUserSessions(trx, actor.tenantId, userId);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'password.reset',
      entity: 'user',
      entityId: userId,
      at: deps.clock.now(),
    });
  });
}
