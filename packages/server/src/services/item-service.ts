import type { AssignmentRole, PlanDetail } from '@yaodian/core';
import { randomUUID } from 'node:crypto';
import { renumberSiblings } from '../domain/numbering.js';
import { buildTree, subtreeIds, type PlanTree, type TreeNode } from '../domain/plan-tree.js';
import { splitItemText } from '../domain/split-item.js';
import type { Executor } from '../db/database.js';
import type { ItemRow } from '../db/schema.js';
import { AppError, notFound, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeItem } from '../policies/items.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  deleteItemAssignments,
  deleteUnmatchedNames,
  insertAssignments,
  insertUnmatched,
  listItemAssignments,
  listPlanUnmatched,
  moveAssignments,
} from '../repositories/assignment-repository.js';
import {
  deleteItem,
  findItem,
  insertItems,
  listItems,
  placeItem,
  updateItemAtVersion,
} from '../repositories/item-repository.js';
import { findPlanSource } from '../repositories/plan-source-repository.js';
import { countReportsForItems } from '../repositories/report-repository.js';
import {
  listItemTargets,
  moveTargetsFromOffset,
  reassignTargets,
} from '../repositories/target-repository.js';
import { findUnitsByIds } from '../repositories/unit-repository.js';
import type { Deps } from './deps.js';
import { finishPlanEdit } from './plan-edit-finish.js';
import { editablePlan, loadPlanDetail } from './plan-loader.js';
import { statusWrite } from './status-tracking.js';
import { ERRORS } from '../messaging/error-messages.js';

type ItemChanges = Partial<
  Pick<ItemRow, 'number' | 'title' | 'text' | 'is_task' | 'deadline' | 'deadline_text'>
>;

async function itemOfPlan(db: Executor, actor: Actor, planId: string, itemId: string): Promise<ItemRow> {
  const item = await findItem(db, actor.tenantId, itemId);
  if (item?.plan_id !== planId) throw notFound('item');
  return item;
}

function audit(deps: Deps, actor: Actor, action: string, itemId: string, before: unknown, after: unknown) {
  return {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action,
    entity: 'item',
    entityId: itemId,
    before,
    after,
    at: deps.clock.now(),
  };
}

export async function updateItem(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  input: {
    version: number;
    number?: string;
    title?: string;
    text?: string;
    isTask?: boolean;
    deadline?: string | null;
    deadlineText?: string | null;
  },
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, false);
    const before = await itemOfPlan(trx, actor, planId, itemId);
    const changes: ItemChanges = {};
    if (input.number !== undefined) changes.number = input.number;
    if (input.title !== undefined) changes.title = input.title;
    if (input.text !== undefined) changes.text = input.text;
    if (input.isTask !== undefined) changes.is_task = input.isTask;
    if (input.deadline !== undefined) changes.deadline = input.deadline;
    if (input.deadlineText !== undefined) changes.deadline_text = input.deadlineText;
    const after = await updateItemAtVersion(trx, actor.tenantId, itemId, input.version, changes);
    if (!after) throw versionConflict('item');
    const pick = (row: ItemRow) =>
      Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof ItemChanges]]));
    await appendAudit(trx, audit(deps, actor, 'item.update', itemId, pick(before), pick(after)));
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

/**
 * Rewrites sibling positions 0..n-1 in the given order, and their numbers in the list's numbering style
 * (一 二 三 / （一）（二） / 1 2 3: domain/numbering.ts), so a moved item never shows 十 above 九.
 */
async function renumber(
  db: Executor,
  tenantId: string,
  siblings: readonly TreeNode[],
  parentId: string | null,
  level: number,
): Promise<void> {
  const numbers = renumberSiblings(siblings.map((s) => s.item.number));
  for (const [position, node] of siblings.entries()) {
    const number = numbers[position] ?? node.item.number;
    if (
      node.item.position !== position ||
      node.item.parent_id !== parentId ||
      node.item.level !== level ||
      node.item.number !== number
    ) {
      await placeItem(db, tenantId, node.item.id, { position, parent_id: parentId, level, number });
    }
  }
}

async function relevel(db: Executor, tenantId: string, node: TreeNode, level: number): Promise<void> {
  for (const child of node.children) {
    if (child.item.level !== level + 1)
      await placeItem(db, tenantId, child.item.id, { level: Math.min(level + 1, 20) });
    await relevel(db, tenantId, child, level + 1);
  }
}

