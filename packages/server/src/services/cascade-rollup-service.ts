import type {
  CascadeRollup,
  PutTargetQuotasRequest,
  PutTenantWeightsRequest,
  TargetQuotas,
  TenantWeights,
} from '@yaodian/core';
import type { Executor } from '../db/database.js';
import type { ReportState, RollupMethod, TargetRow } from '../db/schema.js';
import { defaultRollupMethod, meets, rollUp, round, splitByWeights } from '../domain/cascade/rollup.js';
import { AppError, notFound } from '../errors/app-error.js';
import { CASCADE_ERRORS } from '../messaging/cascade-messages.js';
import type { Actor } from '../policies/actor.js';
import { authorizeCascade } from '../policies/cascade.js';
import { appendAudit } from '../repositories/audit-repository.js';
import {
  type CountyFigureRow,
  type CountyProgressRow,
  type LinkRow,
  listCountyFigures,
  listCountyProgress,
  listLinksOfCityPlan,
  listQuotas,
  listWeights,
  replaceQuotas,
  replaceWeights,
  setTargetRollup,
} from '../repositories/cascade-repository.js';
import { findItem, listItems } from '../repositories/item-repository.js';
import { findPlan } from '../repositories/plan-repository.js';
import { findTarget, listPlanTargets } from '../repositories/target-repository.js';
import type { TenantRow } from '../repositories/tenant-repository.js';
import { countiesOf } from './cascade-scope.js';
import type { Deps } from './deps.js';

/*
 * The city's side of the cascade: county quotas per target, the weights (常住人口 …) entered as data, and the
 * roll-up — each county's latest ACCEPTED value per target (a pending or returned report never counts), made
 * into the city's figure by the target's method. County rows are read one county at a time, each statement
 * with that county's id (a named path across commissions, audited when the city reads it).
 */

export function methodOf(target: TargetRow): RollupMethod {
  return target.rollup_method ?? defaultRollupMethod(target);
}

async function targetOf(db: Executor, actor: Actor, planId: string, targetId: string): Promise<TargetRow> {
  const target = await findTarget(db, actor.tenantId, targetId);
  const item = target ? await findItem(db, actor.tenantId, target.item_id) : undefined;
  if (!target || item?.plan_id !== planId) throw notFound('target');
  return target;
}

async function quotasAnswer(db: Executor, actor: Actor, target: TargetRow): Promise<TargetQuotas> {
  const counties = await countiesOf(db, actor.tenantId);
  const quotas = await listQuotas(db, actor.tenantId, [target.id]);
  const quotaOf = new Map(quotas.map((q) => [q.county_tenant, q.value]));
  const method = methodOf(target);
  const sum = quotas.reduce((s, q) => s + q.value, 0);
  return {
    targetId: target.id,
    metric: target.metric,
    unit: target.unit,
    cityValue: target.value,
    method,
    methodChosen: target.rollup_method !== null,
    weight: target.rollup_weight,
    counties: counties.map((c) => ({ tenantId: c.id, name: c.name, quota: quotaOf.get(c.id) ?? null })),
    difference:
      method === 'sum' && quotas.length > 0 && target.value !== null ? round(sum - target.value) : null,
  };
}

export async function targetQuotas(
  deps: Deps,
  actor: Actor,
  planId: string,
  targetId: string,
): Promise<TargetQuotas> {
  authorizeCascade(actor, 'read');
  return quotasAnswer(deps.db, actor, await targetOf(deps.db, actor, planId, targetId));
}

function namesOf(counties: readonly TenantRow[], ids: readonly string[]): string {
  return counties
    .filter((c) => ids.includes(c.id))
    .map((c) => c.name)
    .join('、');
}

/**
 * Sets a city target's roll-up method and weight and splits it into county quotas: by hand (a sum target's
 * quotas must add up to the city's value, or the answer says by how much they differ) or in proportion to a
 * weight the city entered (largest remainders, so the split adds up exactly).
 */
