import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { TenantLevel, TenantTable } from '../db/schema.js';

export type TenantRow = Omit<Selectable<TenantTable>, 'created_at'>;

export interface NewTenant {
  code: string;
  name: string;
  level: TenantLevel;
  demo: boolean;
  parentId?: string | null;
}

const columns = ['id', 'parent_id', 'code', 'name', 'level', 'active', 'demo'] as const;

export async function insertTenant(db: Executor, tenant: NewTenant): Promise<TenantRow> {
  return db
    .insertInto('tenants')
    .values({
      code: tenant.code,
      name: tenant.name,
      level: tenant.level,
      parent_id: tenant.parentId ?? null,
      demo: tenant.demo,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export function findTenant(db: Executor, id: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').select(columns).where('id', '=', id).executeTakeFirst();
}

export function findTenantRowByCode(db: Executor, code: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').select(columns).where('code', '=', code).executeTakeFirst();
}

/** A commission and every commission below it, parents before children (tenants is a reference table). */
export async function listTenantSubtree(db: Executor, rootId: string): Promise<TenantRow[]> {
  const rows = await sql<TenantRow>`
    with recursive tree as (
      select id, parent_id, code, name, level, active, demo, 0 as depth from tenants where id = ${rootId}
      union all
      select t.id, t.parent_id, t.code, t.name, t.level, t.active, t.demo, tree.depth + 1
      from tenants t join tree on t.parent_id = tree.id
    )
    select id, parent_id, code, name, level, active, demo from tree order by depth, name`.execute(db);
  return rows.rows;
}

/** Every commission, parents before children: the operator's command line. */
export function listAllTenants(db: Executor): Promise<TenantRow[]> {
  return db.selectFrom('tenants').select(columns).orderBy('level').orderBy('name').execute();
}

export function listChildTenants(db: Executor, parentId: string): Promise<TenantRow[]> {
  return db.selectFrom('tenants').select(columns).where('parent_id', '=', parentId).orderBy('name').execute();
}

export function updateTenantActive(
  db: Executor,
  id: string,
  active: boolean,
): Promise<TenantRow | undefined> {
  return db.updateTable('tenants').set({ active }).where('id', '=', id).returning(columns).executeTakeFirst();
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
