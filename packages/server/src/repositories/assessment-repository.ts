import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** The annual assessment's stored parts: a plan's rules, the leaders' evaluations, the published snapshot. */

export interface StoredRules {
  rules: unknown;
  version: number;
}

export async function findAssessmentRules(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<StoredRules | undefined> {
  return db
    .selectFrom('assessment_rules')
    .select(['rules', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/**
 * Writes the rules at the version read (0: none saved yet); the new version, or undefined when someone saved
 * in between.
 */
export async function saveAssessmentRules(
  db: Executor,
  tenantId: string,
  planId: string,
  version: number,
  rules: unknown,
  by: string,
  now: Date,
): Promise<number | undefined> {
  const json = JSON.stringify(rules);
  if (version === 0) {
    const inserted = await db
      .insertInto('assessment_rules')
      .values({ tenant_id: tenantId, plan_id: planId, rules: json, updated_at: now, updated_by: by })
      .onConflict((oc) => oc.columns(['tenant_id', 'plan_id']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted?.version;
  }
  const updated = await db
    .updateTable('assessment_rules')
    .set((eb) => ({ rules: json, updated_at: now, updated_by: by, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

export interface EvaluationRecord {
  unit_id: string;
  evaluator_id: string;
  evaluator_name: string;
  score: number;
  note: string;
  evaluated_at: Date;
}

export function listLeaderEvaluations(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<EvaluationRecord[]> {
  return db
    .selectFrom('leader_evaluations as e')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.evaluator_id'),
    )
    .select([
      'e.unit_id',
      'e.evaluator_id',
      'u.display_name as evaluator_name',
      'e.score',
      'e.note',
      'e.evaluated_at',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.plan_id', '=', planId)
    .orderBy('e.unit_id')
    .orderBy('e.evaluated_at')
    .execute();
}

/** One leader's evaluation of a unit: a second one replaces the first. */
export async function upsertLeaderEvaluation(
  db: Executor,
  row: { tenantId: string; planId: string; unitId: string; evaluatorId: string; score: number; note: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('leader_evaluations')
    .values({
      tenant_id: row.tenantId,
      plan_id: row.planId,
      unit_id: row.unitId,
      evaluator_id: row.evaluatorId,
      score: row.score,
      note: row.note,
      evaluated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'plan_id', 'unit_id', 'evaluator_id'])
        .doUpdateSet({ score: row.score, note: row.note, evaluated_at: now }),
    )
    .execute();
}

export interface SnapshotRecord {
  as_of: string;
  rules: unknown;
  result: unknown;
  published_at: Date;
}

export function findAssessmentSnapshot(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<SnapshotRecord | undefined> {
  return db
    .selectFrom('assessment_snapshots')
    .select(['as_of', 'rules', 'result', 'published_at'])
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/** Freezes a published assessment; false when the plan has one already (publishing is once). */
export async function insertAssessmentSnapshot(
  db: Executor,
  row: { tenantId: string; planId: string; asOf: string; rules: unknown; result: unknown; by: string },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('assessment_snapshots')
    .values({
      tenant_id: row.tenantId,
      plan_id: row.planId,
      as_of: row.asOf,
      rules: JSON.stringify(row.rules),
      result: JSON.stringify(row.result),
      published_at: now,
      published_by: row.by,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'plan_id']).doNothing())
    .returning('plan_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Whether a unit of the commission exists (a leader evaluates only real units). */
export async function unitExists(db: Executor, tenantId: string, unitId: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from org_units where tenant_id = ${tenantId} and id = ${unitId}`.execute(db);
  return rows.length > 0;
}
