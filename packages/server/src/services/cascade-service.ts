import { randomUUID } from 'node:crypto';
import type {
  CascadeInbox,
  CascadePreview,
  CascadePushResult,
  InboxEntry,
  PushCascadeRequest,
} from '@yaodian/core';
import type { Executor } from '../db/database.js';
import type { NewTarget, TargetRow } from '../db/schema.js';
import { askFingerprint, diffAsk, type CityAsk } from '../domain/cascade/ask.js';
import { AppError, notFound } from '../errors/app-error.js';
import { scheduleReminders } from '../jobs/reminder-jobs.js';
import { scheduleDailyStatus } from '../jobs/task-status-jobs.js';
import { CASCADE_ERRORS, CASCADE_WORDS } from '../messaging/cascade-messages.js';
import type { Actor } from '../policies/actor.js';
import { authorizeCascade, isParentOf } from '../policies/cascade.js';
import { askOf, storedAsk } from '../presenters/cascade-presenter.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  deleteTargetLink,
  findCascadePlan,
  findCountyPlanOwner,
  findLink,
  insertCascadePlan,
  insertLink,
  insertTargetLinks,
  listLinks,
  listLinksOfCityPlan,
  listPublishedTasks,
  listTargetLinks,
  lockCascadePlan,
  markPlanPublished,
  nextTopPosition,
  updateCopiedItem,
  updateCopiedTarget,
  updateLinkAccepted,
  type LinkRow,
} from '../repositories/cascade-repository.js';
import { findItem, insertItems, listItems } from '../repositories/item-repository.js';
import { findPlan, insertPlan, type PlanHeader } from '../repositories/plan-repository.js';
import { insertPeriods, listPeriods } from '../repositories/period-repository.js';
import { insertTargets, listItemTargets } from '../repositories/target-repository.js';
import { findTenant, type TenantRow } from '../repositories/tenant-repository.js';
import { countiesOf, cityTargetsAndQuotas, qualifyingTasks } from './cascade-scope.js';
import type { Deps } from './deps.js';
import { markPlan, markTasks, statusWrite } from './status-tracking.js';

/*
 * The city-to-county cascade (issue 10), the named paths across commissions:
 *   push     the city's rows (read with the city's id) → the county's rows (written with the county's id),
 *            one transaction per county, audited in both commissions;
 *   inbox    the county's link rows → the city's task as it is now (read with the city's id), audited;
 *   accept   the city's current task → the county's copy, audited in both;
 *   link     a county's own task ↔ a task of its parent's published plan.
 * The other commission is always the actor's parent or direct child, found from the actor's own tenant row
 * and the link rows in the actor's tenant, never from an id in the request.
 */

async function cityPlanOf(db: Executor, actor: Actor, planId: string): Promise<PlanHeader> {
  const plan = await findPlan(db, actor.tenantId, planId);
  if (!plan) throw notFound('plan');
  return plan;
}

/** Which tasks of the city plan go to which counties, and which went already. */
export async function cascadePreview(deps: Deps, actor: Actor, planId: string): Promise<CascadePreview> {
  authorizeCascade(actor, 'manage');
  await cityPlanOf(deps.db, actor, planId);
  const counties = await countiesOf(deps.db, actor.tenantId);
  const tasks = await qualifyingTasks(deps.db, actor.tenantId, planId, counties);
  const pushed = new Set<string>();
  for (const county of counties)
    for (const link of await listLinksOfCityPlan(deps.db, county.id, actor.tenantId, planId))
      pushed.add(`${county.id} ${link.city_item}`);
  const { targetsByItem } = await cityTargetsAndQuotas(deps.db, actor.tenantId, planId);
  const name = new Map(counties.map((c) => [c.id, c.name]));
  return {
    planId,
    counties: counties.map((c) => ({ tenantId: c.id, name: c.name })),
    tasks: tasks.map((t) => ({
      itemId: t.item.id,
      number: t.item.number,
      title: t.item.title,
      via: t.via,
      targets: targetsByItem.get(t.item.id)?.length ?? 0,
      counties: t.countyIds.map((id) => ({
        tenantId: id,
        name: name.get(id) ?? '',
        pushed: pushed.has(`${id} ${t.item.id}`),
      })),
    })),
  };
}

