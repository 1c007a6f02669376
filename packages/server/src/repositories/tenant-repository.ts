import type { Executor } from '../db/database.js';

export interface NewTenant {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  demo: boolean;
}

export async function insertTenant(db: Executor, tenant: NewTenant): Promise<{ id: string }> {
  return db
    .insertInto('tenants')
    .values({ code: tenant.code, name: tenant.name, level: tenant.level, parent_id: null, demo: tenant.demo })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findTenantByCode(db: Executor, code: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('tenants').select('id').where('code', '=', code).executeTakeFirst();
}

/** The commissions at the top of the tree (an installation usually has one). */
export async function listTopTenantIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('tenants').select('id').where('parent_id', 'is', null).execute();
  return rows.map((r) => r.id);
}

/** Whether the database holds the demo commission (its accounts have the published password). */
export async function hasDemoTenant(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('tenants')
    .select('id')
    .where('demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every commission's id: for start-up jobs that run per commission (cross-tenant by design). */
export async function listTenantIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('tenants').select('id').orderBy('id').execute()).map((t) => t.id);
}

/** The commission's full name (临江市卫生健康委员会): the issuing organ of its documents. */
export async function findTenantName(db: Executor, tenantId: string): Promise<string | undefined> {
  const row = await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
  return row?.name;
}
