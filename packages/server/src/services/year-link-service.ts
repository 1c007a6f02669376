import type { TargetHistory, TargetHistoryEntry, UnfinishedTaskDto, YearLinkList } from '@yaodian/core';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database.js';
import type { AssignmentRole, TargetRow } from '../db/schema.js';
import { renumberSiblings } from '../domain/numbering.js';
import { effectiveAssignments, taskNodes, type PlanTree } from '../domain/plan-tree.js';
import { proposeLinks, type YearTask } from '../domain/year-over-year/match-plans.js';
import { CARRIED_SECTION_TITLE } from '../domain/year-over-year/rules.js';
import { shiftDeadline } from '../domain/year-over-year/shift-deadline.js';
import { AppError, notFound, versionConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeYearLinks } from '../policies/year-links.js';
import { presentYearLink, type PlanSide } from '../presenters/year-link-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { insertAssignments } from '../repositories/assignment-repository.js';
import { insertItems } from '../repositories/item-repository.js';
import { findPlan, touchPlan, type PlanHeader } from '../repositories/plan-repository.js';
import { insertTargets } from '../repositories/target-repository.js';
import { listTaskStatuses } from '../repositories/task-status-repository.js';
import {
  confirmedPredecessor,
  decideYearLink,
  deleteProposedLinks,
  deleteRejectedLinksTo,
  findTargetYear,
  findYearLinks,
  insertYearLinks,
  latestAcceptedActual,
  listEarlierPlans,
  listLinkTargets,
  listPlanTargetYearLinks,
  listPlanYearLinks,
  takeBaseline,
  type NewYearLink,
} from '../repositories/year-link-repository.js';
import type { Deps } from './deps.js';
import { editablePlan, loadPlanParts, visiblePlan } from './plan-loader.js';
import { markPlan, markTasks, statusWrite } from './status-tracking.js';
import { COMMON_ERRORS, ERRORS } from '../messaging/error-messages.js';

/*
 * Year over year (issue 10, part 3): the matcher (domain/year-over-year) proposes links from this plan's
 * tasks to an earlier published plan's; the planner confirms or rejects them; confirming a target link
 * gives a target without a baseline last year's latest accepted actual; unfinished tasks are carried
 * forward into a draft on request; a target's history follows confirmed links back through the years.
 */

/** A task's history is followed back at most this many years (a guard against a cycle in bad data). */
const HISTORY_YEARS_MAX = 30;

interface LoadedPlan {
  side: PlanSide;
  tree: PlanTree;
  leadIds: Map<string, string[]>;
  targetsByItem: Map<string, TargetRow[]>;
  /** Each item's effective units (its own, or its nearest assigned ancestor's). */
  units: Map<string, { unitId: string; role: AssignmentRole }[]>;
}

async function loadPlan(db: Executor, plan: PlanHeader): Promise<LoadedPlan> {
  const parts = await loadPlanParts(db, plan);
  const unitName = new Map(parts.units.map((u) => [u.id, u.name]));
  const effective = effectiveAssignments(parts.tree, parts.assignments);
  const leadIds = new Map<string, string[]>();
  const leadNames = new Map<string, string[]>();
  for (const [itemId, e] of effective) {
    const ids = e.assignments.filter((a) => a.role === 'lead').map((a) => a.unitId);
    leadIds.set(itemId, ids);
    leadNames.set(
      itemId,
      ids.map((id) => unitName.get(id) ?? ''),
    );
  }
  const targetsByItem = new Map<string, TargetRow[]>();
  for (const t of parts.targets) targetsByItem.set(t.item_id, [...(targetsByItem.get(t.item_id) ?? []), t]);
  return {
    side: { tree: parts.tree, targets: new Map(parts.targets.map((t) => [t.id, t])), leadNames },
    tree: parts.tree,
    leadIds,
    targetsByItem,
    units: new Map([...effective].map(([id, e]) => [id, e.assignments])),
  };
}