export async function moveItem(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  input: { version: number; parentId: string | null; position: number },
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, true);
    const item = await itemOfPlan(trx, actor, planId, itemId);
    if (item.version !== input.version) throw versionConflict('item');
    const tree = buildTree(await listItems(trx, actor.tenantId, planId));
    const node = tree.byId.get(itemId);
    if (!node) throw notFound('item');
    const newParent = input.parentId ? tree.byId.get(input.parentId) : null;
    if (input.parentId && !newParent)
      throw new AppError('validation_failed', ERRORS.item.parentOutside, { field: 'parentId' });
    if (input.parentId && subtreeIds(node).includes(input.parentId)) {
      throw new AppError('validation_failed', ERRORS.item.underItself, { field: 'parentId' });
    }
    const oldSiblings = (item.parent_id ? tree.byId.get(item.parent_id)?.children : tree.roots) ?? [];
    const remaining = oldSiblings.filter((s) => s.item.id !== itemId);
    await renumber(trx, actor.tenantId, remaining, item.parent_id, item.level);
    const targetSiblings = (newParent ? newParent.children : tree.roots).filter((s) => s.item.id !== itemId);
    const position = Math.min(input.position, targetSiblings.length);
    targetSiblings.splice(position, 0, node);
    const level = newParent ? Math.min(newParent.item.level + 1, 20) : 1;
    await renumber(trx, actor.tenantId, targetSiblings, input.parentId, level);
    await relevel(trx, actor.tenantId, node, level);
    if (!(await updateItemAtVersion(trx, actor.tenantId, itemId, input.version, {})))
      throw versionConflict('item');
    await appendAudit(
      trx,
      audit(
        deps,
        actor,
        'item.move',
        itemId,
        { parentId: item.parent_id, position: item.position },
        { parentId: input.parentId, position },
      ),
    );
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

async function assertNoReports(db: Executor, tenantId: string, itemIds: readonly string[]): Promise<void> {
  if ((await countReportsForItems(db, tenantId, itemIds)) > 0) {
    throw new AppError('state_conflict', ERRORS.item.hasProgress);
  }
}

/** Folds an item into another: text appended, children, assignments and targets moved, then it is removed. */
export async function mergeItem(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  input: { version: number; intoId: string; intoVersion: number },
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  if (input.intoId === itemId)
    throw new AppError('validation_failed', ERRORS.item.mergeSelf, { field: 'intoId' });
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, true);
    const item = await itemOfPlan(trx, actor, planId, itemId);
    const into = await itemOfPlan(trx, actor, planId, input.intoId).catch(() => {
      throw new AppError('validation_failed', ERRORS.item.mergeOutside, {
        field: 'intoId',
      });
    });
    if (item.version !== input.version) throw versionConflict('item');
    const tree = buildTree(await listItems(trx, actor.tenantId, planId));
    const node = tree.byId.get(itemId);
    const intoNode = tree.byId.get(into.id);
    if (!node || !intoNode) throw notFound('item');
    if (subtreeIds(node).includes(into.id))
      throw new AppError('validation_failed', ERRORS.item.mergeDescendant, {
        field: 'intoId',
      });
    await assertNoReports(trx, actor.tenantId, [itemId]);

    const merged = await updateItemAtVersion(trx, actor.tenantId, into.id, input.intoVersion, {
      text: [into.text, item.text].filter((t) => t.length > 0).join('\n'),
    });
    if (!merged) throw versionConflict('mergedItem');
    const children = [...intoNode.children, ...node.children];
    await renumber(trx, actor.tenantId, children, into.id, Math.min(into.level + 1, 20));
    for (const child of node.children)
      await relevel(trx, actor.tenantId, child, Math.min(into.level + 1, 20));
    await moveAssignments(trx, actor.tenantId, itemId, into.id);
    await reassignTargets(
      trx,
      actor.tenantId,
      itemId,
      into.id,
      (await listItemTargets(trx, actor.tenantId, into.id)).length,
    );
    await deleteItem(trx, actor.tenantId, itemId);
    const oldSiblings = (
      (item.parent_id ? tree.byId.get(item.parent_id)?.children : tree.roots) ?? []
    ).filter((s) => s.item.id !== itemId);
    await renumber(trx, actor.tenantId, oldSiblings, item.parent_id, item.level);
    await appendAudit(
      trx,
      audit(
        deps,
        actor,
        'item.merge',
        itemId,
        { title: item.title, text: item.text },
        { mergedInto: into.id },
      ),
    );
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