export async function putTargetQuotas(
  deps: Deps,
  actor: Actor,
  planId: string,
  targetId: string,
  input: PutTargetQuotasRequest,
): Promise<TargetQuotas> {
  authorizeCascade(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    const before = await targetOf(trx, actor, planId, targetId);
    const counties = await countiesOf(trx, actor.tenantId);
    const countyIds = new Set(counties.map((c) => c.id));
    const weights = await listWeights(trx, actor.tenantId);
    const weightNames = new Set(weights.map((w) => w.name));
    const method = input.method === undefined ? before.rollup_method : input.method;
    const weight = input.weight === undefined ? before.rollup_weight : input.weight;
    if (weight !== null && !weightNames.has(weight))
      throw new AppError('validation_failed', CASCADE_ERRORS.unknownWeight(weight), { field: 'weight' });
    const effective = method ?? defaultRollupMethod(before);
    let quotas: { countyTenant: string; value: number }[] | null = null;
    const split = input.split;
    if (split?.by === 'hand') {
      if (split.quotas.some((q) => !countyIds.has(q.tenantId)))
        throw new AppError('validation_failed', CASCADE_ERRORS.unknownCounty, { field: 'split.quotas' });
      quotas = split.quotas.map((q) => ({ countyTenant: q.tenantId, value: q.value }));
    } else if (split?.by === 'weights') {
      if (before.value === null)
        throw new AppError('validation_failed', CASCADE_ERRORS.noCityValue, { field: 'split' });
      if (!weightNames.has(split.weight))
        throw new AppError('validation_failed', CASCADE_ERRORS.unknownWeight(split.weight), {
          field: 'split.weight',
        });
      const of = new Map(
        weights.filter((w) => w.name === split.weight).map((w) => [w.child_tenant, w.value]),
      );
      const missing = counties.filter((c) => !of.has(c.id)).map((c) => c.id);
      if (missing.length > 0)
        throw new AppError(
          'validation_failed',
          CASCADE_ERRORS.missingWeights(split.weight, namesOf(counties, missing)),
          {
            field: 'split.weight',
          },
        );
      quotas = splitByWeights(
        before.value,
        counties.map((c) => ({ key: c.id, weight: of.get(c.id) ?? 0 })),
      ).map((s) => ({ countyTenant: s.key, value: s.value }));
    } else if (split?.by === 'none') quotas = [];
    if (quotas && quotas.length > 0 && effective === 'sum' && before.value !== null) {
      const sum = round(quotas.reduce((s, q) => s + q.value, 0));
      if (Math.abs(sum - before.value) > 1e-9)
        throw new AppError('validation_failed', CASCADE_ERRORS.quotasOff(sum, before.value, before.unit), {
          field: 'split.quotas',
          details: { sum, cityValue: before.value, difference: round(sum - before.value) },
        });
    }
    await setTargetRollup(trx, actor.tenantId, targetId, method, weight);
    if (quotas) await replaceQuotas(trx, actor.tenantId, targetId, quotas);
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'target.quotas',
      entity: 'target',
      entityId: targetId,
      before: { method: before.rollup_method, weight: before.rollup_weight },
      after: { method, weight, quotas },
      at: deps.clock.now(),
    });
    const after = await targetOf(trx, actor, planId, targetId);
    return quotasAnswer(trx, actor, after);
  });
}

async function weightsAnswer(db: Executor, actor: Actor): Promise<TenantWeights> {
  const counties = await countiesOf(db, actor.tenantId);
  const rows = await listWeights(db, actor.tenantId);
  return {
    counties: counties.map((c) => ({ tenantId: c.id, name: c.name })),
    weights: rows.map((r) => ({ name: r.name, tenantId: r.child_tenant, value: r.value })),
  };
}

export async function tenantWeights(deps: Deps, actor: Actor): Promise<TenantWeights> {
  authorizeCascade(actor, 'read');
  return weightsAnswer(deps.db, actor);
}

/** Replaces the values of one weight (常住人口 …) for the commission's child commissions. */
export async function putTenantWeights(
  deps: Deps,
  actor: Actor,
  input: PutTenantWeightsRequest,
): Promise<TenantWeights> {
  authorizeCascade(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    const counties = new Set((await countiesOf(trx, actor.tenantId)).map((c) => c.id));
    if (input.values.some((v) => !counties.has(v.tenantId)))
      throw new AppError('validation_failed', CASCADE_ERRORS.unknownCounty, { field: 'values' });
    const name = input.name.trim();
    await replaceWeights(
      trx,
      actor.tenantId,
      name,
      input.values.map((v) => ({ childTenant: v.tenantId, value: v.value })),
    );
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'cascade.weights',
      entity: 'tenant',
      entityId: actor.tenantId,
      after: { name, values: input.values },
      at: deps.clock.now(),
    });
    return weightsAnswer(trx, actor);
  });
}

interface Dated {
  state: ReportState | null;
  ends_on: string | null;
  updated_at: Date | null;
}
/** Latest first: the later period, then the later edit. */
const latestFirst = (a: Dated, b: Dated): number =>
  (b.ends_on ?? '').localeCompare(a.ends_on ?? '') ||
  (b.updated_at?.getTime() ?? 0) - (a.updated_at?.getTime() ?? 0);