/** The matcher's view of a plan's tasks. */
function yearTasks(loaded: LoadedPlan): YearTask[] {
  return taskNodes(loaded.tree).map((node) => ({
    id: node.item.id,
    title: node.item.title,
    section: node.section.id === node.item.id ? [] : [node.section.title],
    leads: loaded.leadIds.get(node.item.id) ?? [],
    targets: (loaded.targetsByItem.get(node.item.id) ?? []).map((t) => ({
      id: t.id,
      metric: t.metric,
      unit: t.unit,
    })),
  }));
}

/** An earlier published (or archived) plan of the same commission; otherwise the request is refused. */
async function earlierPlan(
  db: Executor,
  actor: Actor,
  plan: PlanHeader,
  previousPlanId: string,
): Promise<PlanHeader> {
  const previous = await findPlan(db, actor.tenantId, previousPlanId);
  if (!previous) throw notFound('previousPlan');
  if (previous.status === 'draft' || previous.year >= plan.year || previous.id === plan.id)
    throw new AppError('validation_failed', ERRORS.yearLink.earlierPublishedOnly, {
      field: 'previousPlanId',
    });
  return previous;
}

async function unfinishedTasks(
  db: Executor,
  actor: Actor,
  previous: PlanHeader,
  loaded: LoadedPlan,
  linkedPreviousIds: ReadonlySet<string>,
): Promise<UnfinishedTaskDto[]> {
  const statuses = new Map(
    (await listTaskStatuses(db, actor.tenantId, previous.id)).map((s) => [s.item_id, s.status]),
  );
  return taskNodes(loaded.tree)
    .filter((node) => statuses.get(node.item.id) !== 'done' && !linkedPreviousIds.has(node.item.id))
    .map((node) => ({
      itemId: node.item.id,
      number: node.item.number,
      title: node.item.title,
      status: statuses.get(node.item.id) ?? 'not_started',
      leadUnits: loaded.side.leadNames.get(node.item.id) ?? [],
    }));
}

async function linkList(
  db: Executor,
  actor: Actor,
  plan: PlanHeader,
  previousPlanId: string | undefined,
): Promise<YearLinkList> {
  const [links, targetLinks, candidates] = await Promise.all([
    listPlanYearLinks(db, actor.tenantId, plan.id),
    listPlanTargetYearLinks(db, actor.tenantId, plan.id),
    listEarlierPlans(db, actor.tenantId, plan.year),
  ]);
  const chosenId = previousPlanId ?? links[0]?.previous_plan_id;
  const previous = chosenId ? await earlierPlan(db, actor, plan, chosenId) : undefined;
  if (!previous) return { planId: plan.id, previousPlan: null, links: [], unfinished: [], candidates };
  const [current, before] = await Promise.all([loadPlan(db, plan), loadPlan(db, previous)]);
  const shown = links.filter((l) => l.previous_plan_id === previous.id);
  const byLink = new Map<string, typeof targetLinks>();
  for (const t of targetLinks) byLink.set(t.link_id, [...(byLink.get(t.link_id) ?? []), t]);
  const linkedPrevious = new Set(shown.filter((l) => l.status !== 'rejected').map((l) => l.previous_item_id));
  return {
    planId: plan.id,
    previousPlan: { id: previous.id, title: previous.title, year: previous.year },
    links: shown.map((l) => presentYearLink(l, byLink.get(l.id) ?? [], current.side, before.side)),
    unfinished: await unfinishedTasks(db, actor, previous, before, linkedPrevious),
    candidates,
  };
}

export async function yearLinks(
  deps: Deps,
  actor: Actor,
  planId: string,
  previousPlanId: string | undefined,
): Promise<YearLinkList> {
  authorizeYearLinks(actor, 'read');
  const plan = await visiblePlan(deps.db, actor, planId);
  return linkList(deps.db, actor, plan, previousPlanId);
}