export async function removeItem(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  version: number,
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, true);
    const item = await itemOfPlan(trx, actor, planId, itemId);
    if (item.version !== version) throw versionConflict('item');
    const tree = buildTree(await listItems(trx, actor.tenantId, planId));
    const node = tree.byId.get(itemId);
    if (!node) throw notFound('item');
    const removed = subtreeIds(node);
    await assertNoReports(trx, actor.tenantId, removed);
    await deleteItem(trx, actor.tenantId, itemId);
    const siblings = ((item.parent_id ? tree.byId.get(item.parent_id)?.children : tree.roots) ?? []).filter(
      (s) => s.item.id !== itemId,
    );
    await renumber(trx, actor.tenantId, siblings, item.parent_id, item.level);
    await appendAudit(
      trx,
      audit(
        deps,
        actor,
        'item.delete',
        itemId,
        { title: item.title, number: item.number, descendants: removed.length - 1 },
        null,
      ),
    );
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

/** Replaces an item's own assignments; only the unmatched names listed in `settles` are dropped. */
export async function setAssignments(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  input: {
    version: number;
    assignments: { unitId: string; role: AssignmentRole }[];
    settles?: string[];
  },
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  const unitIds = input.assignments.map((a) => a.unitId);
  if (new Set(unitIds).size !== unitIds.length) {
    throw new AppError('validation_failed', 'A unit can be assigned only once per item', {
      field: 'assignments',
    });
  }
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, false);
    await itemOfPlan(trx, actor, planId, itemId);
    if ((await findUnitsByIds(trx, actor.tenantId, unitIds)).length !== unitIds.length) {
      throw new AppError('validation_failed', ERRORS.unit.unknown, { field: 'assignments' });
    }
    const before = await listItemAssignments(trx, actor.tenantId, itemId);
    if (!(await updateItemAtVersion(trx, actor.tenantId, itemId, input.version, {})))
      throw versionConflict('item');
    await deleteItemAssignments(trx, actor.tenantId, itemId);
    await insertAssignments(
      trx,
      actor.tenantId,
      input.assignments.map((a) => ({ ...a, itemId })),
    );
    // Other printed names on the item (a lead the commission has not set up yet) stay unmatched.
    await deleteUnmatchedNames(
      trx,
      actor.tenantId,
      (input.settles ?? []).map((name) => ({ itemId, name })),
    );
    await appendAudit(
      trx,
      audit(
        deps,
        actor,
        'item.assignments',
        itemId,
        before.map((a) => ({ unitId: a.unitId, role: a.role })),
        input.assignments,
      ),
    );
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

/** True when the item or one of its ancestors is a task (a new item there is a step, not a task). */
function underTask(tree: PlanTree, parentId: string | null): boolean {
  for (let id = parentId; id;) {
    const node = tree.byId.get(id);
    if (!node) return false;
    if (node.item.is_task) return true;
    id = node.item.parent_id;
  }
  return false;
}

/**
 * Splits an item's own text in two at `offset` (a sentence end 。；; or before 一是/二是…): the item keeps
 * the first part, a new sibling right after it takes the second, with spans into the plan's text, the
 * same units (and unmatched names), the targets printed in its part and the item's task flag. The
 * siblings are renumbered. One transaction.
 */