/** County × task matrix, each target's rolled-up figure from accepted county values only, and the ranking. */
export async function cascadeRollup(deps: Deps, actor: Actor, planId: string): Promise<CascadeRollup> {
  authorizeCascade(actor, 'read');
  const db = deps.db;
  const plan = await findPlan(db, actor.tenantId, planId);
  if (!plan) throw notFound('plan');
  const counties = await countiesOf(db, actor.tenantId);
  const items = new Map((await listItems(db, actor.tenantId, planId)).map((i) => [i.id, i]));
  const targets = await listPlanTargets(db, actor.tenantId, planId);
  const quotas = await listQuotas(
    db,
    actor.tenantId,
    targets.map((t) => t.id),
  );
  const quota = new Map(quotas.map((q) => [`${q.target_id} ${q.county_tenant}`, q.value]));
  const weights = await listWeights(db, actor.tenantId);
  const perCounty: {
    county: TenantRow;
    links: LinkRow[];
    figures: CountyFigureRow[];
    progress: CountyProgressRow[];
  }[] = [];
  for (const county of counties)
    perCounty.push({
      county,
      links: await listLinksOfCityPlan(db, county.id, actor.tenantId, planId),
      figures: await listCountyFigures(db, county.id, actor.tenantId, planId),
      progress: await listCountyProgress(db, county.id, actor.tenantId, planId),
    });
  const cascaded = new Set(perCounty.flatMap((c) => c.links.map((l) => l.city_item)));
  const taskIds = [...items.values()].filter((i) => cascaded.has(i.id)).map((i) => i.id);

  const tasks: CascadeRollup['tasks'] = taskIds.map((id) => {
    const item = items.get(id);
    return {
      itemId: id,
      number: item?.number ?? '',
      title: item?.title ?? '',
      cells: perCounty.map(({ county, links, progress }) => {
        const link = links.find((l) => l.city_item === id);
        const reports = progress.filter((p) => p.city_item === id && p.state !== null).sort(latestFirst);
        const accepted = reports.find((r) => r.state === 'accepted');
        return {
          tenantId: county.id,
          itemId: link?.item_id ?? null,
          percent: accepted?.percent ?? null,
          latestState: reports[0]?.state ?? null,
        };
      }),
    };
  });

  const order = new Map(taskIds.map((id, i) => [id, i]));
  const rolled: CascadeRollup['targets'] = targets
    .filter((t) => cascaded.has(t.item_id))
    .sort((a, b) => (order.get(a.item_id) ?? 0) - (order.get(b.item_id) ?? 0) || a.position - b.position)
    .map((t) => {
      const method = methodOf(t);
      const weightOf = new Map(
        weights.filter((w) => w.name === t.rollup_weight).map((w) => [w.child_tenant, w.value]),
      );
      const cells = perCounty.map(({ county, figures }) => {
        const mine = figures.filter((f) => f.city_target === t.id).sort(latestFirst);
        const accepted = mine.find((f) => f.state === 'accepted');
        const asked = quota.get(`${t.id} ${county.id}`) ?? null;
        const line = asked ?? t.value;
        return {
          tenantId: county.id,
          quota: asked,
          value: accepted?.value ?? null,
          latestState: mine[0]?.state ?? null,
          met: accepted && line !== null ? meets(t.op, t.direction, accepted.value, line) : null,
        };
      });
      // Only accepted values, and for a named weight only counties that have one.
      const counted = cells.flatMap((c) => {
        if (c.value === null) return [];
        if (method === 'weighted_mean' && t.rollup_weight !== null) {
          const w = weightOf.get(c.tenantId);
          return w === undefined ? [] : [{ value: c.value, weight: w }];
        }
        return [{ value: c.value }];
      });
      return {
        targetId: t.id,
        itemId: t.item_id,
        metric: t.metric,
        unit: t.unit,
        op: t.op,
        cityValue: t.value,
        method,
        weight: t.rollup_weight,
        rolledUp: rollUp(method, t.direction, counted),
        counted: counted.length,
        cells,
      };
    });

  const scored = counties.map((county) => {
    const cells = rolled.flatMap((t) => t.cells.filter((c) => c.tenantId === county.id));
    const percents = tasks.flatMap((t) =>
      t.cells.filter((c) => c.tenantId === county.id && c.percent !== null).map((c) => c.percent ?? 0),
    );
    return {
      tenantId: county.id,
      name: county.name,
      met: cells.filter((c) => c.met === true).length,
      measured: cells.filter((c) => c.value !== null).length,
      total: cells.length,
      meanPercent:
        percents.length > 0 ? round(percents.reduce((s, p) => s + p, 0) / percents.length, 1) : null,
    };
  });
  scored.sort(
    (a, b) =>
      b.met - a.met ||
      (b.meanPercent ?? -1) - (a.meanPercent ?? -1) ||
      b.measured - a.measured ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const ranking = scored.map((s, i) => ({ ...s, rank: i + 1 }));
  await appendAudit(db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'cascade.rollup.read',
    entity: 'plan',
    entityId: planId,
    after: { counties: counties.length },
    at: deps.clock.now(),
  });
  return {
    planId,
    counties: counties.map((c) => ({ tenantId: c.id, name: c.name })),
    tasks,
    targets: rolled,
    ranking,
  };
}
