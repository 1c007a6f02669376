import type { Executor } from '../db/database.js';
import type { UserRow } from '../db/schema.js';

export interface UserWithTenant extends UserRow {
  tenant_code: string;
  tenant_name: string;
}

/** Login is the one lookup across tenants: a user name, optionally narrowed by tenant code. */
export function findUsersForLogin(
  db: Executor,
  username: string,
  tenantCode?: string,
): Promise<UserWithTenant[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .selectAll('users')
    .select(['tenants.code as tenant_code', 'tenants.name as tenant_name'])
    .where('users.username', '=', username)
    .where('users.active', '=', true)
    // A disabled commission's users cannot sign in (its sessions end when it is disabled).
    .where('tenants.active', '=', true);
  if (tenantCode) q = q.where('tenants.code', '=', tenantCode);
  return q.limit(2).execute();
}

export function findUser(db: Executor, tenantId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function findUserUnitIds(db: Executor, tenantId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_units')
    .select('unit_id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => r.unit_id);
}

export function findTenantCode(db: Executor, tenantId: string): Promise<{ code: string } | undefined> {
  return db.selectFrom('tenants').select('code').where('id', '=', tenantId).executeTakeFirst();
}

export function findTenantByCode(
  db: Executor,
  code: string,
): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('tenants').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
}

/** The active user of a tenant with this name, or the tenant's earliest active admin when no name is given. */
export function findActiveOperator(
  db: Executor,
  tenantId: string,
  username: string | undefined,
): Promise<Pick<UserRow, 'id' | 'role' | 'username'> | undefined> {
  let query = db
    .selectFrom('users')
    .select(['id', 'role', 'username'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true);
  query = username ? query.where('username', '=', username) : query.where('role', '=', 'admin');
  return query.orderBy('created_at').orderBy('id').executeTakeFirst();
}

export function findTenantName(db: Executor, tenantId: string): Promise<{ name: string } | undefined> {
  return db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
}

export interface NewUser {
  tenantId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** When the password was set (the policy's expiry counts from here): the caller's clock. */
  passwordChangedAt: Date;
  role: UserRow['role'];
  unitIds: readonly string[];
}

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  const row = await db
    .insertInto('users')
    .values({
      tenant_id: user.tenantId,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      password_changed_at: user.passwordChangedAt,
      role: user.role,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (user.unitIds.length > 0) {
    await db
      .insertInto('user_units')
      .values(user.unitIds.map((unitId) => ({ tenant_id: user.tenantId, user_id: row.id, unit_id: unitId })))
      .execute();
  }
  return row;
}

export function listUsers(db: Executor, tenantId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('username').execute();
}

export async function listUserUnits(db: Executor, tenantId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('user_units')
    .select(['user_id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.unit_id]);
  return map;
}

export async function updatePasswordHash(
  db: Executor,
  tenantId: string,
  userId: string,
  passwordHash: string,
  set: { changedAt: Date; mustChange: boolean },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: set.changedAt,
      must_change_password: set.mustChange,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

export function updateUserAtVersion(
  db: Executor,
  tenantId: string,
  userId: string,
  version: number,
  changes: Partial<Pick<UserRow, 'display_name' | 'role' | 'active'>>,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function replaceUserUnits(
  db: Executor,
  tenantId: string,
  userId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('user_units').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  if (unitIds.length === 0) return;
  await db
    .insertInto('user_units')
    .values(unitIds.map((unitId) => ({ tenant_id: tenantId, user_id: userId, unit_id: unitId })))
    .execute();
}
