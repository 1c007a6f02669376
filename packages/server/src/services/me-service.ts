import type { Me } from '@yaodian/core';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { presentMe } from '../presenters/user-presenter.js';
import { findUnitsByIds } from '../repositories/unit-repository.js';
import { findTenantName, findUser } from '../repositories/user-repository.js';
import type { Deps } from './deps.js';
import { passwordChangeOf } from './auth-service.js';
import { policyFor } from './password-check.js';
import { ERRORS } from '../messaging/error-messages.js';

// No policy check: every signed-in user may read themselves.
export async function getMe(deps: Deps, actor: Actor): Promise<Me> {
  const user = await findUser(deps.db, actor.tenantId, actor.userId);
  const tenant = await findTenantName(deps.db, actor.tenantId);
  if (!user || !tenant) throw new AppError('unauthenticated', ERRORS.auth.signInFirst);
  const units = await findUnitsByIds(deps.db, actor.tenantId, actor.unitIds);
  const policy = await policyFor(deps.db, actor.tenantId);
  const passwordChange = passwordChangeOf(
    { mustChangePassword: user.must_change_password, passwordChangedAt: user.password_changed_at },
    policy.expiryDays,
    deps.clock.now(),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  return presentMe(
    user,
    actor.unitIds.flatMap((id) => {
      const unit = byId.get(id);
      return unit ? [{ id, name: unit.name }] : [];
    }),
    tenant.name,
    passwordChange,
    { minLength: policy.minLength, minClasses: policy.minClasses, history: policy.history },
  );
}
