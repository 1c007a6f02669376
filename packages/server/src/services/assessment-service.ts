import type {
  AssessmentDto,
  AssessmentRules,
  AssessmentRulesDto,
  AssessmentUnitScore,
  LeaderEvaluationDto,
} from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import { DEFAULT_ASSESSMENT_RULES } from '../domain/assessment/default-rules.js';
import type { AssessedTask, AssessmentInput } from '../domain/assessment/inputs.js';
import { scoreUnits } from '../domain/assessment/score-units.js';
import { AppError, notFound, stateConflict, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeAssessment } from '../policies/assessment.js';
import {
  parseRules,
  parseScores,
  presentAssessment,
  presentEvaluation,
  presentRules,
} from '../presenters/assessment-presenter.js';
import {
  findAssessmentRules,
  findAssessmentSnapshot,
  insertAssessmentSnapshot,
  listLeaderEvaluations,
  saveAssessmentRules,
  unitExists,
  upsertLeaderEvaluation,
} from '../repositories/assessment-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import type { PlanHeader } from '../repositories/plan-repository.js';
import { listActuals } from '../repositories/report-repository.js';
import { listSupervisionNotices } from '../repositories/supervision-notice-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { loadTaskBoard } from './task-board.js';
import { ERRORS } from '../messaging/error-messages.js';

/** The plan's rules and their version (0 = the default set, nothing saved). */
async function rulesOf(db: Executor, plan: PlanHeader): Promise<{ rules: AssessmentRules; version: number }> {
  const stored = await findAssessmentRules(db, plan.tenant_id, plan.id);
  return stored
    ? { rules: parseRules(stored.rules), version: stored.version }
    : { rules: DEFAULT_ASSESSMENT_RULES, version: 0 };
}

export async function assessmentRules(deps: Deps, actor: Actor, planId: string): Promise<AssessmentRulesDto> {
  authorizeAssessment(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const { rules, version } = await rulesOf(deps.db, plan);
  return presentRules(plan.id, rules, version);
}

export async function setAssessmentRules(
  deps: Deps,
  actor: Actor,
  planId: string,
  version: number,
  rules: AssessmentRules,
): Promise<AssessmentRulesDto> {
  authorizeAssessment(actor, 'rules');
  return deps.db.transaction().execute(async (trx) => {
    const plan = await visiblePlan(trx, actor, planId);
    const before = await rulesOf(trx, plan);
    const now = deps.clock.now();
    const saved = await saveAssessmentRules(trx, actor.tenantId, plan.id, version, rules, actor.userId, now);
    if (saved === undefined) throw versionConflict('assessmentRules');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'assessment.rules',
      entity: 'plan',
      entityId: plan.id,
      before: before.rules,
      after: rules,
      at: now,
    });
    return presentRules(plan.id, rules, saved);
  });
}

/** Everything the scoring reads for a plan as of a day, in a few statements. */
async function assessmentInput(
  db: Executor,
  plan: PlanHeader,
  rules: AssessmentRules,
  asOf: string,
  now: Date,
): Promise<AssessmentInput> {
  const board = await loadTaskBoard(db, plan, now);
  const [actuals, evaluations, supervision] = await Promise.all([
    listActuals(
      db,
      plan.tenant_id,
      board.reports.map((r) => r.id),
    ),
    listLeaderEvaluations(db, plan.tenant_id, plan.id),
    listSupervisionNotices(db, plan.tenant_id, plan.id, asOf),
  ]);
  const byId = board.parts.tree.byId;
  const ancestry = (id: string): string[] => {
    const keys: string[] = [];
    for (let at = byId.get(id)?.item; at; at = at.parent_id ? byId.get(at.parent_id)?.item : undefined)
      keys.push(at.id);
    return keys;
  };
  const tasks: AssessedTask[] = board.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    weightKeys: ancestry(t.id),
    reportingUnitIds: t.reportingUnits.map((u) => u.id),
  }));
  const day = (at: Date | null): string | null => (at ? localDate(at) : null);
  return {
    asOf,
    countsFrom: day(plan.published_at),
    rules,
    units: board.parts.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    tasks,
    targets: board.parts.targets.map((t) => ({ ...t, itemId: t.item_id })),
    periods: board.periods.map((p) => ({ id: p.id, label: p.label, endsOn: p.ends_on, dueOn: p.due_on })),
    reports: board.reports.map((r) => ({
      itemId: r.item_id,
      unitId: r.unit_id,
      periodId: r.period_id,
      percent: r.percent,
      submittedOn: r.state === 'draft' ? null : day(r.submitted_at),
      acceptedOn: r.state === 'accepted' ? day(r.reviewed_at) : null,
      noSubstanceOn: day(r.no_substance_at),
      actuals: actuals
        .filter((a) => a.reportId === r.id)
        .map((a) => ({ targetId: a.targetId, value: a.value })),
    })),
    supervision,
    evaluations: evaluations.map((e) => ({ unitId: e.unit_id, score: e.score })),
  };
}