/**
 * Proposes links to `previousPlanId`'s tasks: undecided proposals are replaced; decided links (confirmed,
 * rejected, carried) stay, and neither side of them is proposed again. Re-running gives the same answer.
 */
export async function proposeYearLinks(
  deps: Deps,
  actor: Actor,
  planId: string,
  previousPlanId: string,
): Promise<YearLinkList> {
  authorizeYearLinks(actor, 'edit');
  return deps.db.transaction().execute(async (trx) => {
    const plan = await editablePlan(trx, actor, planId, false);
    const previous = await earlierPlan(trx, actor, plan, previousPlanId);
    await deleteProposedLinks(trx, actor.tenantId, plan.id);
    const decided = await listPlanYearLinks(trx, actor.tenantId, plan.id);
    const takenCurrent = new Set(decided.map((l) => l.item_id));
    const takenPrevious = new Set(
      decided.filter((l) => l.previous_plan_id === previous.id).map((l) => l.previous_item_id),
    );
    const [current, before] = await Promise.all([loadPlan(trx, plan), loadPlan(trx, previous)]);
    const proposals = proposeLinks(
      yearTasks(before).filter((t) => !takenPrevious.has(t.id)),
      yearTasks(current).filter((t) => !takenCurrent.has(t.id)),
    );
    const now = deps.clock.now();
    const rows: NewYearLink[] = proposals.map((p) => ({
      id: randomUUID(),
      planId: plan.id,
      itemId: p.currentId,
      previousPlanId: previous.id,
      previousItemId: p.previousId,
      origin: 'matched',
      score: p.score,
      reasons: p.reasons,
      confirmedBy: null,
      targets: p.targets,
    }));
    await insertYearLinks(trx, actor.tenantId, rows, now);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'year_links.propose',
      entity: 'plan',
      entityId: plan.id,
      before: { decided: decided.length },
      after: { previousPlanId: previous.id, proposed: rows.length },
      at: now,
    });
    return linkList(trx, actor, plan, previous.id);
  });
}

/** Gives each confirmed link's targets last year's latest accepted actual as baseline where they have none. */
async function takeBaselines(db: Executor, tenantId: string, linkId: string, now: Date): Promise<string[]> {
  const changed: string[] = [];
  for (const t of await listLinkTargets(db, tenantId, linkId)) {
    const actual = await latestAcceptedActual(db, tenantId, t.previous_target_id);
    if (actual && (await takeBaseline(db, tenantId, t.target_id, actual, now))) changed.push(t.target_id);
  }
  return changed;
}

/** Confirms or rejects links at the versions read, all or none (one transaction). */
export async function decideYearLinks(
  deps: Deps,
  actor: Actor,
  planId: string,
  decisions: readonly { id: string; version: number; status: 'confirmed' | 'rejected' }[],
): Promise<YearLinkList> {
  authorizeYearLinks(actor, 'edit');
  const ids = new Set(decisions.map((d) => d.id));
  if (ids.size !== decisions.length)
    throw new AppError('validation_failed', ERRORS.yearLink.decidedOnce, {
      field: 'decisions',
    });
  return statusWrite(deps, async (trx) => {
    const plan = await editablePlan(trx, actor, planId, false);
    const before = new Map(
      (await findYearLinks(trx, actor.tenantId, plan.id, [...ids])).map((l) => [l.id, l]),
    );
    const now = deps.clock.now();
    const baselines: string[] = [];
    for (const [index, decision] of decisions.entries()) {
      const link = before.get(decision.id);
      if (!link)
        throw new AppError('not_found', COMMON_ERRORS.notFound('yearLink'), {
          field: `decisions.${String(index)}.id`,
        });
      const after = await decideYearLink(trx, actor.tenantId, plan.id, decision, actor.userId, now);
      if (!after) throw versionConflict('yearLink');
      if (after.status === 'confirmed')
        baselines.push(...(await takeBaselines(trx, actor.tenantId, after.id, now)));
    }
    if (baselines.length > 0) {
      const items = await Promise.all(baselines.map((id) => linkedItemOfTarget(trx, actor.tenantId, id)));
      markTasks(
        trx,
        actor.tenantId,
        plan.id,
        items.flatMap((i) => (i ? [i] : [])),
      );
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'year_links.decide',
      entity: 'plan',
      entityId: plan.id,
      before: decisions.map((d) => ({ id: d.id, status: before.get(d.id)?.status ?? null })),
      after: { decisions: decisions.map((d) => ({ id: d.id, status: d.status })), baselines },
      at: now,
    });
    return linkList(trx, actor, plan, undefined);
  });
}