function copyTargets(
  countyTenant: string,
  itemId: string,
  ask: CityAsk,
  cityTargets: readonly TargetRow[],
  from = 0,
): { rows: NewTarget[]; cityOf: Map<string, string> } {
  const byId = new Map(cityTargets.map((t) => [t.id, t]));
  const cityOf = new Map<string, string>();
  const rows = ask.targets.map((a, i): NewTarget => {
    const id = randomUUID();
    cityOf.set(id, a.cityTarget);
    const city = byId.get(a.cityTarget);
    return {
      tenant_id: countyTenant,
      id,
      item_id: itemId,
      position: from + i,
      metric: a.metric,
      op: a.op,
      value: a.value,
      lo: a.lo,
      hi: a.hi,
      unit: a.unit,
      basis: city?.basis ?? 'level',
      direction: city?.direction ?? 'higher',
      baseline: city?.baseline ?? null,
      deadline: a.deadline,
      deadline_text: a.deadlineText,
      text: a.text,
      source_start: null,
      source_end: null,
    };
  });
  return { rows, cityOf };
}

/** The county's plan receiving this city plan: found, or created published with the city's periods. */
async function receivingPlan(
  trx: Executor,
  deps: Deps,
  city: TenantRow,
  cityPlan: PlanHeader,
  county: TenantRow,
): Promise<{ planId: string; created: boolean }> {
  const found = await findCascadePlan(trx, county.id, city.id, cityPlan.id);
  if (found) return { planId: found.plan_id, created: false };
  const createdBy = await findCountyPlanOwner(trx, county.id);
  if (!createdBy) throw new AppError('state_conflict', CASCADE_ERRORS.noCountyAdmin(county.name));
  const now = deps.clock.now();
  const plan = await insertPlan(trx, {
    tenantId: county.id,
    title: CASCADE_WORDS.countyPlanTitle(cityPlan.title, city.name),
    year: cityPlan.year,
    sourceFileName: null,
    sourceBytes: null,
    sourceSha256: null,
    sourceFormat: null,
    text: '',
    meta: { title: cityPlan.title, year: cityPlan.year, cascadedFrom: city.name },
    aliases: [],
    warnings: [],
    createdBy,
    at: now,
  });
  await markPlanPublished(trx, county.id, plan.id, now);
  const periods = await listPeriods(trx, city.id, cityPlan.id);
  await insertPeriods(
    trx,
    county.id,
    plan.id,
    periods.map((p) => ({
      kind: p.kind,
      label: p.label,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      dueOn: p.due_on,
    })),
  );
  await insertCascadePlan(trx, {
    countyTenant: county.id,
    planId: plan.id,
    cityTenant: city.id,
    cityPlan: cityPlan.id,
    at: now,
  });
  await scheduleDailyStatus(trx, county.id, plan.id, now);
  await scheduleReminders(trx, county.id, now);
  return { planId: plan.id, created: true };
}

/**
 * Pushes the qualifying tasks (or the chosen ones) to their counties: one transaction per county, so one
 * county's failure leaves the others pushed; idempotent, a task already in the county is never copied again
 * (the county's receiving plan row is locked while its links are read and written).
 */
