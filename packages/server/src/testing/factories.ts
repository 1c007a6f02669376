import { randomBytes } from 'node:crypto';
import type { Role } from '@yaodian/core';
import type { Db } from '../db/database.js';
import type { TenantLevel, UserRow } from '../db/schema.js';
import { insertUser } from '../repositories/user-repository.js';
import { hashPassword } from '../services/passwords.js';

/** Meets the default password policy (3 of 4 classes, 10 or more characters), like a real user's. */
export const TEST_PASSWORD = 'Correct-horse-battery-7';
/**
 * When a fixture user's password counts as set: far ahead of any test clock, so fixture passwords never
 * expire under the policy whatever date a test works at (the expiry test gives its own).
 */
export const FIXTURE_PASSWORD_SET_AT = new Date('2100-01-01T00:00:00Z');
let sharedHash: Promise<string> | null = null;
// One argon2 hash per process: hashing is deliberately slow and factories make many users.
const passwordHash = (): Promise<string> => (sharedHash ??= hashPassword(TEST_PASSWORD));

const suffix = (): string => randomBytes(4).toString('hex');

export async function createTenant(
  db: Db,
  fields: { name?: string; code?: string; parentId?: string; level?: TenantLevel } = {},
) {
  return db
    .insertInto('tenants')
    .values({
      name: fields.name ?? `测试市卫生健康委员会${suffix()}`,
      code: fields.code ?? `t-${suffix()}`,
      level: fields.level ?? 'city',
      parent_id: fields.parentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUnit(
  db: Db,
  tenantId: string,
  fields: {
    name?: string;
    kind?: 'department' | 'affiliated' | 'county' | 'facility' | 'other';
    aliases?: string[];
  } = {},
) {
  const unit = await db
    .insertInto('org_units')
    .values({
      tenant_id: tenantId,
      name: fields.name ?? `科室${suffix()}`,
      kind: fields.kind ?? 'department',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (fields.aliases?.length) {
    await db
      .insertInto('org_unit_aliases')
      .values(fields.aliases.map((alias) => ({ tenant_id: tenantId, alias, unit_id: unit.id })))
      .execute();
  }
  return unit;
}

export async function createUser(
  db: Db,
  tenantId: string,
  fields: {
    role: Role;
    unitIds?: string[];
    username?: string;
    displayName?: string;
    passwordChangedAt?: Date;
  },
): Promise<UserRow> {
  return insertUser(db, {
    tenantId,
    username: fields.username ?? `${fields.role}-${suffix()}`,
    displayName: fields.displayName ?? `${fields.role} user`,
    passwordHash: await passwordHash(),
    passwordChangedAt: fields.passwordChangedAt ?? FIXTURE_PASSWORD_SET_AT,
    role: fields.role,
    unitIds: fields.unitIds ?? [],
  });
}
