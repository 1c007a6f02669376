/*
 * The Citus distribution of the schema (docs/SCALE.md): every tenant-owned table distributed by tenant_id,
 * the global tables as reference tables. Citus is on neither npm nor Debian, so it cannot run here; the
 * test beside this file checks against information_schema that these lists cover every table and every
 * foreign key of the migrated schema, so a new table or key cannot be forgotten.
 */

/** Global tables, copied to every node. */
export const REFERENCE_TABLES = ['tenants'] as const;

/**
 * Tables that stay on the coordinator only: migration bookkeeping, and the sign-in throttle (keyed by
 * user name and address before any commission is known; one small row per key).
 */
export const COORDINATOR_LOCAL_TABLES = [
  'kysely_migration',
  'kysely_migration_lock',
  'login_throttle',
] as const;

/** Tenant-owned tables, distributed by tenant_id and co-located (so joins on tenant_id stay on one node). */
export const DISTRIBUTED_TABLES = [
  'org_units',
  'org_unit_aliases',
  'unit_groups',
  'unit_group_members',
  'users',
  'password_policies',
  'password_history',
  'user_units',
  'sessions',
  'login_attempts',
  'plans',
  'items',
  'assignments',
  'unmatched_units',
  'targets',
  'reporting_periods',
  'progress_reports',
  'target_actuals',
  'comments',
  'audit_log',
  'audit_chain',
  'audit_anchors',
  'attachments',
  'task_status',
  'jobs',
  'working_day_overrides',
  'notifications',
  'unit_robots',
  'outbound_messages',
  'supervision_counters',
  'supervision_notices',
  'supervision_notice_units',
  'supervision_notice_items',
  'item_instructions',
  'milestones',
  'year_links',
  'target_year_links',
  'assessment_rules',
  'leader_evaluations',
  'assessment_snapshots',
  'api_tokens',
  'cascade_plans',
  'cascade_links',
  'cascade_target_links',
  'tenant_weights',
  'county_quotas',
] as const;

export interface ForeignKey {
  table: string;
  name: string;
  columns: readonly string[];
  references: string;
  referencedColumns: readonly string[];
  onDelete: 'CASCADE' | 'NO ACTION';
}

function fk(
  table: string,
  columns: readonly string[],
  references: string,
  referencedColumns: readonly string[],
  onDelete: ForeignKey['onDelete'] = 'NO ACTION',
): ForeignKey {
  // PostgreSQL's own name for an unnamed constraint, which the migrations rely on.
  return {
    table,
    name: `${table}_${columns.join('_')}_fkey`,
    columns,
    references,
    referencedColumns,
    onDelete,
  };
}

const T = ['tenant_id'] as const;
const TID = ['tenant_id', 'id'] as const;