export async function pushCascade(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: PushCascadeRequest,
): Promise<CascadePushResult> {
  authorizeCascade(actor, 'manage');
  const cityPlan = await cityPlanOf(deps.db, actor, planId);
  if (cityPlan.status !== 'published') throw new AppError('state_conflict', CASCADE_ERRORS.planNotPublished);
  const city = await findTenant(deps.db, actor.tenantId);
  if (!city) throw notFound('commission');
  const counties = await countiesOf(deps.db, city.id);
  const chosen = input.itemIds ? new Set(input.itemIds) : null;
  const tasks = (await qualifyingTasks(deps.db, city.id, planId, counties)).filter(
    (t) => !chosen || chosen.has(t.item.id),
  );
  if (tasks.length === 0) throw new AppError('validation_failed', CASCADE_ERRORS.nothingToPush);
  const result: CascadePushResult['counties'] = [];
  for (const county of counties) {
    const mine = tasks.filter((t) => t.countyIds.includes(county.id));
    if (mine.length === 0) continue;
    result.push(
      await statusWrite(deps, async (trx) => {
        const { planId: countyPlan } = await receivingPlan(trx, deps, city, cityPlan, county);
        // Serialises two pushes to one county: the second waits, then finds the links the first wrote.
        await lockCascadePlan(trx, county.id, countyPlan);
        const have = new Set(
          (await listLinksOfCityPlan(trx, county.id, city.id, cityPlan.id)).map((l) => l.city_item),
        );
        const { targetsByItem, quotaOf } = await cityTargetsAndQuotas(trx, city.id, cityPlan.id);
        let position = await nextTopPosition(trx, county.id, countyPlan);
        const now = deps.clock.now();
        const created: string[] = [];
        for (const task of mine) {
          if (have.has(task.item.id)) continue;
          const cityTargets = targetsByItem.get(task.item.id) ?? [];
          const ask = askOf(task.item, cityTargets, (id) => quotaOf(id, county.id));
          const itemId = randomUUID();
          await insertItems(trx, [
            {
              tenant_id: county.id,
              id: itemId,
              plan_id: countyPlan,
              parent_id: null,
              position: position++,
              number: task.item.number,
              level: 1,
              title: ask.title,
              text: ask.text,
              is_task: true,
              deadline: ask.deadline,
              deadline_text: ask.deadlineText,
              source_start: null,
              source_end: null,
            },
          ]);
          const link: LinkRow = {
            item_id: itemId,
            plan_id: countyPlan,
            city_tenant: city.id,
            city_plan: cityPlan.id,
            city_item: task.item.id,
            origin: 'pushed',
            accepted: ask,
          };
          await insertLink(trx, county.id, link, now);
          const { rows, cityOf } = copyTargets(county.id, itemId, ask, cityTargets);
          const inserted = await insertTargets(trx, rows);
          await insertTargetLinks(
            trx,
            county.id,
            city.id,
            inserted.map((t) => ({ target_id: t.id, item_id: itemId, city_target: cityOf.get(t.id) ?? '' })),
          );
          created.push(itemId);
        }
        if (created.length > 0) markPlan(trx, county.id, countyPlan);
        const after = { cityPlan: cityPlan.id, countyPlan, tasks: created.length };
        await appendAudit(trx, [
          {
            tenantId: city.id,
            actorId: actor.userId,
            action: 'cascade.push',
            entity: 'tenant',
            entityId: county.id,
            after,
            at: now,
          },
          // The county's own log says who above wrote into it (the actor is not the county's user).
          {
            tenantId: county.id,
            actorId: null,
            action: 'cascade.receive',
            entity: 'plan',
            entityId: countyPlan,
            after: { ...after, city: city.id, by: actor.userId },
            at: now,
          },
        ]);
        return {
          tenantId: county.id,
          name: county.name,
          planId: countyPlan,
          created: created.length,
          existing: mine.length - created.length,
        };
      }),
    );
  }
  return { counties: result };
}

type CityPlanAsks = Awaited<ReturnType<typeof cityTargetsAndQuotas>>;

/**
 * The city's task as it is now, asked of this county (undefined: the task or its plan is gone). `plans` keeps
 * each city plan's targets and quotas for the inbox, which asks for many tasks of the same plan.
 */
async function currentAsk(
  db: Executor,
  countyTenant: string,
  link: LinkRow,
  plans = new Map<string, CityPlanAsks>(),
): Promise<CityAsk | undefined> {
  const item = await findItem(db, link.city_tenant, link.city_item);
  if (!item) return undefined;
  const key = `${link.city_tenant} ${link.city_plan}`;
  const known = plans.get(key) ?? (await cityTargetsAndQuotas(db, link.city_tenant, link.city_plan));
  plans.set(key, known);
  return askOf(item, known.targetsByItem.get(item.id) ?? [], (id) => known.quotaOf(id, countyTenant));
}

async function ownTenant(db: Executor, actor: Actor): Promise<TenantRow> {
  const tenant = await findTenant(db, actor.tenantId);
  if (!tenant) throw notFound('commission');
  return tenant;
}

/** 上级交办: what the city asked of this county, and each change the city made since the county accepted. */
export async function cascadeInbox(deps: Deps, actor: Actor): Promise<CascadeInbox> {
  authorizeCascade(actor, 'read');
  const answer = await inboxOf(deps.db, actor);
  if (answer.entries.length > 0)
    await appendAudit(deps.db, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'cascade.inbox.read',
      entity: 'tenant',
      entityId: actor.tenantId,
      after: { entries: answer.entries.length },
      at: deps.clock.now(),
    });
  return answer;
}

