import type { CreateChildTenantRequest, Tenant } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import type { TenantLevel } from '../db/schema.js';
import { levelFitsBelow } from '../domain/tenant-levels.js';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTenant, mayManageTenant, readsSubtree } from '../policies/tenants.js';
import { presentTenant } from '../presenters/tenant-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { deleteTenantSessions } from '../repositories/session-repository.js';
import {
  findTenant,
  findTenantByCode,
  findTenantRowByCode,
  insertTenant,
  listAllTenants,
  listChildTenants,
  listTenantSubtree,
  updateTenantActive,
  type TenantRow,
} from '../repositories/tenant-repository.js';
import { insertUser } from '../repositories/user-repository.js';
import type { Deps } from './deps.js';
import { passwordIssues, DEFAULT_PASSWORD_POLICY } from '../domain/password-rules.js';
import { passwordPolicyMessage } from '../messaging/password-messages.js';
import { hashPassword } from './passwords.js';

export interface NewCommission {
  code: string;
  name: string;
  level: TenantLevel;
  /** The parent commission's code; none: a commission at the top of its tree. */
  parentCode?: string | undefined;
  admin: { username: string; displayName: string; password: string };
}

/** The commission, its first administrator and the audit rows (its own, and the actor's commission's). */
async function createTenantIn(
  trx: Executor,
  deps: Deps,
  input: NewCommission & { passwordHash: string },
  parent: TenantRow | undefined,
  actor: Actor | null,
): Promise<{ tenant: TenantRow; adminId: string }> {
  if (await findTenantByCode(trx, input.code)) {
    throw new AppError('duplicate', `机构代码 ${input.code} 已被使用`, { field: 'code' });
  }
  if (parent && !levelFitsBelow(parent.level, input.level))
    throw new AppError('validation_failed', `下级机构的级别须低于上级（${parent.name} 为 ${parent.level}）`, {
      field: 'level',
    });
  const tenant = await insertTenant(trx, {
    code: input.code,
    name: input.name,
    level: input.level,
    parentId: parent?.id ?? null,
    demo: false,
  });
  const admin = await insertUser(trx, {
    tenantId: tenant.id,
    username: input.admin.username,
    displayName: input.admin.displayName,
    passwordHash: input.passwordHash,
    passwordChangedAt: deps.clock.now(),
    role: 'admin',
    unitIds: [],
  });
  const after = {
    code: input.code,
    name: input.name,
    level: input.level,
    parentId: parent?.id ?? null,
    admin: input.admin.username,
  };
  const at = deps.clock.now();
  await appendAudit(trx, [
    {
      tenantId: tenant.id,
      actorId: null,
      action: 'tenant.create',
      entity: 'tenant',
      entityId: tenant.id,
      after,
      at,
    },
    ...(actor
      ? [
          {
            tenantId: actor.tenantId,
            actorId: actor.userId,
            action: 'tenant.create',
            entity: 'tenant',
            entityId: tenant.id,
            after,
            at,
          },
        ]
      : []),
  ]);
  return { tenant, adminId: admin.id };
}

/**
 * A commission and its first administrator, in one transaction. Run by the operator from the command
 * line (`yaodian tenant add`), so there is no signed-in actor: this is how a production install gets
 * its first account instead of a default one.
 */
/** A new commission has no policy of its own yet: the level-3 defaults apply to its first password. */
async function firstAdminPasswordHash(password: string): Promise<string> {
  const issues = passwordIssues(password, DEFAULT_PASSWORD_POLICY, 'password');
  if (issues.length > 0)
    throw new AppError('validation_failed', passwordPolicyMessage(issues), {
      field: 'password',
      details: issues,
    });
  return hashPassword(password);
}

