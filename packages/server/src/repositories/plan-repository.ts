import type { Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { PlanRow, PlanTable } from '../db/schema.js';

export type PlanHeader = Omit<PlanRow, 'source_bytes' | 'text' | 'reminder_policy' | 'supervision_rules'>;

const headerColumns = [
  'tenant_id',
  'id',
  'title',
  'year',
  'status',
  'version',
  'source_file_name',
  'source_sha256',
  'source_format',
  'meta',
  'aliases',
  'warnings',
  'behind_points',
  'at_risk_points',
  'review_required',
  'evidence_required',
  'bulk_values_accepted',
  'public_id',
  'created_by',
  'created_at',
  'updated_at',
  'published_at',
  'content_rev',
] as const;

export interface NewPlan {
  tenantId: string;
  title: string;
  year: number;
  sourceFileName: string | null;
  sourceBytes: Buffer | null;
  sourceSha256: string | null;
  sourceFormat: string | null;
  text: string;
  meta: unknown;
  aliases: { short: string; full: string }[];
  warnings: { code: string; message: string }[];
  createdBy: string;
  at: Date;
}

export async function insertPlan(db: Executor, plan: NewPlan): Promise<PlanHeader> {
  return db
    .insertInto('plans')
    .values({
      tenant_id: plan.tenantId,
      title: plan.title,
      year: plan.year,
      source_file_name: plan.sourceFileName,
      source_bytes: plan.sourceBytes,
      source_sha256: plan.sourceSha256,
      source_format: plan.sourceFormat,
      text: plan.text,
      meta: JSON.stringify(plan.meta),
      aliases: JSON.stringify(plan.aliases),
      warnings: JSON.stringify(plan.warnings),
      created_by: plan.createdBy,
      created_at: plan.at,
      updated_at: plan.at,
    })
    .returning(headerColumns)
    .executeTakeFirstOrThrow();
}

/** Which commission a plan belongs to, looked up across tenants: for the operator's CLI, never for a request. */
export function findPlanOwner(
  db: Executor,
  planId: string,
): Promise<{ tenant_id: string; title: string } | undefined> {
  return db.selectFrom('plans').select(['tenant_id', 'title']).where('id', '=', planId).executeTakeFirst();
}

export function findPlan(db: Executor, tenantId: string, planId: string): Promise<PlanHeader | undefined> {
  return db
    .selectFrom('plans')
    .select(headerColumns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .executeTakeFirst();
}

export function listPlans(
  db: Executor,
  tenantId: string,
  statuses?: readonly PlanRow['status'][],
): Promise<PlanHeader[]> {
  let q = db.selectFrom('plans').select(headerColumns).where('tenant_id', '=', tenantId);
  if (statuses) q = q.where('status', 'in', statuses);
  // The id breaks ties, so the task list's cursor (plan after plan) meets the plans in one order every time.
  return q.orderBy('year', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Applies `changes` only if the plan is still at `version`; undefined when it is not (or is gone). */
export function updatePlanAtVersion(
  db: Executor,
  tenantId: string,
  planId: string,
  version: number,
  changes: Updateable<PlanTable>,
): Promise<PlanHeader | undefined> {
  return db
    .updateTable('plans')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .where('version', '=', version)
    .returning(headerColumns)
    .executeTakeFirst();
}

export async function touchPlan(db: Executor, tenantId: string, planId: string, at: Date): Promise<void> {
  await db
    .updateTable('plans')
    .set({ updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .execute();
}

/**
 * Every published plan of every tenant: for the job runner's start-up (cross-tenant by design, like the
 * job claim itself).
 */
export function listPublishedPlanRefs(db: Executor): Promise<{ tenant_id: string; id: string }[]> {
  return db.selectFrom('plans').select(['tenant_id', 'id']).where('status', '=', 'published').execute();
}

/**
 * The plan shown on the public page under `publicId`, of whichever commission: the public page knows no
 * tenant until it finds the plan (a named cross-tenant read: http/tenant-predicate.test.ts). Only the tenant
 * and id are read here; everything after reads within that tenant.
 */
export function findPlanRefByPublicId(
  db: Executor,
  publicId: string,
): Promise<{ tenant_id: string; id: string } | undefined> {
  return db
    .selectFrom('plans')
    .select(['tenant_id', 'id'])
    .where('public_id', '=', publicId)
    .executeTakeFirst();
}

/** Shows the plan on the public page under a new id, or (null) withdraws it. */
export function setPlanPublicId(
  db: Executor,
  tenantId: string,
  planId: string,
  publicId: string | null,
): Promise<PlanHeader | undefined> {
  return db
    .updateTable('plans')
    .set({ public_id: publicId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', planId)
    .returning(headerColumns)
    .executeTakeFirst();
}
