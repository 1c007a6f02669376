-- Generated from packages/server/src/db/citus-distribution.ts; do not edit by hand.
-- Run on the Citus coordinator, in the database and schema Yaodian migrated, with the server stopped.
BEGIN;
CREATE EXTENSION IF NOT EXISTS citus;
-- audit_log's append-only triggers run on the shards (they only raise an error, touching no other row).
SET LOCAL citus.enable_unsafe_triggers = on;

-- 1. Drop every foreign key, so the order of distribution below does not matter.
ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_parent_id_fkey;
ALTER TABLE org_units DROP CONSTRAINT IF EXISTS org_units_tenant_id_fkey;
ALTER TABLE org_unit_aliases DROP CONSTRAINT IF EXISTS org_unit_aliases_tenant_id_unit_id_fkey;
ALTER TABLE unit_groups DROP CONSTRAINT IF EXISTS unit_groups_tenant_id_fkey;
ALTER TABLE unit_group_members DROP CONSTRAINT IF EXISTS unit_group_members_tenant_id_group_id_fkey;
ALTER TABLE unit_group_members DROP CONSTRAINT IF EXISTS unit_group_members_tenant_id_unit_id_fkey;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_tenant_id_fkey;
ALTER TABLE user_units DROP CONSTRAINT IF EXISTS user_units_tenant_id_user_id_fkey;
ALTER TABLE user_units DROP CONSTRAINT IF EXISTS user_units_tenant_id_unit_id_fkey;
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_tenant_id_user_id_fkey;
ALTER TABLE login_attempts DROP CONSTRAINT IF EXISTS login_attempts_tenant_id_fkey;
ALTER TABLE plans DROP CONSTRAINT IF EXISTS plans_tenant_id_fkey;
ALTER TABLE plans DROP CONSTRAINT IF EXISTS plans_tenant_id_created_by_fkey;
ALTER TABLE items DROP CONSTRAINT IF EXISTS items_tenant_id_plan_id_fkey;
ALTER TABLE items DROP CONSTRAINT IF EXISTS items_tenant_id_parent_id_fkey;
ALTER TABLE assignments DROP CONSTRAINT IF EXISTS assignments_tenant_id_item_id_fkey;
ALTER TABLE assignments DROP CONSTRAINT IF EXISTS assignments_tenant_id_unit_id_fkey;
ALTER TABLE unmatched_units DROP CONSTRAINT IF EXISTS unmatched_units_tenant_id_item_id_fkey;
ALTER TABLE targets DROP CONSTRAINT IF EXISTS targets_tenant_id_item_id_fkey;
ALTER TABLE reporting_periods DROP CONSTRAINT IF EXISTS reporting_periods_tenant_id_plan_id_fkey;
ALTER TABLE progress_reports DROP CONSTRAINT IF EXISTS progress_reports_tenant_id_item_id_fkey;
ALTER TABLE progress_reports DROP CONSTRAINT IF EXISTS progress_reports_tenant_id_unit_id_fkey;
ALTER TABLE progress_reports DROP CONSTRAINT IF EXISTS progress_reports_tenant_id_period_id_fkey;
ALTER TABLE progress_reports DROP CONSTRAINT IF EXISTS progress_reports_tenant_id_created_by_fkey;
ALTER TABLE progress_reports DROP CONSTRAINT IF EXISTS progress_reports_tenant_id_reviewed_by_fkey;
ALTER TABLE target_actuals DROP CONSTRAINT IF EXISTS target_actuals_tenant_id_report_id_fkey;
ALTER TABLE target_actuals DROP CONSTRAINT IF EXISTS target_actuals_tenant_id_target_id_fkey;
ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_tenant_id_item_id_fkey;
ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_tenant_id_report_id_fkey;
ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_tenant_id_author_id_fkey;
ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_tenant_id_fkey;
ALTER TABLE audit_chain DROP CONSTRAINT IF EXISTS audit_chain_tenant_id_fkey;
ALTER TABLE attachments DROP CONSTRAINT IF EXISTS attachments_tenant_id_report_id_fkey;
ALTER TABLE attachments DROP CONSTRAINT IF EXISTS attachments_tenant_id_uploaded_by_fkey;
ALTER TABLE task_status DROP CONSTRAINT IF EXISTS task_status_tenant_id_plan_id_fkey;
ALTER TABLE task_status DROP CONSTRAINT IF EXISTS task_status_tenant_id_item_id_fkey;
ALTER TABLE jobs DROP CONSTRAINT IF EXISTS jobs_tenant_id_fkey;

-- 2. Global tables: one copy on every node.
SELECT create_reference_table('tenants') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenants'::regclass);

