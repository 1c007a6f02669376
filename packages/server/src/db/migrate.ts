import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as initialSchema from './migrations/0001-initial-schema.js';
import * as attachments from './migrations/0002-attachments.js';
import * as taskStatus from './migrations/0003-task-status.js';
import * as planReviewSettings from './migrations/0010-plan-review-settings.js';
import * as jobs from './migrations/0030-jobs.js';
import * as statusIndexes from './migrations/0031-status-indexes.js';
import * as storedTaskFlag from './migrations/0040-stored-task-flag.js';
import * as demoMarker from './migrations/0070-demo-marker.js';
import * as loginThrottle from './migrations/0071-login-throttle.js';
import * as auditChain from './migrations/0072-audit-chain.js';
import * as taskListIndex from './migrations/0080-task-list-index.js';
import * as planRevisions from './migrations/0081-plan-revisions.js';
import * as separateAdministrators from './migrations/0090-separate-administrators.js';
import * as notifications from './migrations/0110-notifications.js';
import * as passwordPolicy from './migrations/0130-password-policy.js';
import * as auditAnchors from './migrations/0131-audit-anchors.js';
import * as supervision from './migrations/0150-supervision.js';
import * as milestones from './migrations/0160-milestones.js';
import * as assessment from './migrations/0161-assessment.js';
import * as tenantHierarchy from './migrations/0180-tenant-hierarchy.js';
import * as cascade from './migrations/0181-cascade.js';
import * as bulkValuesTokensPublic from './migrations/0190-bulk-values-tokens-public.js';
import * as yearLinks from './migrations/0200-year-links.js';

/** Migrations are imported, not read from disk, so they run the same from src (tests) and dist. */
const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-attachments': attachments,
  '0003-task-status': taskStatus,
  '0010-plan-review-settings': planReviewSettings,
  '0030-jobs': jobs,
  '0031-status-indexes': statusIndexes,
  '0040-stored-task-flag': storedTaskFlag,
  '0070-demo-marker': demoMarker,
  '0071-login-throttle': loginThrottle,
  '0072-audit-chain': auditChain,
  '0080-task-list-index': taskListIndex,
  '0081-plan-revisions': planRevisions,
  '0090-separate-administrators': separateAdministrators,
  '0110-notifications': notifications,
  '0130-password-policy': passwordPolicy,
  '0131-audit-anchors': auditAnchors,
  '0150-supervision': supervision,
  '0160-milestones': milestones,
  '0161-assessment': assessment,
  '0180-tenant-hierarchy': tenantHierarchy,
  '0181-cascade': cascade,
  '0190-bulk-values-tokens-public': bulkValuesTokensPublic,
  '0200-year-links': yearLinks,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

// Kysely applies migrations in name order; the latest is the greatest name, whatever order they are listed in.
export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? '';

export async function migrateToLatest(db: Db, schema: string | null = null): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
