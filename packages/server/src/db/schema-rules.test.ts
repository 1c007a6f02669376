import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import { createTenant, createUser } from '../testing/factories.js';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);

interface KeyColumn {
  table_name: string;
  constraint_name: string;
  constraint_type: string;
  column_name: string;
  ordinal_position: number;
  foreign_table: string | null;
}

const NOT_TENANT_OWNED = new Set(['tenants', 'kysely_migration', 'kysely_migration_lock', 'login_throttle']);

async function tenantOwnedTables(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    database.db,
  );
  return rows.map((r) => r.table_name).filter((name) => !NOT_TENANT_OWNED.has(name));
}

async function keyColumns(): Promise<KeyColumn[]> {
  const { rows } = await sql<KeyColumn>`
    select tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name, kcu.ordinal_position,
           (select ccu.table_name from information_schema.constraint_column_usage ccu
             where ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema limit 1) as foreign_table
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema
    where tc.table_schema = current_schema() and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
    order by tc.table_name, tc.constraint_name, kcu.ordinal_position`.execute(database.db);
  return rows;
}

describe('schema rules (Citus-ready: distributed by tenant_id)', () => {
  it('gives every tenant-owned table a NOT NULL tenant_id', async () => {
    const tables = await tenantOwnedTables();
    expect(tables.length).toBeGreaterThanOrEqual(17);
    const { rows } = await sql<{ table_name: string; is_nullable: string }>`
      select table_name, is_nullable from information_schema.columns
      where table_schema = current_schema() and column_name = 'tenant_id'`.execute(database.db);
    const nullable = new Map(rows.map((r) => [r.table_name, r.is_nullable]));
    for (const table of tables) expect([table, nullable.get(table)]).toEqual([table, 'NO']);
  });

  it('starts every primary key and unique key of a tenant-owned table with tenant_id', async () => {
    const tables = new Set(await tenantOwnedTables());
    const keys = (await keyColumns()).filter(
      (k) => tables.has(k.table_name) && k.constraint_type !== 'FOREIGN KEY',
    );
    const firstColumns = new Map<string, string>();
    for (const k of keys)
      if (k.ordinal_position === 1) firstColumns.set(`${k.table_name}.${k.constraint_name}`, k.column_name);
    const primaryKeyTables = new Set(
      keys.filter((k) => k.constraint_type === 'PRIMARY KEY').map((k) => k.table_name),
    );
    expect([...tables].filter((t) => !primaryKeyTables.has(t))).toEqual([]);
    for (const [key, column] of firstColumns) expect([key, column]).toEqual([key, 'tenant_id']);
  });

  it('includes tenant_id in every foreign key between tenant-owned tables', async () => {
    const tables = new Set(await tenantOwnedTables());
    const fks = (await keyColumns()).filter(
      (k) => k.constraint_type === 'FOREIGN KEY' && tables.has(k.table_name),
    );
    const byConstraint = new Map<string, { foreign: string | null; columns: string[] }>();
    for (const k of fks) {
      const entry = byConstraint.get(`${k.table_name}.${k.constraint_name}`) ?? {
        foreign: k.foreign_table,
        columns: [],
      };
      entry.columns.push(k.column_name);
      byConstraint.set(`${k.table_name}.${k.constraint_name}`, entry);
    }
    expect(byConstraint.size).toBeGreaterThan(15);
    for (const [name, fk] of byConstraint) {
      if (fk.foreign === 'tenants') continue;
      expect([name, fk.columns.includes('tenant_id')]).toEqual([name, true]);
    }
  });

  it('refuses UPDATE and DELETE on the audit log', async () => {
    const tenant = await createTenant(database.db);
    await database.db
      .insertInto('audit_log')
      .values({
        tenant_id: tenant.id,
        actor_id: null,
        action: 'test',
        entity: 'x',
        entity_id: '1',
        at: new Date(),
        before: null,
        after: null,
      })
      .execute();
    await expect(
      database.db
        .updateTable('audit_log')
        .set({ action: 'rewritten' })
        .where('tenant_id', '=', tenant.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      database.db.deleteFrom('audit_log').where('tenant_id', '=', tenant.id).execute(),
    ).rejects.toThrow(/append-only/);
    const rows = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toEqual([{ action: 'test' }]);
  });

  it('rejects an out-of-range percent and an unknown role in the database itself', async () => {
    const tenant = await createTenant(database.db);
    await expect(
      database.db
        .insertInto('users')
        .values({
          tenant_id: tenant.id,
          username: 'bad-role',
          display_name: 'x',
          password_hash: 'x',
          role: 'root' as 'admin',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    const user = await createUser(database.db, tenant.id, { role: 'planner' });
    const plan = await database.db
      .insertInto('plans')
      .values({
        tenant_id: tenant.id,
        title: 'p',
        year: 2026,
        created_by: user.id,
        meta: '{}',
        aliases: '[]',
        warnings: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      database.db
        .insertInto('plans')
        .values({
          tenant_id: tenant.id,
          title: 'p',
          year: 1900,
          created_by: user.id,
          meta: '{}',
          aliases: '[]',
          warnings: '[]',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    const item = await database.db
      .insertInto('items')
      .values({
        tenant_id: tenant.id,
        plan_id: plan.id,
        parent_id: null,
        position: 0,
        number: '1',
        level: 1,
        title: 't',
        text: '',
        is_task: true,
        deadline: null,
        deadline_text: null,
        source_start: null,
        source_end: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const period = await database.db
      .insertInto('reporting_periods')
      .values({
        tenant_id: tenant.id,
        plan_id: plan.id,
        kind: 'monthly',
        label: '1月',
        starts_on: '2026-01-01',
        ends_on: '2026-01-31',
        due_on: '2026-01-25',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await database.db
      .insertInto('org_units')
      .values({ tenant_id: tenant.id, name: 'u', kind: 'department' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = new Date();
    await expect(
      database.db
        .insertInto('progress_reports')
        .values({
          tenant_id: tenant.id,
          item_id: item.id,
          unit_id: unit.id,
          period_id: period.id,
          percent: 101,
          narrative: '',
          problems: '',
          next_steps: '',
          state: 'draft',
          return_reason: null,
          idempotency_key: null,
          created_by: user.id,
          created_at: now,
          updated_at: now,
          submitted_at: null,
          reviewed_by: null,
          reviewed_at: null,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses a foreign key that crosses tenants', async () => {
    const a = await createTenant(database.db);
    const b = await createTenant(database.db);
    const unitOfA = await database.db
      .insertInto('org_units')
      .values({ tenant_id: a.id, name: 'u', kind: 'department' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      database.db
        .insertInto('org_unit_aliases')
        .values({ tenant_id: b.id, alias: 'x', unit_id: unitOfA.id })
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });
});
