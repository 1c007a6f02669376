import { sql, type Kysely } from 'kysely';

/*
 * Commissions above and below (issue 10, part 1).
 * - tenants.level gains `national` (the root of an installation's hierarchy); tenants.active: a disabled
 *   commission's users cannot sign in. tenants stays a reference table: its parent key points at itself.
 * - users.role gains `operator`, the platform operator, a user of the root commission.
 * - org_units.linked_tenant_id: the county commission a county bureau unit of a city stands for. A plain
 *   column, not a foreign key: it names another tenant, and no key crosses tenants (db/schema-rules.test.ts).
 */
const statements = [
  `ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_level_check`,
  `ALTER TABLE tenants ADD CONSTRAINT tenants_level_check
     CHECK (level IN ('national', 'province', 'city', 'county'))`,
  `ALTER TABLE tenants ADD COLUMN active boolean NOT NULL DEFAULT true`,
  `ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`,
  `ALTER TABLE users ADD CONSTRAINT users_role_check
     CHECK (role IN ('admin', 'secadmin', 'auditor', 'leader', 'planner', 'reporter', 'viewer', 'operator'))`,
  `ALTER TABLE org_units ADD COLUMN linked_tenant_id uuid`,
  `CREATE UNIQUE INDEX org_units_linked_tenant ON org_units (tenant_id, linked_tenant_id)
     WHERE linked_tenant_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS org_units_linked_tenant`.execute(db);
  await sql`ALTER TABLE org_units DROP COLUMN IF EXISTS linked_tenant_id`.execute(db);
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'secadmin', 'auditor', 'leader', 'planner', 'reporter', 'viewer'))`.execute(db);
  await sql`ALTER TABLE tenants DROP COLUMN IF EXISTS active`.execute(db);
  await sql`ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_level_check`.execute(db);
  await sql`ALTER TABLE tenants ADD CONSTRAINT tenants_level_check
    CHECK (level IN ('province', 'city', 'county'))`.execute(db);
}
