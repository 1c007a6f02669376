import { AppError } from '../errors/app-error.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findTenantByCode, insertTenant } from '../repositories/tenant-repository.js';
import { insertUser } from '../repositories/user-repository.js';
import type { Deps } from './deps.js';
import { passwordIssues, DEFAULT_PASSWORD_POLICY } from '../domain/password-rules.js';
import { passwordPolicyMessage } from '../messaging/password-messages.js';
import { hashPassword } from './passwords.js';

export interface NewCommission {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  admin: { username: string; displayName: string; password: string };
}

/**
 * A commission and its first administrator, in one transaction. Run by the operator from the command
 * line (`yaodian tenant add`), so there is no signed-in actor: this is how a production install gets
 * its first account instead of a default one.
 */
export async function createCommission(
  deps: Deps,
  input: NewCommission,
): Promise<{ tenantId: string; adminId: string }> {
  // A new commission has no policy of its own yet: the level-3 defaults apply to its first password.
  const issues = passwordIssues(input.admin.password, DEFAULT_PASSWORD_POLICY, 'password');
  if (issues.length > 0)
    throw new AppError('validation_failed', passwordPolicyMessage(issues), {
      field: 'password',
      details: issues,
    });
  const passwordHash = await hashPassword(input.admin.password);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (await findTenantByCode(trx, input.code)) {
      throw new AppError('duplicate', `A commission with code ${input.code} exists already`, {
        field: 'code',
      });
    }
    const tenant = await insertTenant(trx, {
      code: input.code,
      name: input.name,
      level: input.level,
      demo: false,
    });
    const admin = await insertUser(trx, {
      tenantId: tenant.id,
      username: input.admin.username,
      displayName: input.admin.displayName,
      passwordHash,
      passwordChangedAt: now,
      role: 'admin',
      unitIds: [],
    });
    await appendAudit(trx, {
      tenantId: tenant.id,
      actorId: null,
      action: 'tenant.create',
      entity: 'tenant',
      entityId: tenant.id,
      after: { code: input.code, name: input.name, level: input.level, admin: input.admin.username },
      at: now,
    });
    return { tenantId: tenant.id, adminId: admin.id };
  });
}