async function linkedItemOfTarget(
  db: Executor,
  tenantId: string,
  targetId: string,
): Promise<string | undefined> {
  return (await findTargetYear(db, tenantId, targetId))?.itemId;
}

/**
 * Copies last year's unfinished tasks into the draft, under a section of their own at the end: title,
 * text, units and targets (deadlines moved on by the years between), each linked (confirmed, 'carried')
 * to its original, whose accepted actuals become the targets' baselines. A task already linked to this
 * plan is not copied again, so repeating the request changes nothing.
 */
export async function carryForward(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: { previousPlanId: string; itemIds?: readonly string[] | undefined },
): Promise<YearLinkList & { carried: number }> {
  authorizeYearLinks(actor, 'edit');
  return statusWrite(deps, async (trx) => {
    const plan = await editablePlan(trx, actor, planId, true);
    const previous = await earlierPlan(trx, actor, plan, input.previousPlanId);
    const before = await loadPlan(trx, previous);
    const links = await listPlanYearLinks(trx, actor.tenantId, plan.id);
    const linked = new Set(links.filter((l) => l.status !== 'rejected').map((l) => l.previous_item_id));
    const unfinished = await unfinishedTasks(trx, actor, previous, before, linked);
    const open = new Set(unfinished.map((u) => u.itemId));
    const wanted = input.itemIds ? [...new Set(input.itemIds)] : unfinished.map((u) => u.itemId);
    const stray = wanted.findIndex((id) => !open.has(id) && !linked.has(id));
    if (stray >= 0)
      throw new AppError('validation_failed', ERRORS.yearLink.notUnfinished, {
        field: `itemIds.${String(stray)}`,
      });
    const toCarry = wanted.filter((id) => open.has(id));
    const now = deps.clock.now();
    if (toCarry.length > 0) {
      await deleteRejectedLinksTo(trx, actor.tenantId, plan.id, toCarry);
      await copyTasks(trx, actor, plan, previous, before, toCarry, now);
      await touchPlan(trx, actor.tenantId, plan.id, now);
      markPlan(trx, actor.tenantId, plan.id);
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'year_links.carry_forward',
        entity: 'plan',
        entityId: plan.id,
        before: null,
        after: { previousPlanId: previous.id, items: toCarry },
        at: now,
      });
    }
    return { ...(await linkList(trx, actor, plan, previous.id)), carried: toCarry.length };
  });
}

