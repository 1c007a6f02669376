import { AppError } from '../errors/app-error.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findTenantByCode, insertTenant } from '../repositories/tenant-repository.js';
import { insertUser } from '../repositories/user-repository.js';
import type { Deps } from './deps.js';
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
  const passwordHash = await hashPassword(input.admin.password);
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
      at: deps.clock.now(),
    });
    return { tenantId: tenant.id, adminId: admin.id };
  });
}