export async function splitItem(
  deps: Deps,
  actor: Actor,
  planId: string,
  itemId: string,
  input: { version: number; offset: number },
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    await editablePlan(trx, actor, planId, true);
    const item = await itemOfPlan(trx, actor, planId, itemId);
    if (item.version !== input.version) throw versionConflict('item');
    const source = await findPlanSource(trx, actor.tenantId, planId);
    const outcome = splitItemText(
      {
        text: item.text,
        title: item.title,
        sourceStart: item.source_start,
        sourceEnd: item.source_end,
        planText: source?.text ?? null,
      },
      input.offset,
    );
    if (!outcome.ok) {
      throw new AppError(
        'validation_failed',
        outcome.reason === 'not_a_boundary' ? ERRORS.item.splitBoundary : ERRORS.item.splitEmpty,
        { field: 'offset', details: { reason: outcome.reason } },
      );
    }
    const { first, second } = outcome;
    const kept = await updateItemAtVersion(trx, actor.tenantId, itemId, input.version, {
      text: first.text,
      title: first.title.slice(0, 500),
      ...(first.source ? { source_start: first.source.start, source_end: first.source.end } : {}),
    });
    if (!kept) throw versionConflict('item');

    const newId = randomUUID();
    await insertItems(trx, [
      {
        tenant_id: actor.tenantId,
        id: newId,
        plan_id: planId,
        parent_id: item.parent_id,
        position: item.position + 1,
        number: '',
        level: item.level,
        title: second.title.slice(0, 500) || item.title,
        text: second.text,
        is_task: item.is_task,
        deadline: item.deadline,
        deadline_text: item.deadline_text,
        source_start: second.source?.start ?? null,
        source_end: second.source?.end ?? null,
      },
    ]);
    const assignments = await listItemAssignments(trx, actor.tenantId, itemId);
    await insertAssignments(
      trx,
      actor.tenantId,
      assignments.map((a) => ({ itemId: newId, unitId: a.unitId, role: a.role })),
    );
    const unmatched = (await listPlanUnmatched(trx, actor.tenantId, planId)).filter(
      (u) => u.itemId === itemId,
    );
    await insertUnmatched(
      trx,
      actor.tenantId,
      unmatched.map((u) => ({ ...u, itemId: newId })),
    );
    const movedTargets = second.source
      ? await moveTargetsFromOffset(trx, actor.tenantId, itemId, newId, second.source.start)
      : 0;

    const tree = buildTree(await listItems(trx, actor.tenantId, planId));
    const siblings = (item.parent_id ? tree.byId.get(item.parent_id)?.children : tree.roots) ?? [];
    const ordered = [...siblings].sort(
      (a, b) =>
        a.item.position - b.item.position ||
        (a.item.id === itemId ? -1 : b.item.id === itemId ? 1 : a.item.id === newId ? -1 : 1),
    );
    await renumber(trx, actor.tenantId, ordered, item.parent_id, item.level);
    await appendAudit(
      trx,
      audit(
        deps,
        actor,
        'item.split',
        itemId,
        { text: item.text, source: [item.source_start, item.source_end] },
        {
          offset: input.offset,
          newItemId: newId,
          first: first.source,
          second: second.source,
          movedTargets,
        },
      ),
    );
    return finishPlanEdit(trx, deps, actor, planId);
  });
}

/**
 * Adds an item the planner types: a child of `parentId` (last) or a sibling right after `afterId`.
 * It is a task unless it sits below one; the sibling list is renumbered. One transaction.
 */
export async function addItem(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: {
    planVersion: number;
    id?: string | undefined;
    title: string;
    text?: string;
    placement: { parentId: string | null } | { afterId: string };
  },
): Promise<PlanDetail> {
  authorizeItem(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const plan = await editablePlan(trx, actor, planId, true);
    const tree = buildTree(await listItems(trx, actor.tenantId, planId));
    // A retry of an add that went through changes nothing.
    if (input.id && tree.byId.has(input.id)) return loadPlanDetail(trx, plan);
    if (plan.version !== input.planVersion) throw versionConflict('plan');
    let parentId: string | null;
    let position: number;
    if ('afterId' in input.placement) {
      const after = tree.byId.get(input.placement.afterId);
      if (!after)
        throw new AppError('validation_failed', ERRORS.item.afterOutside, {
          field: 'placement.afterId',
        });
      parentId = after.item.parent_id;
      position = after.item.position + 1;
    } else {
      parentId = input.placement.parentId;
      const parent = parentId ? tree.byId.get(parentId) : null;
      if (parentId && !parent)
        throw new AppError('validation_failed', ERRORS.item.parentNotInPlan, {
          field: 'placement.parentId',
        });
      position = (parent ? parent.children : tree.roots).length;
    }
    const parent = parentId ? tree.byId.get(parentId) : undefined;
    const level = parent ? Math.min(parent.item.level + 1, 20) : 1;
    const newId = input.id ?? randomUUID();
    await insertItems(trx, [
      {
        tenant_id: actor.tenantId,
        id: newId,
        plan_id: planId,
        parent_id: parentId,
        position,
        number: '',
        level,
        title: input.title,
        text: input.text ?? input.title,
        is_task: !underTask(tree, parentId),
        deadline: null,
        deadline_text: null,
        source_start: null,
        source_end: null,
      },
    ]);
    const fresh = buildTree(await listItems(trx, actor.tenantId, planId));
    const siblings = [...((parentId ? fresh.byId.get(parentId)?.children : fresh.roots) ?? [])].sort(
      (a, b) => a.item.position - b.item.position || (a.item.id === newId ? -1 : b.item.id === newId ? 1 : 0),
    );
    await renumber(trx, actor.tenantId, siblings, parentId, level);
    await appendAudit(
      trx,
      audit(deps, actor, 'item.add', newId, null, { title: input.title, parentId, position }),
    );
    return finishPlanEdit(trx, deps, actor, planId);
  });
}