async function inboxOf(db: Executor, actor: Actor): Promise<CascadeInbox> {
  const own = await ownTenant(db, actor);
  const links = (await listLinks(db, actor.tenantId)).filter((l) => isParentOf(own, l.city_tenant));
  const parent = own.parent_id ? await findTenant(db, own.parent_id) : undefined;
  const numbers = new Map<string, string>();
  const place = new Map<string, number>();
  for (const planId of new Set(links.map((l) => l.plan_id)))
    for (const item of await listItems(db, actor.tenantId, planId)) {
      numbers.set(item.id, item.number);
      place.set(item.id, item.level * 1e6 + item.position);
    }
  // In each plan's order (the order the city's tasks were pushed in), not the order the rows were written.
  links.sort(
    (a, b) => a.plan_id.localeCompare(b.plan_id) || (place.get(a.item_id) ?? 0) - (place.get(b.item_id) ?? 0),
  );
  const entries: InboxEntry[] = [];
  const plans = new Map<string, CityPlanAsks>();
  for (const link of links) {
    const asked = storedAsk(link.accepted);
    const current = await currentAsk(db, actor.tenantId, link, plans);
    const changes = current ? diffAsk(asked, current) : [];
    entries.push({
      itemId: link.item_id,
      planId: link.plan_id,
      number: numbers.get(link.item_id) ?? '',
      city: parent?.name ?? '',
      origin: link.origin,
      asked,
      proposal:
        current && changes.length > 0
          ? { fingerprint: askFingerprint(current), changes, ask: current }
          : null,
    });
  }
  return { entries };
}

/**
 * Accepts the city's change to one task: the county's copy (title, text, deadline, targets) becomes what the
 * city asks now. The fingerprint names the proposal the county saw; a later city edit makes it stale (409).
 */
export async function acceptCascadeChange(
  deps: Deps,
  actor: Actor,
  itemId: string,
  fingerprint: string,
): Promise<CascadeInbox> {
  authorizeCascade(actor, 'manage');
  await statusWrite(deps, async (trx) => {
    const own = await ownTenant(trx, actor);
    const link = await findLink(trx, actor.tenantId, itemId);
    if (!link || !isParentOf(own, link.city_tenant)) throw notFound('task');
    const current = await currentAsk(trx, actor.tenantId, link);
    if (!current) throw new AppError('state_conflict', CASCADE_ERRORS.cityTaskGone);
    const accepted = storedAsk(link.accepted);
    const changes = diffAsk(accepted, current);
    if (changes.length === 0) throw new AppError('state_conflict', CASCADE_ERRORS.nothingToAccept);
    if (askFingerprint(current) !== fingerprint)
      throw new AppError('state_conflict', CASCADE_ERRORS.staleProposal);
    await updateCopiedItem(trx, actor.tenantId, itemId, {
      title: current.title,
      text: current.text,
      deadline: current.deadline,
      deadline_text: current.deadlineText,
    });
    const links = await listTargetLinks(trx, actor.tenantId, [itemId]);
    const countyOf = new Map(links.map((l) => [l.city_target, l.target_id]));
    const fresh = current.targets.filter((t) => !countyOf.has(t.cityTarget));
    for (const t of current.targets) {
      const target = countyOf.get(t.cityTarget);
      if (target)
        await updateCopiedTarget(trx, actor.tenantId, target, {
          metric: t.metric,
          op: t.op,
          value: t.value,
          lo: t.lo,
          hi: t.hi,
          unit: t.unit,
          deadline: t.deadline,
          deadline_text: t.deadlineText,
          text: t.text,
        });
    }
    if (fresh.length > 0) {
      const cityTargets = await listItemTargets(trx, link.city_tenant, link.city_item);
      const existing = await listItemTargets(trx, actor.tenantId, itemId);
      const { rows, cityOf } = copyTargets(
        actor.tenantId,
        itemId,
        { ...current, targets: fresh },
        cityTargets,
        existing.length,
      );
      const inserted = await insertTargets(trx, rows);
      await insertTargetLinks(
        trx,
        actor.tenantId,
        link.city_tenant,
        inserted.map((t) => ({ target_id: t.id, item_id: itemId, city_target: cityOf.get(t.id) ?? '' })),
      );
    }
    // A target the city dropped stays the county's own (its reports keep their figures) but no longer rolls up.
    const kept = new Set(current.targets.map((t) => t.cityTarget));
    for (const l of links)
      if (!kept.has(l.city_target)) await deleteTargetLink(trx, actor.tenantId, l.target_id);
    const now = deps.clock.now();
    await updateLinkAccepted(trx, actor.tenantId, itemId, current, now);
    markTasks(trx, actor.tenantId, link.plan_id, [itemId]);
    await appendAudit(trx, [
      {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'cascade.accept',
        entity: 'item',
        entityId: itemId,
        before: accepted,
        after: current,
        at: now,
      },
      {
        tenantId: link.city_tenant,
        actorId: null,
        action: 'cascade.accepted',
        entity: 'item',
        entityId: link.city_item,
        after: { county: actor.tenantId, by: actor.userId, changes: changes.length },
        at: now,
      },
    ]);
  });
  return inboxOf(deps.db, actor);
}

