import type { PasswordPolicy, UpdatePasswordPolicyRequest } from '@yaodian/core';
import { versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeSecurityPolicy } from '../policies/security.js';
import { presentPasswordPolicy } from '../presenters/security-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { savePasswordPolicy } from '../repositories/password-policy-repository.js';
import type { Deps } from './deps.js';
import { policyFor } from './password-check.js';

/** `GET /api/security/password-policy`: the stored policy, or the level-3 defaults (version 0). */
export async function getPasswordPolicy(deps: Deps, actor: Actor): Promise<PasswordPolicy> {
  authorizeSecurityPolicy(actor);
  return presentPasswordPolicy(await policyFor(deps.db, actor.tenantId));
}

/**
 * `PUT /api/security/password-policy`: the security administrator sets the policy (bounds in core's schema
 * keep it at level 3 or above). New rules apply to the next password set and the next session; the change
 * is audited with before and after.
 */
export async function setPasswordPolicy(
  deps: Deps,
  actor: Actor,
  input: UpdatePasswordPolicyRequest,
): Promise<PasswordPolicy> {
  authorizeSecurityPolicy(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await policyFor(trx, actor.tenantId);
    const row = await savePasswordPolicy(
      trx,
      {
        tenant_id: actor.tenantId,
        min_length: input.minLength,
        min_classes: input.minClasses,
        history: input.history,
        expiry_days: input.expiryDays,
        force_change_after_reset: input.forceChangeAfterReset,
        idle_minutes: input.idleMinutes,
        absolute_hours: input.absoluteHours,
        updated_at: now,
      },
      input.version,
    );
    if (!row) throw versionConflict('passwordPolicy');
    const after = await policyFor(trx, actor.tenantId);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'security.policy',
      entity: 'password_policy',
      entityId: actor.tenantId,
      before,
      after,
      at: now,
    });
    return presentPasswordPolicy(after);
  });
}
