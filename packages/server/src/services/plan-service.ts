import { createHash, randomUUID } from 'node:crypto';
import type { PlanDetail, PublishFindingDto, PublishWaiverDto, ValidationRule } from '@yaodian/core';
import { isParseError, type ParseLimitName, type Plan } from '@yaodian/parser';
import { localDate } from '../config/clock.js';
import { planToRows } from '../domain/plan-rows.js';
import { taskNodes } from '../domain/plan-tree.js';
import { applyWaivers, publishFindings, type WaiverOutcome } from '../domain/publish-check.js';
import { createUnitMatcher, type UnitDirectory } from '../domain/unit-matcher.js';
import type { Executor } from '../db/database.js';
import { AppError, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizePlan, visiblePlanStatuses } from '../policies/plans.js';
import { presentPlanSummary } from '../presenters/plan-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  deleteUnmatchedNames,
  insertAssignments,
  insertUnmatched,
  listPlanAssignments,
  listPlanUnmatched,
  type AssignmentRecord,
} from '../repositories/assignment-repository.js';
import { insertItems } from '../repositories/item-repository.js';
import {
  findPlan,
  insertPlan,
  listPlans,
  updatePlanAtVersion,
  type PlanHeader,
} from '../repositories/plan-repository.js';
import { insertTargets } from '../repositories/target-repository.js';
import { listAliases, listGroupMembers, listUnits } from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';
import { editablePlan, loadPlanDetail, loadPlanParts, visiblePlan } from './plan-loader.js';
import { markPlan, statusWrite } from './status-tracking.js';
import { scheduleReminders } from '../jobs/reminder-jobs.js';
import { scheduleDailyStatus } from '../jobs/task-status-jobs.js';
import { ERRORS } from '../messaging/error-messages.js';

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** Each reading limit as the validation rule a client words in its own language. */
const LIMIT_RULES: Record<ParseLimitName, ValidationRule> = {
  inflated_bytes: 'inflated_too_large',
  characters: 'too_many_characters',
  items: 'too_many_items',
  parse_ms: 'parse_timeout',
  heap_mb: 'parse_memory',
};

async function readUpload(deps: Deps, upload: Upload): Promise<Plan> {
  try {
    return await deps.readPlan(upload.bytes, { fileName: upload.fileName, maxBytes: deps.maxUploadBytes });
  } catch (error) {
    if (isParseError(error)) {
      if (error.code === 'limit_exceeded' && error.limit)
        throw new AppError('payload_too_large', error.message, {
          field: 'file',
          details: [{ field: 'file', rule: LIMIT_RULES[error.limit.name], limit: error.limit.value }],
        });
      if (error.code === 'too_large')
        throw new AppError('payload_too_large', ERRORS.upload.documentTooLarge, {
          field: 'file',
          details: [{ field: 'file', rule: 'file_too_large', limit: deps.maxUploadBytes }],
        });
      throw new AppError('invalid_document', ERRORS.upload.unreadable(error.message), {
        field: 'file',
        details: { reason: error.code },
      });
    }
    throw error;
  }
}

async function unitDirectory(
  db: Executor,
  tenantId: string,
  planAliases: UnitDirectory['planAliases'],
): Promise<UnitDirectory> {
  const [units, aliases, groups] = await Promise.all([
    listUnits(db, tenantId),
    listAliases(db, tenantId),
    listGroupMembers(db, tenantId),
  ]);
  return { units, aliases, groups, planAliases };
}