async function copyTasks(
  trx: Executor,
  actor: Actor,
  plan: PlanHeader,
  previous: PlanHeader,
  before: LoadedPlan,
  itemIds: readonly string[],
  now: Date,
): Promise<void> {
  const current = await loadPlanParts(trx, plan);
  const years = plan.year - previous.year;
  // The section carried tasks go under: the one made by an earlier carry, else a new last section.
  let section = current.tree.roots.find((r) => !r.item.is_task && r.item.title === CARRIED_SECTION_TITLE)
    ?.item.id;
  if (!section) {
    section = randomUUID();
    await insertItems(trx, [
      {
        tenant_id: actor.tenantId,
        id: section,
        plan_id: plan.id,
        parent_id: null,
        position: current.tree.roots.length,
        // Numbered as the plan numbers its sections (一、二、… → the next one), if it does.
        number: renumberSiblings([...current.tree.roots.map((r) => r.item.number), '']).at(-1) ?? '',
        level: 1,
        title: CARRIED_SECTION_TITLE,
        text: CARRIED_SECTION_TITLE,
        is_task: false,
        deadline: null,
        deadline_text: null,
        source_start: null,
        source_end: null,
      },
    ]);
  }
  const already = current.tree.byId.get(section)?.children.length ?? 0;
  const links: NewYearLink[] = [];
  for (const [offset, previousItemId] of itemIds.entries()) {
    const original = before.tree.byId.get(previousItemId)?.item;
    if (!original) continue;
    const id = randomUUID();
    await insertItems(trx, [
      {
        tenant_id: actor.tenantId,
        id,
        plan_id: plan.id,
        parent_id: section,
        position: already + offset,
        number: `${String(already + offset + 1)}.`,
        level: 2,
        title: original.title,
        text: original.text,
        is_task: true,
        deadline: shiftDeadline(original.deadline, years),
        deadline_text: original.deadline_text,
        source_start: null,
        source_end: null,
      },
    ]);
    // The effective units (a task may inherit its section's), as the task's own.
    const units = before.units.get(previousItemId) ?? [];
    if (units.length > 0)
      await insertAssignments(
        trx,
        actor.tenantId,
        units.map((a) => ({ itemId: id, unitId: a.unitId, role: a.role })),
      );
    const targets = before.targetsByItem.get(previousItemId) ?? [];
    const copies = await insertTargets(
      trx,
      targets.map((t) => ({
        tenant_id: actor.tenantId,
        item_id: id,
        position: t.position,
        metric: t.metric,
        op: t.op,
        value: t.value,
        lo: t.lo,
        hi: t.hi,
        unit: t.unit,
        basis: t.basis,
        direction: t.direction,
        baseline: null,
        deadline: shiftDeadline(t.deadline, years),
        deadline_text: t.deadline_text,
        text: t.text,
        source_start: null,
        source_end: null,
      })),
    );
    links.push({
      id: randomUUID(),
      planId: plan.id,
      itemId: id,
      previousPlanId: previous.id,
      previousItemId,
      origin: 'carried',
      score: 1,
      reasons: [],
      confirmedBy: actor.userId,
      targets: copies.map((copy, i) => ({
        targetId: copy.id,
        previousTargetId: targets[i]?.id ?? '',
        score: 1,
      })),
    });
  }
  await insertYearLinks(trx, actor.tenantId, links, now);
  for (const link of links) await takeBaselines(trx, actor.tenantId, link.id, now);
}

/** A target's metric back through the years: this target, then each confirmed predecessor's. */
export async function targetHistory(deps: Deps, actor: Actor, targetId: string): Promise<TargetHistory> {
  authorizeYearLinks(actor, 'history');
  const first = await findTargetYear(deps.db, actor.tenantId, targetId);
  if (!first) throw notFound('target');
  await visiblePlan(deps.db, actor, first.planId);
  const years: TargetHistoryEntry[] = [];
  const seen = new Set<string>();
  let next: string | undefined = targetId;
  while (next && !seen.has(next) && years.length < HISTORY_YEARS_MAX) {
    seen.add(next);
    const year = next === targetId ? first : await findTargetYear(deps.db, actor.tenantId, next);
    if (!year) break;
    const actual = await latestAcceptedActual(deps.db, actor.tenantId, year.targetId);
    years.push({
      planId: year.planId,
      planTitle: year.planTitle,
      year: year.year,
      targetId: year.targetId,
      itemTitle: year.itemTitle,
      metric: year.metric,
      unit: year.unit,
      op: year.op,
      value: year.value,
      baseline: year.baseline,
      actual: actual?.value ?? null,
      actualPeriod: actual?.periodLabel ?? null,
    });
    next = await confirmedPredecessor(deps.db, actor.tenantId, year.targetId);
  }
  return { targetId, years };
}
