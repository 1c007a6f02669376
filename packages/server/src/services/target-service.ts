import type { TargetDirection, TargetOp } from '@yaodian/core';
import { inferDirection } from '../domain/plan-rows.js';
import type { Executor } from '../db/database.js';
import type { TargetRow, TargetUpdate } from '../db/schema.js';
import { AppError, notFound, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeTarget } from '../policies/targets.js';
import { presentTarget } from '../presenters/plan-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findItem } from '../repositories/item-repository.js';
import {
  deleteTarget,
  findTarget,
  insertTargets,
  listItemTargets,
  updateTargetAtVersion,
} from '../repositories/target-repository.js';
import type { Deps } from './deps.js';
import { finishPlanEdit } from './plan-edit-finish.js';
import { editablePlan } from './plan-loader.js';
import { statusWrite } from './status-tracking.js';
import { ERRORS } from '../messaging/error-messages.js';

interface TargetFields {
  metric?: string;
  op?: TargetOp;
  value?: number | null;
  lo?: number | null;
  hi?: number | null;
  unit?: string;
  basis?: 'level' | 'change';
  direction?: TargetDirection;
  baseline?: number | null;
  deadline?: string | null;
  deadlineText?: string | null;
  text?: string;
}

/** The value fields must fit the operator; said here with a field name, enforced again by a CHECK. */
function checkShape(op: TargetOp, value: number | null, lo: number | null, hi: number | null): void {
  if (op === 'range') {
    if (lo === null) throw new AppError('validation_failed', ERRORS.target.rangeNeedsLo, { field: 'lo' });
    if (hi === null) throw new AppError('validation_failed', ERRORS.target.rangeNeedsHi, { field: 'hi' });
    if (lo > hi) throw new AppError('validation_failed', ERRORS.target.loAboveHi, { field: 'lo' });
  } else if (value === null) {
    throw new AppError('validation_failed', ERRORS.target.needsValue(op), { field: 'value' });
  }
}

async function targetOfPlan(
  db: Executor,
  actor: Actor,
  planId: string,
  targetId: string,
): Promise<TargetRow> {
  const target = await findTarget(db, actor.tenantId, targetId);
  const item = target && (await findItem(db, actor.tenantId, target.item_id));
  if (!target || item?.plan_id !== planId) throw notFound('target');
  return target;
}

export async function createTarget(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: TargetFields & { itemId: string; metric: string; op: TargetOp },
) {
  authorizeTarget(actor, 'edit');
  const value = input.op === 'range' ? null : (input.value ?? null);
  const lo = input.op === 'range' ? (input.lo ?? null) : null;
  const hi = input.op === 'range' ? (input.hi ?? null) : null;
  checkShape(input.op, value, lo, hi);
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, false);
    const item = await findItem(trx, actor.tenantId, input.itemId);
    if (item?.plan_id !== planId)
      throw new AppError('validation_failed', ERRORS.item.notInPlan, { field: 'itemId' });
    const text = input.text ?? '';
    const [row] = await insertTargets(trx, [
      {
        tenant_id: actor.tenantId,
        item_id: input.itemId,
        position: (await listItemTargets(trx, actor.tenantId, input.itemId)).length,
        metric: input.metric,
        op: input.op,
        value,
        lo,
        hi,
        unit: input.unit ?? '',
        basis: input.basis ?? 'level',
        direction: input.direction ?? inferDirection(input.op, `${input.metric}${text}`),
        baseline: input.baseline ?? null,
        deadline: input.deadline ?? null,
        deadline_text: input.deadlineText ?? null,
        text,
        source_start: null,
        source_end: null,
      },
    ]);
    if (!row) throw new Error('target insert returned nothing');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'target.create',
      entity: 'target',
      entityId: row.id,
      after: presentTarget(row),
      at: deps.clock.now(),
    });
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

export async function updateTarget(
  deps: Deps,
  actor: Actor,
  planId: string,
  targetId: string,
  input: TargetFields & { version: number },
) {
  authorizeTarget(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, false);
    const before = await targetOfPlan(trx, actor, planId, targetId);
    const op = input.op ?? before.op;
    const value = op === 'range' ? null : input.value !== undefined ? input.value : before.value;
    const lo = op === 'range' ? (input.lo !== undefined ? input.lo : before.lo) : null;
    const hi = op === 'range' ? (input.hi !== undefined ? input.hi : before.hi) : null;
    checkShape(op, value, lo, hi);
    const changes: TargetUpdate = { op, value, lo, hi };
    if (input.metric !== undefined) changes.metric = input.metric;
    if (input.unit !== undefined) changes.unit = input.unit;
    if (input.basis !== undefined) changes.basis = input.basis;
    if (input.direction !== undefined) changes.direction = input.direction;
    if (input.baseline !== undefined) changes.baseline = input.baseline;
    if (input.deadline !== undefined) changes.deadline = input.deadline;
    if (input.deadlineText !== undefined) changes.deadline_text = input.deadlineText;
    if (input.text !== undefined) changes.text = input.text;
    const after = await updateTargetAtVersion(trx, actor.tenantId, targetId, input.version, changes);
    if (!after) throw versionConflict('target');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'target.update',
      entity: 'target',
      entityId: targetId,
      before: presentTarget(before),
      after: presentTarget(after),
      at: deps.clock.now(),
    });
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

export async function removeTarget(
  deps: Deps,
  actor: Actor,
  planId: string,
  targetId: string,
  version: number,
) {
  authorizeTarget(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, false);
    const before = await targetOfPlan(trx, actor, planId, targetId);
    if (before.version !== version) throw versionConflict('target');
    await deleteTarget(trx, actor.tenantId, targetId);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'target.delete',
      entity: 'target',
      entityId: targetId,
      before: presentTarget(before),
      after: null,
      at: deps.clock.now(),
    });
    return finishPlanEdit(trx, deps, actor, planId);
  });
}