/** Upload → plan engine → a draft plan with its items, assignments and targets, in one transaction. */
export async function importPlan(deps: Deps, actor: Actor, upload: Upload): Promise<PlanDetail> {
  authorizePlan(actor, 'import');
  if (upload.bytes.length === 0)
    throw new AppError('invalid_document', ERRORS.upload.emptyFile, {
      field: 'file',
      details: [{ field: 'file', rule: 'empty_file' }],
    });
  const parsed = await readUpload(deps, upload);
  const now = deps.clock.now();
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  return statusWrite(deps, async (trx) => {
    const plan = await insertPlan(trx, {
      tenantId: actor.tenantId,
      title: (parsed.meta.title ?? upload.fileName).slice(0, 300) || '未命名计划',
      year:
        parsed.meta.year && parsed.meta.year >= 2000 && parsed.meta.year <= 2100
          ? parsed.meta.year
          : Number(localDate(now).slice(0, 4)),
      sourceFileName: upload.fileName,
      sourceBytes: upload.bytes,
      sourceSha256: sha256,
      sourceFormat: parsed.input.format,
      text: parsed.text,
      meta: { ...parsed.meta, looseTargets: parsed.targets },
      aliases: parsed.aliases,
      warnings: parsed.warnings.map((w) => ({ code: w.code, message: w.message })),
      createdBy: actor.userId,
      at: now,
    });
    const match = createUnitMatcher(await unitDirectory(trx, actor.tenantId, parsed.aliases));
    const rows = planToRows(parsed, { tenantId: actor.tenantId, planId: plan.id, newId: randomUUID }, match);
    await insertItems(trx, rows.items);
    await insertAssignments(trx, actor.tenantId, rows.assignments);
    await insertUnmatched(trx, actor.tenantId, rows.unmatched);
    await insertTargets(trx, rows.targets);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'plan.import',
      entity: 'plan',
      entityId: plan.id,
      after: {
        title: plan.title,
        fileName: upload.fileName,
        sha256,
        items: rows.items.length,
        targets: rows.targets.length,
        unmatched: rows.unmatched.length,
      },
      at: now,
    });
    markPlan(trx, actor.tenantId, plan.id);
    return loadPlanDetail(trx, plan);
  });
}

export async function listVisiblePlans(deps: Deps, actor: Actor) {
  authorizePlan(actor, 'read');
  const plans = await listPlans(deps.db, actor.tenantId, visiblePlanStatuses(actor));
  return { plans: plans.map(presentPlanSummary) };
}

export async function getPlan(deps: Deps, actor: Actor, planId: string): Promise<PlanDetail> {
  authorizePlan(actor, 'read');
  return loadPlanDetail(deps.db, await visiblePlan(deps.db, actor, planId));
}

export async function updatePlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: {
    version: number;
    title?: string;
    year?: number;
    thresholds?: { behindPoints: number; atRiskPoints: number };
    settings?: { reviewRequired?: boolean; evidenceRequired?: boolean };
  },
): Promise<PlanDetail> {
  authorizePlan(actor, 'edit');
  if (input.thresholds && input.thresholds.atRiskPoints >= input.thresholds.behindPoints) {
    throw new AppError('validation_failed', ERRORS.plan.thresholds, {
      field: 'thresholds.atRiskPoints',
    });
  }
  return statusWrite(deps, async (trx) => {
    const before = await editablePlan(trx, actor, planId, false);
    const after = await updatePlanAtVersion(trx, actor.tenantId, planId, input.version, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.year !== undefined ? { year: input.year } : {}),
      ...(input.thresholds
        ? { behind_points: input.thresholds.behindPoints, at_risk_points: input.thresholds.atRiskPoints }
        : {}),
      ...(input.settings?.reviewRequired !== undefined
        ? { review_required: input.settings.reviewRequired }
        : {}),
      ...(input.settings?.evidenceRequired !== undefined
        ? { evidence_required: input.settings.evidenceRequired }
        : {}),
      updated_at: deps.clock.now(),
    });
    if (!after) throw versionConflict('plan');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'plan.update',
      entity: 'plan',
      entityId: planId,
      before: {
        title: before.title,
        year: before.year,
        behindPoints: before.behind_points,
        atRiskPoints: before.at_risk_points,
        reviewRequired: before.review_required,
        evidenceRequired: before.evidence_required,
      },
      after: {
        title: after.title,
        year: after.year,
        behindPoints: after.behind_points,
        atRiskPoints: after.at_risk_points,
        reviewRequired: after.review_required,
        evidenceRequired: after.evidence_required,
      },
      at: deps.clock.now(),
    });
    markPlan(trx, actor.tenantId, planId);
    return loadPlanDetail(trx, after);
  });
}