/** The parent commission's published tasks, for a county linking its own plan's task to one. */
export async function parentTasks(
  deps: Deps,
  actor: Actor,
): Promise<{
  city: string;
  tasks: { itemId: string; planId: string; plan: string; number: string; title: string }[];
}> {
  authorizeCascade(actor, 'manage');
  const own = await ownTenant(deps.db, actor);
  if (!own.parent_id) return { city: '', tasks: [] };
  const parent = await findTenant(deps.db, own.parent_id);
  if (!parent) return { city: '', tasks: [] };
  const rows = await listPublishedTasks(deps.db, parent.id);
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'cascade.parent.read',
    entity: 'tenant',
    entityId: parent.id,
    after: { tasks: rows.length },
    at: deps.clock.now(),
  });
  return {
    city: parent.name,
    tasks: rows.map((r) => ({
      itemId: r.id,
      planId: r.plan_id,
      plan: r.plan_title,
      number: r.number,
      title: r.title,
    })),
  };
}

/**
 * Links a task of the county's own plan to a task of its parent's published plan: the county's targets with
 * the same metric and unit as the city's roll up to them; what the city asks now is what the county accepted.
 */
export async function linkCascadeTask(
  deps: Deps,
  actor: Actor,
  input: { itemId: string; cityItemId: string },
): Promise<CascadeInbox> {
  authorizeCascade(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const own = await ownTenant(trx, actor);
    const item = await findItem(trx, actor.tenantId, input.itemId);
    if (!item) throw notFound('task');
    if (!item.is_task) throw new AppError('validation_failed', CASCADE_ERRORS.notTask, { field: 'itemId' });
    if (!own.parent_id) throw new AppError('validation_failed', CASCADE_ERRORS.noParent);
    const cityItem = await findItem(trx, own.parent_id, input.cityItemId);
    const cityPlan = cityItem ? await findPlan(trx, own.parent_id, cityItem.plan_id) : undefined;
    if (!cityItem || !cityItem.is_task || cityPlan?.status !== 'published')
      throw new AppError('not_found', CASCADE_ERRORS.cityTaskGone, { field: 'cityItemId' });
    const link: LinkRow = {
      item_id: item.id,
      plan_id: item.plan_id,
      city_tenant: own.parent_id,
      city_plan: cityItem.plan_id,
      city_item: cityItem.id,
      origin: 'linked',
      accepted: {},
    };
    const ask = await currentAsk(trx, actor.tenantId, link);
    if (!ask) throw new AppError('not_found', CASCADE_ERRORS.cityTaskGone, { field: 'cityItemId' });
    const now = deps.clock.now();
    if (!(await insertLink(trx, actor.tenantId, { ...link, accepted: ask }, now)))
      throw new AppError('duplicate', CASCADE_ERRORS.alreadyLinked, { field: 'itemId' });
    const mine = await listItemTargets(trx, actor.tenantId, item.id);
    const used = new Set<string>();
    const pairs = ask.targets.flatMap((t) => {
      const match = mine.find((m) => !used.has(m.id) && m.metric === t.metric && m.unit === t.unit);
      if (!match) return [];
      used.add(match.id);
      return [{ target_id: match.id, item_id: item.id, city_target: t.cityTarget }];
    });
    await insertTargetLinks(trx, actor.tenantId, own.parent_id, pairs);
    await appendAudit(trx, [
      {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'cascade.link',
        entity: 'item',
        entityId: item.id,
        after: { city: own.parent_id, cityItem: cityItem.id, targets: pairs.length },
        at: now,
      },
      {
        tenantId: own.parent_id,
        actorId: null,
        action: 'cascade.linked',
        entity: 'item',
        entityId: cityItem.id,
        after: { county: actor.tenantId, countyItem: item.id, by: actor.userId },
        at: now,
      },
    ]);
  });
  return inboxOf(deps.db, actor);
}
