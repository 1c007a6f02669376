import type {
  IssueSupervisionRequest,
  PlanSupervisionRules,
  SupervisionDetail,
  SupervisionList,
  SupervisionNoticeDto,
  SupervisionRules,
  SupervisionStatus,
} from '@yaodian/core';
import { OPEN_SUPERVISION_STATUSES } from '@yaodian/core';
import type { Executor } from '../db/database.js';
import type { SupervisionNoticeRow } from '../db/schema.js';
import { AppError, notFound, stateConflict, versionConflict } from '../errors/app-error.js';
import { SUPERVISION_ERRORS as E } from '../messaging/supervision-messages.js';
import type { Actor } from '../policies/actor.js';
import { renderSupervisionNotice } from '../documents/supervision-notice.js';
import { DOCUMENT_WORDS } from '../documents/document-wording.js';
import {
  authorizeAnswer,
  authorizeNoticeDocument,
  authorizeSupervision,
  canSeeNotice,
  supervisionScope,
} from '../policies/supervision.js';
import { presentSupervision } from '../presenters/supervision-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { listWorkdayOverrides } from '../repositories/reminder-repository.js';
import {
  countOpenByLevel,
  findSupervisionByKey,
  findSupervisionRules,
  findSupervisionView,
  listPlanTaskIds,
  listSupervisionViews,
  lockSupervisionNotice,
  updateSupervisionNotice,
  updateSupervisionRules,
  type SupervisionChange,
  type SupervisionView,
} from '../repositories/supervision-repository.js';
import { findUnitsByIds } from '../repositories/unit-repository.js';
import { listAccountableLeaders } from '../repositories/leader-repository.js';
import { noticeDoc } from '../repositories/supervision-notice-source.js';
import { findTenantName } from '../repositories/tenant-repository.js';
import type { Deps } from './deps.js';
import { visiblePlan } from './plan-loader.js';
import { readSupervisionRules, responseDueFrom } from './supervision-dispatch.js';
import { announceResponse, escalateNotice, issueNotice } from './supervision-issuing.js';

export async function listSupervision(
  deps: Deps,
  actor: Actor,
  query: {
    status?: SupervisionStatus | 'open' | undefined;
    level?: SupervisionNoticeRow['level'] | undefined;
    unitId?: string | undefined;
    planId?: string | undefined;
    itemId?: string | undefined;
  },
): Promise<SupervisionList> {
  authorizeSupervision(actor, 'read');
  const scope = supervisionScope(actor);
  const views = await listSupervisionViews(deps.db, actor.tenantId, {
    ...(query.status
      ? { statuses: query.status === 'open' ? OPEN_SUPERVISION_STATUSES : [query.status] }
      : {}),
    ...(query.level ? { level: query.level } : {}),
    ...(query.unitId ? { unitId: query.unitId } : {}),
    ...(query.planId ? { planId: query.planId } : {}),
    ...(query.itemId ? { itemId: query.itemId } : {}),
    ...(scope ? { anyUnitIds: scope } : {}),
  });
  return { notices: views.map(presentSupervision) };
}

async function visibleNotice(db: Executor, actor: Actor, id: string): Promise<SupervisionView> {
  const view = await findSupervisionView(db, actor.tenantId, id);
  if (
    !view ||
    !canSeeNotice(
      actor,
      view.units.map((u) => u.id),
    )
  )
    throw notFound('supervisionNotice');
  return view;
}

/** The notice and its whole ladder: every notice it escalated from and to, first issued first. */
export async function supervisionDetail(deps: Deps, actor: Actor, id: string): Promise<SupervisionDetail> {
  authorizeSupervision(actor, 'read');
  const view = await visibleNotice(deps.db, actor, id);
  const chain: SupervisionView[] = [view];
  // A ladder has at most three rungs (蓝→黄→红); the bound guards against a cycle in bad data.
  for (let back = view, i = 0; back.previous_id && i < 5; i += 1) {
    const prev = await findSupervisionView(deps.db, actor.tenantId, back.previous_id);
    if (!prev) break;
    chain.unshift(prev);
    back = prev;
  }
  for (let fwd = view, i = 0; fwd.next_id && i < 5; i += 1) {
    const next = await findSupervisionView(deps.db, actor.tenantId, fwd.next_id);
    if (!next) break;
    chain.push(next);
    fwd = next;
  }
  return { notice: presentSupervision(view), history: chain.map(presentSupervision) };
}

