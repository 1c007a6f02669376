import { sql, type Kysely } from 'kysely';

/*
 * The city-to-county cascade (issue 10, part 2). Every row lives in ONE commission and names the other side
 * by plain ids: no foreign key crosses tenants (db/schema-rules.test.ts). The columns naming the other
 * commission are `city_tenant` / `county_tenant` / `child_tenant` (no `_id` suffix, so the tenant-predicate
 * check never mistakes them for this row's own tenant key).
 * - cascade_plans (county's tenant): the county plan that receives a city plan's tasks.
 * - cascade_links (county's tenant): a county task ↔ the city task it carries out; `accepted` is the city's
 *   task (title, deadline, targets as asked of this county) as the county last accepted it — a city edit is a
 *   proposal while the city's current task differs from it.
 * - cascade_target_links (county's tenant): a county target ↔ the city target its accepted actuals roll up to.
 * - tenant_weights (city's tenant): data the city enters per child commission (常住人口 …), for splitting a
 *   target into quotas and weighting a mean.
 * - county_quotas (city's tenant): a city target's share asked of each county.
 * - targets.rollup_method / rollup_weight: how the counties' accepted values make the city's figure; NULL is the
 *   default the target's kind implies (domain/rollup.ts).
 */
const statements = [
  `CREATE TABLE cascade_plans (
    tenant_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    city_tenant uuid NOT NULL,
    city_plan uuid NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, plan_id),
    UNIQUE (tenant_id, city_tenant, city_plan),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE cascade_links (
    tenant_id uuid NOT NULL,
    item_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    city_tenant uuid NOT NULL,
    city_plan uuid NOT NULL,
    city_item uuid NOT NULL,
    origin text NOT NULL CHECK (origin IN ('pushed', 'linked')),
    accepted jsonb NOT NULL,
    accepted_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, item_id),
    UNIQUE (tenant_id, city_tenant, city_item),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE cascade_target_links (
    tenant_id uuid NOT NULL,
    target_id uuid NOT NULL,
    item_id uuid NOT NULL,
    city_tenant uuid NOT NULL,
    city_target uuid NOT NULL,
    PRIMARY KEY (tenant_id, target_id),
    UNIQUE (tenant_id, city_tenant, city_target),
    FOREIGN KEY (tenant_id, target_id) REFERENCES targets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, item_id) REFERENCES cascade_links (tenant_id, item_id) ON DELETE CASCADE
  )`,
  `CREATE TABLE tenant_weights (
    tenant_id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    child_tenant uuid NOT NULL,
    value double precision NOT NULL CHECK (value >= 0),
    PRIMARY KEY (tenant_id, name, child_tenant)
  )`,
  `CREATE TABLE county_quotas (
    tenant_id uuid NOT NULL,
    target_id uuid NOT NULL,
    county_tenant uuid NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (tenant_id, target_id, county_tenant),
    FOREIGN KEY (tenant_id, target_id) REFERENCES targets (tenant_id, id) ON DELETE CASCADE
  )`,
  `ALTER TABLE targets ADD COLUMN rollup_method text
     CHECK (rollup_method IN ('sum', 'weighted_mean', 'min'))`,
  `ALTER TABLE targets ADD COLUMN rollup_weight text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE targets DROP COLUMN IF EXISTS rollup_weight`.execute(db);
  await sql`ALTER TABLE targets DROP COLUMN IF EXISTS rollup_method`.execute(db);
  for (const table of [
    'county_quotas',
    'tenant_weights',
    'cascade_target_links',
    'cascade_links',
    'cascade_plans',
  ])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
