import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { DB_HOOK_TIMEOUT, openTestDatabase } from '../testing/test-database.js';
import {
  CITUS_BLOCKERS,
  COORDINATOR_LOCAL_TABLES,
  DISTRIBUTED_TABLES,
  FOREIGN_KEYS,
  REFERENCE_TABLES,
  citusDistributionSql,
} from './citus-distribution.js';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await database.drop();
}, DB_HOOK_TIMEOUT);

interface ForeignKeyRow {
  table_name: string;
  constraint_name: string;
  columns: string;
  foreign_table: string;
  foreign_columns: string;
  delete_rule: string;
}

async function schemaForeignKeys(): Promise<string[]> {
  // key_column_usage.position_in_unique_constraint pairs each column with the referenced one.
  const { rows } = await sql<ForeignKeyRow>`
    select tc.table_name, tc.constraint_name,
           string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns,
           min(rk.table_name) as foreign_table,
           string_agg(rk.column_name, ',' order by kcu.ordinal_position) as foreign_columns,
           min(rc.delete_rule) as delete_rule
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema
    join information_schema.referential_constraints rc
      on rc.constraint_name = tc.constraint_name and rc.constraint_schema = tc.constraint_schema
    join information_schema.key_column_usage rk
      on rk.constraint_name = rc.unique_constraint_name and rk.constraint_schema = rc.unique_constraint_schema
     and rk.ordinal_position = kcu.position_in_unique_constraint
    where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'
    group by tc.table_name, tc.constraint_name`.execute(database.db);
  return rows
    .map(
      (r) =>
        `${r.table_name}.${r.constraint_name} (${r.columns}) -> ${r.foreign_table} (${r.foreign_columns}) ${r.delete_rule}`,
    )
    .sort();
}

async function tables(): Promise<Map<string, boolean>> {
  const { rows } = await sql<{ table_name: string; has_tenant: boolean }>`
    select t.table_name,
           exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema
                   and c.table_name = t.table_name and c.column_name = 'tenant_id') as has_tenant
    from information_schema.tables t
    where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(database.db);
  return new Map(rows.map((r) => [r.table_name, r.has_tenant]));
}

describe('Citus distribution DDL (docs/SCALE.md)', () => {
  it('distributes every table with a tenant_id and classifies every other table', async () => {
    const all = await tables();
    const tenantTables = [...all]
      .filter(([, has]) => has)
      .map(([name]) => name)
      .sort();
    expect(tenantTables.length).toBeGreaterThanOrEqual(20);
    expect([...DISTRIBUTED_TABLES].sort()).toEqual(tenantTables);
    const others = [...all]
      .filter(([, has]) => !has)
      .map(([name]) => name)
      .sort();
    expect([...REFERENCE_TABLES, ...COORDINATOR_LOCAL_TABLES].sort()).toEqual(others);
  });

  it('drops and re-creates every foreign key of the schema, exactly as declared', async () => {
    const declared = FOREIGN_KEYS.map(
      (k) =>
        `${k.table}.${k.name} (${k.columns.join(',')}) -> ${k.references} (${k.referencedColumns.join(',')}) ${k.onDelete}`,
    ).sort();
    expect(declared).toEqual(await schemaForeignKeys());
    const script = citusDistributionSql();
    for (const k of FOREIGN_KEYS) {
      const drop = script.indexOf(`ALTER TABLE ${k.table} DROP CONSTRAINT IF EXISTS ${k.name};`);
      const add = script.indexOf(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} FOREIGN KEY`);
      const lastDistribution = script.lastIndexOf('create_distributed_table(');
      expect([k.name, drop >= 0 && drop < script.indexOf('create_reference_table(')]).toEqual([k.name, true]);
      expect([k.name, add > lastDistribution]).toEqual([k.name, true]);
    }
  });

  it('keeps the docs artefact identical to the generated script', () => {
    const artefact = readFileSync(
      new URL('../../../../docs/citus-distribution.sql', import.meta.url),
      'utf8',
    );
    expect(artefact).toBe(citusDistributionSql());
  });

  it('finds identity columns (refused by Citus) only on tables named as blockers', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`.execute(database.db);
    for (const row of rows)
      expect([row.table_name, row.table_name in CITUS_BLOCKERS]).toEqual([row.table_name, true]);
    // Sequences (serial) are refused the same way inside distributed keys.
    const serials = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval(%'`.execute(database.db);
    expect(serials.rows.filter((r) => !(r.table_name in CITUS_BLOCKERS))).toEqual([]);
  });

  it('includes tenant_id in every unique key of a distributed table (Citus cannot enforce it otherwise)', async () => {
    const { rows } = await sql<{ table_name: string; constraint_name: string; has_tenant: boolean }>`
      select tc.table_name, tc.constraint_name,
             bool_or(kcu.column_name = 'tenant_id') as has_tenant
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema
      where tc.table_schema = current_schema() and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE')
      group by tc.table_name, tc.constraint_name`.execute(database.db);
    const distributed = new Set<string>(DISTRIBUTED_TABLES);
    const keys = rows.filter((r) => distributed.has(r.table_name));
    expect(keys.length).toBeGreaterThanOrEqual(DISTRIBUTED_TABLES.length);
    for (const key of keys)
      expect([key.constraint_name, key.has_tenant]).toEqual([key.constraint_name, true]);
  });
});