/** What publishing the draft would carry over unsettled (the checklist the import review shows). */
export async function checkPublish(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<{ findings: PublishFindingDto[] }> {
  authorizePlan(actor, 'publish');
  const plan = await editablePlan(deps.db, actor, planId, false);
  return { findings: publishFindings(await loadPlanParts(deps.db, plan)) };
}

/**
 * Publishes a draft when every finding of the publish check is settled or waived with a reason;
 * otherwise `409 publish_findings` lists the open ones. The waivers go into the publish audit entry.
 */
export async function publishPlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  version: number,
  waivers: readonly PublishWaiverDto[] = [],
): Promise<PlanDetail> {
  authorizePlan(actor, 'publish');
  return statusWrite(deps, async (trx) => {
    const plan = await editablePlan(trx, actor, planId, true);
    if (plan.version !== version) throw versionConflict('plan');
    const parts = await loadPlanParts(trx, plan);
    if (taskNodes(parts.tree).length === 0) throw new AppError('state_conflict', ERRORS.plan.noTasks);
    const outcome = applyWaivers(publishFindings(parts), waivers);
    if (outcome.open.length > 0) {
      throw new AppError(
        'publish_findings',
        ERRORS.plan.findingsOpen(
          outcome.open.length,
          outcome.open
            .slice(0, 5)
            .map((f) => f.kind)
            .join('、') + (outcome.open.length > 5 ? '…' : ''),
        ),
        { details: { findings: outcome.open } },
      );
    }
    return movePlanStatus(trx, deps, actor, plan, version, 'published', outcome.applied);
  });
}

/** Matches the plan's unmatched names again, after units or aliases were added. */
export async function rematchUnits(deps: Deps, actor: Actor, planId: string): Promise<PlanDetail> {
  authorizePlan(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const plan = await editablePlan(trx, actor, planId, false);
    return rematchIn(trx, deps, actor, plan);
  });
}

/** The re-match inside a caller's transaction (after it added a unit or an alias). */
export async function rematchIn(
  trx: Executor,
  deps: Deps,
  actor: Actor,
  plan: PlanHeader,
): Promise<PlanDetail> {
  const planId = plan.id;
  {
    const match = createUnitMatcher(await unitDirectory(trx, actor.tenantId, plan.aliases));
    const settled = (await listPlanUnmatched(trx, actor.tenantId, planId)).flatMap((u) => {
      const unitIds = match(u.name);
      return unitIds ? [{ ...u, unitIds }] : [];
    });
    const assigned = new Set(
      (await listPlanAssignments(trx, actor.tenantId, planId)).map((a) => `${a.itemId} ${a.unitId}`),
    );
    const fresh = new Map<string, AssignmentRecord>();
    for (const u of settled) {
      for (const unitId of u.unitIds) {
        const key = `${u.itemId} ${unitId}`;
        if (!assigned.has(key) && !fresh.has(key)) fresh.set(key, { itemId: u.itemId, unitId, role: u.role });
      }
    }
    await insertAssignments(trx, actor.tenantId, [...fresh.values()]);
    await deleteUnmatchedNames(trx, actor.tenantId, settled);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'plan.rematch',
      entity: 'plan',
      entityId: planId,
      after: { matched: [...new Set(settled.map((u) => u.name))] },
      at: deps.clock.now(),
    });
    markPlan(trx, actor.tenantId, planId);
    const current = await findPlan(trx, actor.tenantId, planId);
    return loadPlanDetail(trx, current ?? plan);
  }
}

/** Closes a published plan's year: it leaves the task lists and cannot change any more. */
export async function archivePlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  version: number,
): Promise<PlanDetail> {
  authorizePlan(actor, 'publish');
  return statusWrite(deps, async (trx) => {
    const plan = await visiblePlan(trx, actor, planId);
    if (plan.status !== 'published') throw new AppError('state_conflict', ERRORS.plan.publishedOnlyArchive);
    return movePlanStatus(trx, deps, actor, plan, version, 'archived');
  });
}

/** Publish or archive at the expected version, with its audit row and the tasks' statuses, in `trx`. */
async function movePlanStatus(
  trx: Executor,
  deps: Deps,
  actor: Actor,
  plan: PlanHeader,
  version: number,
  status: 'published' | 'archived',
  waivers: WaiverOutcome['applied'] = [],
): Promise<PlanDetail> {
  const now = deps.clock.now();
  const after = await updatePlanAtVersion(trx, actor.tenantId, plan.id, version, {
    status,
    ...(status === 'published' ? { published_at: now } : {}),
    updated_at: now,
  });
  if (!after) throw versionConflict('plan');
  await appendAudit(trx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: status === 'published' ? 'plan.publish' : 'plan.archive',
    entity: 'plan',
    entityId: plan.id,
    before: { status: plan.status },
    after: { status: after.status, ...(status === 'published' ? { waivers } : {}) },
    at: now,
  });
  markPlan(trx, actor.tenantId, plan.id);
  if (status === 'published') {
    await scheduleDailyStatus(trx, actor.tenantId, plan.id, now);
    await scheduleReminders(trx, actor.tenantId, now);
  }
  return loadPlanDetail(trx, after);
}