-- 3. Tenant tables: sharded by tenant_id, co-located with one another.
SELECT create_distributed_table('org_units', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'org_units'::regclass);
SELECT create_distributed_table('org_unit_aliases', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'org_unit_aliases'::regclass);
SELECT create_distributed_table('unit_groups', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'unit_groups'::regclass);
SELECT create_distributed_table('unit_group_members', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'unit_group_members'::regclass);
SELECT create_distributed_table('users', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'users'::regclass);
SELECT create_distributed_table('user_units', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'user_units'::regclass);
SELECT create_distributed_table('sessions', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'sessions'::regclass);
SELECT create_distributed_table('login_attempts', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'login_attempts'::regclass);
SELECT create_distributed_table('plans', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'plans'::regclass);
SELECT create_distributed_table('items', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'items'::regclass);
SELECT create_distributed_table('assignments', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'assignments'::regclass);
SELECT create_distributed_table('unmatched_units', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'unmatched_units'::regclass);
SELECT create_distributed_table('targets', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'targets'::regclass);
SELECT create_distributed_table('reporting_periods', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'reporting_periods'::regclass);
SELECT create_distributed_table('progress_reports', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'progress_reports'::regclass);
SELECT create_distributed_table('target_actuals', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'target_actuals'::regclass);
SELECT create_distributed_table('comments', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'comments'::regclass);
SELECT create_distributed_table('audit_log', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'audit_log'::regclass);
SELECT create_distributed_table('audit_chain', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'audit_chain'::regclass);
SELECT create_distributed_table('attachments', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'attachments'::regclass);
SELECT create_distributed_table('task_status', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'task_status'::regclass);
SELECT create_distributed_table('jobs', 'tenant_id', colocate_with => 'default') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'jobs'::regclass);

-- 4. Re-create every foreign key, now between co-located or reference tables.
ALTER TABLE tenants ADD CONSTRAINT tenants_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES tenants (id);
ALTER TABLE org_units ADD CONSTRAINT org_units_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE org_unit_aliases ADD CONSTRAINT org_unit_aliases_tenant_id_unit_id_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE unit_groups ADD CONSTRAINT unit_groups_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE unit_group_members ADD CONSTRAINT unit_group_members_tenant_id_group_id_fkey FOREIGN KEY (tenant_id, group_id) REFERENCES unit_groups (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE unit_group_members ADD CONSTRAINT unit_group_members_tenant_id_unit_id_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE users ADD CONSTRAINT users_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE user_units ADD CONSTRAINT user_units_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE user_units ADD CONSTRAINT user_units_tenant_id_unit_id_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE sessions ADD CONSTRAINT sessions_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE plans ADD CONSTRAINT plans_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE plans ADD CONSTRAINT plans_tenant_id_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id);
ALTER TABLE items ADD CONSTRAINT items_tenant_id_plan_id_fkey FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE items ADD CONSTRAINT items_tenant_id_parent_id_fkey FOREIGN KEY (tenant_id, parent_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE assignments ADD CONSTRAINT assignments_tenant_id_item_id_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE assignments ADD CONSTRAINT assignments_tenant_id_unit_id_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id);
ALTER TABLE unmatched_units ADD CONSTRAINT unmatched_units_tenant_id_item_id_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE targets ADD CONSTRAINT targets_tenant_id_item_id_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE reporting_periods ADD CONSTRAINT reporting_periods_tenant_id_plan_id_fkey FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE progress_reports ADD CONSTRAINT progress_reports_tenant_id_item_id_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE progress_reports ADD CONSTRAINT progress_reports_tenant_id_unit_id_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id);
ALTER TABLE progress_reports ADD CONSTRAINT progress_reports_tenant_id_period_id_fkey FOREIGN KEY (tenant_id, period_id) REFERENCES reporting_periods (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE progress_reports ADD CONSTRAINT progress_reports_tenant_id_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id);
ALTER TABLE progress_reports ADD CONSTRAINT progress_reports_tenant_id_reviewed_by_fkey FOREIGN KEY (tenant_id, reviewed_by) REFERENCES users (tenant_id, id);
ALTER TABLE target_actuals ADD CONSTRAINT target_actuals_tenant_id_report_id_fkey FOREIGN KEY (tenant_id, report_id) REFERENCES progress_reports (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE target_actuals ADD CONSTRAINT target_actuals_tenant_id_target_id_fkey FOREIGN KEY (tenant_id, target_id) REFERENCES targets (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE comments ADD CONSTRAINT comments_tenant_id_item_id_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE comments ADD CONSTRAINT comments_tenant_id_report_id_fkey FOREIGN KEY (tenant_id, report_id) REFERENCES progress_reports (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE comments ADD CONSTRAINT comments_tenant_id_author_id_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES users (tenant_id, id);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE audit_chain ADD CONSTRAINT audit_chain_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id);
ALTER TABLE attachments ADD CONSTRAINT attachments_tenant_id_report_id_fkey FOREIGN KEY (tenant_id, report_id) REFERENCES progress_reports (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE attachments ADD CONSTRAINT attachments_tenant_id_uploaded_by_fkey FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id);
ALTER TABLE task_status ADD CONSTRAINT task_status_tenant_id_plan_id_fkey FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE task_status ADD CONSTRAINT task_status_tenant_id_item_id_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE jobs ADD CONSTRAINT jobs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE;
COMMIT;
