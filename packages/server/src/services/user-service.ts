import type { Role } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorize } from '../policies/authorize.js';
import { presentUser } from '../presenters/user-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findUnitsByIds } from '../repositories/unit-repository.js';
import { findUsersForLogin, insertUser, listUserUnits, listUsers } from '../repositories/user-repository.js';
import type { Deps } from './deps.js';
import { hashPassword } from './passwords.js';

export async function listTenantUsers(deps: Deps, actor: Actor) {
  authorize(actor, 'user.manage');
  const [users, units] = await Promise.all([
    listUsers(deps.db, actor.tenantId),
    listUserUnits(deps.db, actor.tenantId),
  ]);
  return { users: users.map((u) => presentUser(u, units.get(u.id) ?? [])) };
}

export async function createUser(
  deps: Deps,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; password: string; unitIds: string[] },
) {
  authorize(actor, 'user.manage');
  const unitIds = [...new Set(input.unitIds)];
  if (input.role === 'reporter' && unitIds.length === 0) {
    throw new AppError('validation_failed', 'A reporter needs at least one unit', { field: 'unitIds' });
  }
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', 'Unknown unit', { field: 'unitIds' });
    }
    const tenantCode = await trx
      .selectFrom('tenants')
      .select('code')
      .where('id', '=', actor.tenantId)
      .executeTakeFirstOrThrow();
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