/**
 * The 督办单 (.docx, GB/T 9704) of one notice, for the office, the units it names and its owning leaders (the
 * leaders of its tasks, up the plan's outline, and the 分管 leaders of its units). Data leaving the system:
 * recorded in the audit log as a download.
 */
export async function supervisionDocument(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; bytes: Buffer; mediaType: string }> {
  authorizeSupervision(actor, 'read');
  const view = await visibleNotice(deps.db, actor, id);
  const unitIds = view.units.map((u) => u.id);
  // Read for every caller (one statement): the policy, not a role name here, decides who may take the document.
  const leaderIds = await listAccountableLeaders(
    deps.db,
    actor.tenantId,
    view.items.map((i) => i.id),
    unitIds,
  );
  authorizeNoticeDocument(actor, { unitIds, leaderIds });
  const doc = noticeDoc(view, (await findTenantName(deps.db, actor.tenantId)) ?? '');
  const bytes = await renderSupervisionNotice(doc);
  const fileName = DOCUMENT_WORDS.notice.fileName(doc.number);
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'supervision.download',
    entity: 'supervision',
    entityId: view.id,
    after: { fileName, bytes: bytes.length, document: 'supervision-notice', number: doc.number },
    at: deps.clock.now(),
  });
  return {
    fileName,
    bytes,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}

async function answer(deps: Deps, actor: Actor, id: string): Promise<{ notice: SupervisionNoticeDto }> {
  return { notice: presentSupervision(await visibleNotice(deps.db, actor, id)) };
}

export async function issueSupervision(
  deps: Deps,
  actor: Actor,
  body: IssueSupervisionRequest,
  idempotencyKey: string | null,
): Promise<{ notice: SupervisionNoticeDto; created: boolean }> {
  authorizeSupervision(actor, 'issue');
  if (idempotencyKey) {
    const earlier = await findSupervisionByKey(deps.db, actor.tenantId, idempotencyKey);
    if (earlier) {
      if (earlier.plan_id !== body.planId || earlier.reason !== body.reason)
        throw new AppError('duplicate', E.keyReused, { field: 'Idempotency-Key' });
      return { ...(await answer(deps, actor, earlier.id)), created: false };
    }
  }
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    await visiblePlan(trx, actor, body.planId);
    const units = await findUnitsByIds(trx, actor.tenantId, body.unitIds);
    if (units.length !== new Set(body.unitIds).size)
      throw new AppError('validation_failed', E.unknownUnits, { field: 'unitIds' });
    const items = await listPlanTaskIds(trx, actor.tenantId, body.planId, body.itemIds);
    if (items.length !== new Set(body.itemIds).size)
      throw new AppError('validation_failed', E.unknownItems, { field: 'itemIds' });
    const rules = readSupervisionRules(await findSupervisionRules(trx, actor.tenantId, body.planId));
    return issueNotice(
      trx,
      {
        tenantId: actor.tenantId,
        planId: body.planId,
        level: body.level,
        rule: 'manual',
        ruleKey: null,
        reason: body.reason,
        responseDue:
          body.responseDue ?? responseDueFrom(now, rules, await listWorkdayOverrides(trx, actor.tenantId)),
        issuedBy: actor.userId,
        previousId: null,
        idempotencyKey,
        unitIds: body.unitIds,
        itemIds: body.itemIds,
      },
      now,
    );
  });
  return { ...(await answer(deps, actor, id)), created: true };
}

type Step = 'sign' | 'respond' | 'close';

/**
 * One step of the flow, in one transaction at the version the caller saw. Repeating a step already taken
 * (a retried request) answers the notice as it stands instead of failing.
 */
async function step(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  kind: Step,
  change: (row: SupervisionNoticeRow) => SupervisionChange | 'done',
): Promise<{ notice: SupervisionNoticeDto }> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const view = await visibleNotice(trx, actor, id);
    if (kind === 'close') authorizeSupervision(actor, 'issue');
    else
      authorizeAnswer(
        actor,
        view.units.map((u) => u.id),
      );
    const row = await lockSupervisionNotice(trx, actor.tenantId, id);
    if (!row) throw notFound('supervisionNotice');
    const next = change(row);
    if (next === 'done') return;
    if (row.version !== version) throw versionConflict('supervisionNotice');
    if (!(await updateSupervisionNotice(trx, actor.tenantId, id, version, next)))
      throw versionConflict('supervisionNotice');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: `supervision.${kind}`,
      entity: 'supervision',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: next,
      at: now,
    });
    if (kind === 'respond') {
      const after = await findSupervisionView(trx, actor.tenantId, id);
      const unit = view.units.find((u) => actor.unitIds.includes(u.id))?.name ?? '';
      if (after) await announceResponse(trx, after, unit, now);
    }
  });
  return answer(deps, actor, id);
}