/** Every foreign key of the schema, as the migrations declare it. */
export const FOREIGN_KEYS: readonly ForeignKey[] = [
  fk('tenants', ['parent_id'], 'tenants', ['id']),
  fk('org_units', T, 'tenants', ['id']),
  fk('org_unit_aliases', ['tenant_id', 'unit_id'], 'org_units', TID, 'CASCADE'),
  fk('unit_groups', T, 'tenants', ['id']),
  fk('unit_group_members', ['tenant_id', 'group_id'], 'unit_groups', TID, 'CASCADE'),
  fk('unit_group_members', ['tenant_id', 'unit_id'], 'org_units', TID, 'CASCADE'),
  fk('users', T, 'tenants', ['id']),
  fk('password_policies', T, 'tenants', ['id'], 'CASCADE'),
  fk('password_history', ['tenant_id', 'user_id'], 'users', TID, 'CASCADE'),
  fk('user_units', ['tenant_id', 'user_id'], 'users', TID, 'CASCADE'),
  fk('user_units', ['tenant_id', 'unit_id'], 'org_units', TID, 'CASCADE'),
  fk('sessions', ['tenant_id', 'user_id'], 'users', TID, 'CASCADE'),
  fk('login_attempts', T, 'tenants', ['id']),
  fk('plans', T, 'tenants', ['id']),
  fk('plans', ['tenant_id', 'created_by'], 'users', TID),
  fk('items', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('items', ['tenant_id', 'parent_id'], 'items', TID, 'CASCADE'),
  fk('assignments', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('assignments', ['tenant_id', 'unit_id'], 'org_units', TID),
  fk('unmatched_units', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('targets', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('reporting_periods', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('progress_reports', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('progress_reports', ['tenant_id', 'unit_id'], 'org_units', TID),
  fk('progress_reports', ['tenant_id', 'period_id'], 'reporting_periods', TID, 'CASCADE'),
  fk('progress_reports', ['tenant_id', 'created_by'], 'users', TID),
  fk('progress_reports', ['tenant_id', 'reviewed_by'], 'users', TID),
  fk('target_actuals', ['tenant_id', 'report_id'], 'progress_reports', TID, 'CASCADE'),
  fk('target_actuals', ['tenant_id', 'target_id'], 'targets', TID, 'CASCADE'),
  fk('comments', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('comments', ['tenant_id', 'report_id'], 'progress_reports', TID, 'CASCADE'),
  fk('comments', ['tenant_id', 'author_id'], 'users', TID),
  fk('audit_log', T, 'tenants', ['id']),
  fk('audit_chain', T, 'tenants', ['id']),
  fk('audit_anchors', T, 'tenants', ['id']),
  fk('attachments', ['tenant_id', 'report_id'], 'progress_reports', TID, 'CASCADE'),
  fk('attachments', ['tenant_id', 'uploaded_by'], 'users', TID),
  fk('task_status', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('task_status', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('jobs', T, 'tenants', ['id'], 'CASCADE'),
  fk('working_day_overrides', T, 'tenants', ['id'], 'CASCADE'),
  fk('notifications', ['tenant_id', 'user_id'], 'users', TID, 'CASCADE'),
  fk('unit_robots', ['tenant_id', 'unit_id'], 'org_units', TID, 'CASCADE'),
  fk('outbound_messages', T, 'tenants', ['id'], 'CASCADE'),
  fk('items', ['tenant_id', 'leader_id'], 'users', TID),
  fk('org_units', ['tenant_id', 'leader_id'], 'users', TID),
  fk('supervision_counters', T, 'tenants', ['id'], 'CASCADE'),
  fk('supervision_notices', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('supervision_notice_units', ['tenant_id', 'notice_id'], 'supervision_notices', TID, 'CASCADE'),
  fk('supervision_notice_units', ['tenant_id', 'unit_id'], 'org_units', TID),
  fk('supervision_notice_items', ['tenant_id', 'notice_id'], 'supervision_notices', TID, 'CASCADE'),
  fk('supervision_notice_items', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('item_instructions', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('item_instructions', ['tenant_id', 'author_id'], 'users', TID),
  fk('milestones', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('milestones', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('milestones', ['tenant_id', 'recorded_by'], 'users', TID),
  fk('milestones', ['tenant_id', 'confirmed_by'], 'users', TID),
  fk('year_links', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('year_links', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('year_links', ['tenant_id', 'previous_plan_id'], 'plans', TID, 'CASCADE'),
  fk('year_links', ['tenant_id', 'previous_item_id'], 'items', TID, 'CASCADE'),
  fk('year_links', ['tenant_id', 'decided_by'], 'users', TID),
  fk('target_year_links', ['tenant_id', 'link_id'], 'year_links', TID, 'CASCADE'),
  fk('target_year_links', ['tenant_id', 'target_id'], 'targets', TID, 'CASCADE'),
  fk('target_year_links', ['tenant_id', 'previous_target_id'], 'targets', TID, 'CASCADE'),
  fk('assessment_rules', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('assessment_rules', ['tenant_id', 'updated_by'], 'users', TID),
  fk('leader_evaluations', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('leader_evaluations', ['tenant_id', 'unit_id'], 'org_units', TID, 'CASCADE'),
  fk('leader_evaluations', ['tenant_id', 'evaluator_id'], 'users', TID),
  fk('assessment_snapshots', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('assessment_snapshots', ['tenant_id', 'published_by'], 'users', TID),
  fk('api_tokens', T, 'tenants', ['id']),
  fk('api_tokens', ['tenant_id', 'unit_id'], 'org_units', TID),
  fk('api_tokens', ['tenant_id', 'created_by'], 'users', TID),
  fk('api_tokens', ['tenant_id', 'revoked_by'], 'users', TID),
  fk('cascade_plans', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('cascade_links', ['tenant_id', 'item_id'], 'items', TID, 'CASCADE'),
  fk('cascade_links', ['tenant_id', 'plan_id'], 'plans', TID, 'CASCADE'),
  fk('cascade_target_links', ['tenant_id', 'target_id'], 'targets', TID, 'CASCADE'),
  fk('cascade_target_links', ['tenant_id', 'item_id'], 'cascade_links', ['tenant_id', 'item_id'], 'CASCADE'),
  fk('county_quotas', ['tenant_id', 'target_id'], 'targets', TID, 'CASCADE'),
];

/**
 * Tenant tables whose keys Citus refuses today, with why. audit_log's identity column and its append-only
 * triggers are the security work's to change (docs/SCALE.md says what Citus needs); until then the script
 * below stops at audit_log.
 */
export const CITUS_BLOCKERS: Readonly<Record<string, string>> = {
  audit_log:
    'id is GENERATED ALWAYS AS IDENTITY, which create_distributed_table refuses; the append-only triggers need citus.enable_unsafe_triggers',
};

function list(columns: readonly string[]): string {
  return columns.join(', ');
}

/**
 * The distribution script. Order-independent and re-runnable: every foreign key is dropped first (so no
 * table's distribution waits on another's), each table is distributed only if it is not already, and the
 * keys are re-created last, when both sides of each are distributed or reference tables.
 */
export function citusDistributionSql(): string {
  const lines: string[] = [
    '-- Generated from packages/server/src/db/citus-distribution.ts; do not edit by hand.',
    '-- Run on the Citus coordinator, in the database and schema Yaodian migrated, with the server stopped.',
    'BEGIN;',
    'CREATE EXTENSION IF NOT EXISTS citus;',
    "-- audit_log's append-only triggers run on the shards (they only raise an error, touching no other row).",
    'SET LOCAL citus.enable_unsafe_triggers = on;',
    '',
    '-- 1. Drop every foreign key, so the order of distribution below does not matter.',
  ];
  for (const key of FOREIGN_KEYS)
    lines.push(`ALTER TABLE ${key.table} DROP CONSTRAINT IF EXISTS ${key.name};`);
  lines.push('', '-- 2. Global tables: one copy on every node.');
  for (const table of REFERENCE_TABLES)
    lines.push(distributeOnce(table, `create_reference_table('${table}')`));
  lines.push('', '-- 3. Tenant tables: sharded by tenant_id, co-located with one another.');
  for (const table of DISTRIBUTED_TABLES)
    lines.push(
      distributeOnce(table, `create_distributed_table('${table}', 'tenant_id', colocate_with => 'default')`),
    );
  lines.push('', '-- 4. Re-create every foreign key, now between co-located or reference tables.');
  for (const key of FOREIGN_KEYS) {
    const onDelete = key.onDelete === 'CASCADE' ? ' ON DELETE CASCADE' : '';
    lines.push(
      `ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} FOREIGN KEY (${list(key.columns)}) REFERENCES ${key.references} (${list(key.referencedColumns)})${onDelete};`,
    );
  }
  lines.push('COMMIT;', '');
  return lines.join('\n');
}

function distributeOnce(table: string, call: string): string {
  return `SELECT ${call} WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = '${table}'::regclass);`;
}