export async function createCommission(
  deps: Deps,
  input: NewCommission,
): Promise<{ tenantId: string; adminId: string }> {
  const passwordHash = await firstAdminPasswordHash(input.admin.password);
  return deps.db.transaction().execute(async (trx) => {
    const parent = input.parentCode ? await findTenantRowByCode(trx, input.parentCode) : undefined;
    if (input.parentCode && !parent)
      throw new AppError('not_found', `没有代码为 ${input.parentCode} 的上级机构`, { field: 'parent' });
    const { tenant, adminId } = await createTenantIn(trx, deps, { ...input, passwordHash }, parent, null);
    return { tenantId: tenant.id, adminId };
  });
}

/** Every commission (the operator's command line). */
export async function listCommissions(deps: Deps): Promise<Tenant[]> {
  return (await listAllTenants(deps.db)).map(presentTenant);
}

/** Disables or enables a commission by code from the command line; disabling ends its sessions. */
export async function setCommissionActive(deps: Deps, code: string, active: boolean): Promise<Tenant> {
  return deps.db.transaction().execute(async (trx) => {
    const tenant = await findTenantRowByCode(trx, code);
    if (!tenant) throw new AppError('not_found', `没有代码为 ${code} 的机构`, { field: 'code' });
    return changeActive(trx, deps, tenant, active, null);
  });
}

async function changeActive(
  trx: Executor,
  deps: Deps,
  tenant: TenantRow,
  active: boolean,
  actor: Actor | null,
): Promise<Tenant> {
  const after = await updateTenantActive(trx, tenant.id, active);
  if (!after) throw notFound('commission');
  if (!active) await deleteTenantSessions(trx, tenant.id);
  const entry = {
    action: active ? 'tenant.enable' : 'tenant.disable',
    entity: 'tenant',
    entityId: tenant.id,
    before: { active: tenant.active },
    after: { active },
    at: deps.clock.now(),
  };
  await appendAudit(trx, [
    { ...entry, tenantId: tenant.id, actorId: null },
    ...(actor ? [{ ...entry, tenantId: actor.tenantId, actorId: actor.userId }] : []),
  ]);
  return presentTenant(after);
}

async function treeOf(db: Executor, actor: Actor): Promise<TenantRow[]> {
  return listTenantSubtree(db, actor.tenantId);
}

/** The operator: its commission and every one below; a system administrator: its direct children. */
export async function listTenants(deps: Deps, actor: Actor): Promise<{ tenants: Tenant[] }> {
  authorizeTenant(actor, 'read');
  const rows = readsSubtree(actor)
    ? await treeOf(deps.db, actor)
    : await listChildTenants(deps.db, actor.tenantId);
  return { tenants: rows.map(presentTenant) };
}

/** The operator creates a commission below one of its tree, with the new commission's first administrator. */
export async function createChildTenant(
  deps: Deps,
  actor: Actor,
  input: CreateChildTenantRequest & { level: TenantLevel },
): Promise<Tenant> {
  authorizeTenant(actor, 'manage');
  const passwordHash = await firstAdminPasswordHash(input.admin.password);
  return deps.db.transaction().execute(async (trx) => {
    const tree = await treeOf(trx, actor);
    const parent = tree.find((t) => t.id === input.parentId);
    if (!parent) throw notFound('parentCommission');
    const { tenant } = await createTenantIn(
      trx,
      deps,
      { code: input.code, name: input.name, level: input.level, admin: input.admin, passwordHash },
      parent,
      actor,
    );
    return presentTenant(tenant);
  });
}

/** The operator disables (or enables again) a commission below its own. */
export async function setTenantActive(
  deps: Deps,
  actor: Actor,
  tenantId: string,
  active: boolean,
): Promise<Tenant> {
  authorizeTenant(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    const tree = await treeOf(trx, actor);
    const tenant = await findTenant(trx, tenantId);
    if (!tenant || !mayManageTenant(actor, new Set(tree.map((t) => t.id)), tenantId))
      throw notFound('commission');
    return changeActive(trx, deps, tenant, active, actor);
  });
}