async function compute(
  db: Executor,
  plan: PlanHeader,
  asOf: string,
  now: Date,
): Promise<{ rules: AssessmentRules; units: AssessmentUnitScore[] }> {
  const { rules } = await rulesOf(db, plan);
  return { rules, units: scoreUnits(await assessmentInput(db, plan, rules, asOf, now)) };
}

/** The assessment as of a day (default today by the clock), computed now from the current rules; never stored. */
export async function liveAssessment(
  deps: Deps,
  actor: Actor,
  planId: string,
  asOf: string | undefined,
): Promise<AssessmentDto> {
  authorizeAssessment(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const now = deps.clock.now();
  const day = asOf ?? localDate(now);
  const { rules, units } = await compute(deps.db, plan, day, now);
  return presentAssessment(plan.id, day, rules, null, units);
}

async function snapshotOf(db: Executor, plan: PlanHeader): Promise<AssessmentDto | null> {
  const snapshot = await findAssessmentSnapshot(db, plan.tenant_id, plan.id);
  if (!snapshot) return null;
  return presentAssessment(
    plan.id,
    snapshot.as_of,
    parseRules(snapshot.rules),
    snapshot.published_at,
    parseScores(snapshot.result),
  );
}

/** The published assessment exactly as frozen at publication. */
export async function publishedAssessment(deps: Deps, actor: Actor, planId: string): Promise<AssessmentDto> {
  authorizeAssessment(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  const published = await snapshotOf(deps.db, plan);
  if (!published) throw notFound('publishedAssessment');
  return published;
}

/** Computes the assessment as of a day and freezes it with its rules; once per plan. */
export async function publishAssessment(
  deps: Deps,
  actor: Actor,
  planId: string,
  asOf: string,
): Promise<AssessmentDto> {
  authorizeAssessment(actor, 'publish');
  return deps.db.transaction().execute(async (trx) => {
    const plan = await visiblePlan(trx, actor, planId);
    if (plan.status === 'draft') throw stateConflict(ERRORS.assessment.draftHasNone);
    const now = deps.clock.now();
    if (asOf > localDate(now))
      throw new AppError('validation_failed', ERRORS.assessment.notFuture, {
        field: 'asOf',
      });
    const { rules, units } = await compute(trx, plan, asOf, now);
    const stored = await insertAssessmentSnapshot(
      trx,
      { tenantId: actor.tenantId, planId: plan.id, asOf, rules, result: units, by: actor.userId },
      now,
    );
    if (!stored) throw stateConflict(ERRORS.assessment.alreadyPublished);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'assessment.publish',
      entity: 'plan',
      entityId: plan.id,
      after: { asOf, units: units.map((u) => ({ unitId: u.unitId, score: u.score, rank: u.rank })) },
      at: now,
    });
    return presentAssessment(plan.id, asOf, rules, now, units);
  });
}

/** For the export: the published assessment when there is one and no day is asked for, else the live one. */
export async function assessmentForExport(
  deps: Deps,
  actor: Actor,
  planId: string,
  asOf: string | undefined,
): Promise<{ plan: PlanHeader; assessment: AssessmentDto }> {
  authorizeAssessment(actor, 'export');
  const plan = await visiblePlan(deps.db, actor, planId);
  const published = asOf === undefined ? await snapshotOf(deps.db, plan) : null;
  if (published) return { plan, assessment: published };
  const now = deps.clock.now();
  const day = asOf ?? localDate(now);
  const { rules, units } = await compute(deps.db, plan, day, now);
  return { plan, assessment: presentAssessment(plan.id, day, rules, null, units) };
}

export async function leaderEvaluations(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<{ evaluations: LeaderEvaluationDto[] }> {
  authorizeAssessment(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  return {
    evaluations: (await listLeaderEvaluations(deps.db, actor.tenantId, plan.id)).map(presentEvaluation),
  };
}

/** A leader's evaluation of a unit; a second one by the same leader replaces the first. */
export async function saveLeaderEvaluation(
  deps: Deps,
  actor: Actor,
  planId: string,
  unitId: string,
  input: { score: number; note: string },
): Promise<{ evaluation: LeaderEvaluationDto }> {
  authorizeAssessment(actor, 'evaluate');
  return deps.db.transaction().execute(async (trx) => {
    const plan = await visiblePlan(trx, actor, planId);
    if (!(await unitExists(trx, actor.tenantId, unitId))) throw notFound('unit');
    const now = deps.clock.now();
    await upsertLeaderEvaluation(
      trx,
      { tenantId: actor.tenantId, planId: plan.id, unitId, evaluatorId: actor.userId, ...input },
      now,
    );
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'assessment.evaluate',
      entity: 'plan',
      entityId: plan.id,
      after: { unitId, score: input.score },
      at: now,
    });
    const saved = (await listLeaderEvaluations(trx, actor.tenantId, plan.id)).find(
      (e) => e.unit_id === unitId && e.evaluator_id === actor.userId,
    );
    if (!saved) throw notFound('evaluation');
    return { evaluation: presentEvaluation(saved) };
  });
}