export function signSupervision(deps: Deps, actor: Actor, id: string, version: number) {
  authorizeSupervision(actor, 'respond');
  return step(deps, actor, id, version, 'sign', (row) => {
    if (row.status === 'signed' || row.status === 'responded') return 'done';
    if (row.status !== 'issued') throw stateConflict(E.notOpen);
    return { status: 'signed', signed_by: actor.userId, signed_at: deps.clock.now() };
  });
}

export function respondSupervision(deps: Deps, actor: Actor, id: string, version: number, response: string) {
  authorizeSupervision(actor, 'respond');
  const now = deps.clock.now();
  return step(deps, actor, id, version, 'respond', (row) => {
    if (row.status === 'responded' && row.response === response) return 'done';
    if (row.status === 'issued') throw stateConflict(E.notSigned);
    if (row.status !== 'signed' && row.status !== 'responded') throw stateConflict(E.notOpen);
    return { status: 'responded', response, responded_by: actor.userId, responded_at: now };
  });
}

export function closeSupervision(deps: Deps, actor: Actor, id: string, version: number, note?: string) {
  authorizeSupervision(actor, 'issue');
  const now = deps.clock.now();
  return step(deps, actor, id, version, 'close', (row) => {
    if (row.status === 'closed') return 'done';
    if (row.status === 'escalated') throw stateConflict(E.notOpen);
    return { status: 'closed', closed_by: actor.userId, closed_at: now, close_note: note ?? null };
  });
}

/** Escalates by hand; answers the new notice (or, repeated, the one it already escalated to). */
export async function escalateSupervision(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  note?: string,
): Promise<{ notice: SupervisionNoticeDto }> {
  authorizeSupervision(actor, 'issue');
  const now = deps.clock.now();
  const nextId = await deps.db.transaction().execute(async (trx) => {
    const view = await visibleNotice(trx, actor, id);
    const row = await lockSupervisionNotice(trx, actor.tenantId, id);
    if (!row) throw notFound('supervisionNotice');
    if (row.status === 'escalated' && row.next_id) return row.next_id;
    if (row.version !== version) throw versionConflict('supervisionNotice');
    if (!OPEN_SUPERVISION_STATUSES.includes(row.status)) throw stateConflict(E.notOpen);
    const rules = readSupervisionRules(await findSupervisionRules(trx, actor.tenantId, row.plan_id));
    const responseDue = responseDueFrom(now, rules, await listWorkdayOverrides(trx, actor.tenantId));
    return escalateNotice(trx, row, view, { actorId: actor.userId, note: note ?? null, responseDue }, now);
  });
  return answer(deps, actor, nextId);
}

export async function planSupervisionRules(
  deps: Deps,
  actor: Actor,
  planId: string,
): Promise<PlanSupervisionRules> {
  authorizeSupervision(actor, 'rules.read');
  await visiblePlan(deps.db, actor, planId);
  return {
    rules: readSupervisionRules(await findSupervisionRules(deps.db, actor.tenantId, planId)),
    open: await countOpenByLevel(deps.db, actor.tenantId, planId),
  };
}

export async function setPlanSupervisionRules(
  deps: Deps,
  actor: Actor,
  planId: string,
  rules: SupervisionRules,
): Promise<PlanSupervisionRules> {
  authorizeSupervision(actor, 'rules.edit');
  await deps.db.transaction().execute(async (trx) => {
    await visiblePlan(trx, actor, planId);
    const before = await findSupervisionRules(trx, actor.tenantId, planId);
    await updateSupervisionRules(trx, actor.tenantId, planId, rules);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'plan.supervision-rules',
      entity: 'plan',
      entityId: planId,
      before,
      after: rules,
      at: deps.clock.now(),
    });
  });
  return planSupervisionRules(deps, actor, planId);
}
