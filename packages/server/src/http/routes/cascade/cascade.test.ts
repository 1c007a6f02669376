import type {
  CascadeInbox,
  CascadePreview,
  CascadePushResult,
  CascadeRollup,
  PlanDetail,
  ReportDto,
  TargetQuotas,
  Tenant,
} from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission as createCommissionFromCli } from '../../../services/tenant-service.js';
import { insertUnitGroup } from '../../../repositories/unit-repository.js';
import { createUnit, createUser } from '../../../testing/factories.js';
import { multipartFile } from '../../../testing/plan-fixture.js';
import { publishWaivingAll } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';
import { cascadePlan, LINE_METRIC, RATE_METRIC, SUM_METRIC } from './cascade-fixture.js';

/*
 * The done-when test of issue 10's cascade: a province with two cities and three counties each, built through
 * the command line's service and the API; a city plan cascaded with a split sum target, a weighted-average
 * target and a minimum target; county reports (one returned, one pending); each rolled-up city value equals
 * the value computed here from the ACCEPTED county values only; a sibling county is refused on every cascade
 * endpoint; a city edit shows at the county as a proposal, and accepting it applies it.
 */
let t: TestApp;
let operator: Session;

interface County {
  tenant: Tenant;
  planner: Session;
  reporter: Session;
  unitId: string;
  population: number;
}
interface City {
  tenant: Tenant;
  admin: Session;
  planner: Session;
  counties: County[];
}
const cities: City[] = [];

const post = (as: Session, url: string, payload: object) => t.as(as, { method: 'POST', url, payload });
const put = (as: Session, url: string, payload: object) => t.as(as, { method: 'PUT', url, payload });
const get = (as: Session, url: string) => t.as(as, { method: 'GET', url });

async function child(parentId: string, code: string, level: 'city' | 'county'): Promise<Tenant> {
  const response = await post(operator, '/api/tenants', {
    parentId,
    code,
    name: `${code}卫生健康${level === 'city' ? '委员会' : '局'}`,
    level,
    admin: { username: `${code}-admin`, displayName: '管理员', password: 'Child#Admin2026' },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Tenant>();
}

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(cascadePlan()) });
  // The province as `yaodian tenant add` creates it, its operator; then cities and counties through the API.
  const province = await createCommissionFromCli(t.deps, {
    code: 'jc',
    name: '江川省卫生健康委员会',
    level: 'province',
    admin: { username: 'jc-admin', displayName: '管理员', password: 'Province#Admin2026' },
  });
  operator = await t.login(await createUser(t.db, province.tenantId, { role: 'operator' }));
  const populations = [50, 30, 20];
  for (const c of ['a', 'b']) {
    const tenant = await child(province.tenantId, `city-${c}`, 'city');
    const counties: County[] = [];
    for (const [i, population] of populations.entries()) {
      const county = await child(tenant.id, `county-${c}${String(i + 1)}`, 'county');
      const unit = await createUnit(t.db, county.id, { name: '基层卫生股' });
      counties.push({
        tenant: county,
        planner: await t.login(await createUser(t.db, county.id, { role: 'planner' })),
        reporter: await t.login(await createUser(t.db, county.id, { role: 'reporter', unitIds: [unit.id] })),
        unitId: unit.id,
        population,
      });
    }
    const maternal = await createUnit(t.db, tenant.id, { name: '妇幼健康科' });
    const city: City = {
      tenant,
      admin: await t.login(await createUser(t.db, tenant.id, { role: 'admin' })),
      planner: await t.login(await createUser(t.db, tenant.id, { role: 'planner', unitIds: [maternal.id] })),
      counties,
    };
    // City a links its county bureau units to the county commissions (the tasks go "via unit"); city b has no
    // county units, so its plan's 各县（市、区）卫生健康局 stays unmatched and goes to every county ("collective").
    if (c === 'a') {
      const unitIds: string[] = [];
      for (const county of counties) {
        const unit = await createUnit(t.db, tenant.id, {
          name: `${county.tenant.name}（县区局）`,
          kind: 'county',
        });
        const linked = await t.as(city.admin, {
          method: 'PATCH',
          url: `/api/units/${unit.id}`,
          payload: { linkedTenantId: county.tenant.id },
        });
        expect(linked.statusCode).toBe(200);
        unitIds.push(unit.id);
      }
      await insertUnitGroup(t.db, tenant.id, '各县市区卫生健康局', unitIds);
    }
    cities.push(city);
  }
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function publishCityPlan(city: City): Promise<PlanDetail> {
  const { payload, headers } = multipartFile('plan.txt', 'plan');
  const imported = await t.as(city.planner, { method: 'POST', url: '/api/plans', payload, headers });
  expect(imported.statusCode).toBe(201);
  const published = await publishWaivingAll(t, city.planner, imported.json<PlanDetail>());
  expect(published.statusCode).toBe(200);
  const periods = await post(city.planner, `/api/plans/${imported.json<PlanDetail>().id}/periods`, {
    kind: 'monthly',
    dueDay: 25,
  });
  expect(periods.statusCode).toBeLessThan(300);
  return published.json<PlanDetail>();
}

const targetOf = (plan: PlanDetail, metric: string) => {
  const found = plan.items.flatMap((i) => i.targets).find((x) => x.metric === metric);
  if (!found) throw new Error(`no target ${metric}`);
  return found;
};

/** What one county reports on its copy of a task: a figure per city target, submitted; then accepted or returned. */
async function report(
  county: County,
  entry: CascadeInbox['entries'][number],
  figures: Record<string, number>,
  outcome: 'accepted' | 'returned' | 'submitted',
): Promise<void> {
  const plan = (await get(county.planner, `/api/plans/${entry.planId}`)).json<PlanDetail>();
  const item = plan.items.find((i) => i.id === entry.itemId);
  if (!item) throw new Error('no county item');
  const assigned = await put(county.planner, `/api/plans/${entry.planId}/items/${item.id}/assignments`, {
    version: item.version,
    assignments: [{ unitId: county.unitId, role: 'lead' }],
  });
  expect(assigned.statusCode).toBe(200);
  const periods = (await get(county.planner, `/api/plans/${entry.planId}/periods`)).json<{
    periods: { id: string; endsOn: string }[];
  }>().periods;
  const period = periods.find((p) => p.endsOn === '2026-04-30');
  if (!period) throw new Error('the county has no April period');
  const actuals = item.targets.map((x) => ({ targetId: x.id, value: figures[x.metric] ?? 0, note: '' }));
  const created = await post(county.reporter, '/api/reports', {
    itemId: item.id,
    unitId: county.unitId,
    periodId: period.id,
    percent: 50,
    actuals,
    submit: true,
  });
  expect(created.statusCode).toBe(201);
  const dto = created.json<{ report: ReportDto }>().report;
  if (outcome === 'submitted') return;
  const reviewed =
    outcome === 'accepted'
      ? await post(county.planner, `/api/reports/${dto.id}/accept`, { version: dto.version })
      : await post(county.planner, `/api/reports/${dto.id}/return`, {
          version: dto.version,
          reason: '数据待核实',
        });
  expect(reviewed.statusCode).toBe(200);
}

describe('the city-to-county cascade (issue 10)', () => {
  let plan: PlanDetail;
  let city: City;
  let inboxes: CascadeInbox[] = [];
  const reported: { county: number; metric: string; value: number; accepted: boolean }[] = [];

  it('previews, splits a sum target by population, and pushes each task once to each county', async () => {
    city = cities[0] as City;
    plan = await publishCityPlan(city);
    const preview = (await get(city.planner, `/api/plans/${plan.id}/cascade`)).json<CascadePreview>();
    expect(preview.tasks.map((x) => [x.title, x.via, x.counties.length])).toEqual([
      ['发展普惠托育和家庭医生服务', 'unit', 3],
      ['推进县级中医医院提标', 'unit', 3],
    ]);

    const weights = await put(city.planner, '/api/cascade/weights', {
      name: '常住人口',
      values: city.counties.map((c) => ({ tenantId: c.tenant.id, value: c.population })),
    });
    expect(weights.statusCode).toBe(200);

    const sum = targetOf(plan, SUM_METRIC);
    const quotasUrl = `/api/plans/${plan.id}/targets/${sum.id}/quotas`;
    const byHand = city.counties.map((c, i) => ({ tenantId: c.tenant.id, value: [200, 200, 100][i] ?? 0 }));
    const off = await put(city.planner, quotasUrl, { split: { by: 'hand', quotas: byHand } });
    expect(off.statusCode).toBe(400);
    const offBy = byHand.reduce((s, q) => s + q.value, 0) - (sum.value ?? 0);
    expect(off.json<{ error: { message: string; details: { difference: number } } }>().error).toMatchObject({
      details: { difference: offBy },
    });
    expect(off.json<{ error: { message: string } }>().error.message).toContain(`相差${String(offBy)}个`);
    const split = await put(city.planner, quotasUrl, { split: { by: 'weights', weight: '常住人口' } });
    expect(split.statusCode).toBe(200);
    const quotas = split.json<TargetQuotas>();
    expect(quotas.method).toBe('sum');
    expect(quotas.difference).toBe(0);
    const total = city.counties.reduce((s, c) => s + c.population, 0);
    expect(quotas.counties.map((c) => c.quota)).toEqual(
      city.counties.map((c) => ((sum.value ?? 0) * c.population) / total),
    );

    const rate = targetOf(plan, RATE_METRIC);
    const weighted = await put(city.planner, `/api/plans/${plan.id}/targets/${rate.id}/quotas`, {
      weight: '常住人口',
    });
    expect(weighted.json<TargetQuotas>()).toMatchObject({ method: 'weighted_mean', weight: '常住人口' });
    const line = targetOf(plan, LINE_METRIC);
    const min = await get(city.planner, `/api/plans/${plan.id}/targets/${line.id}/quotas`);
    expect(min.json<TargetQuotas>()).toMatchObject({ method: 'min', methodChosen: false });

    const pushed = await post(city.planner, `/api/plans/${plan.id}/cascade`, {});
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json<CascadePushResult>().counties.map((c) => [c.created, c.existing])).toEqual([
      [2, 0],
      [2, 0],
      [2, 0],
    ]);
    const again = await post(city.planner, `/api/plans/${plan.id}/cascade`, {});
    expect(again.json<CascadePushResult>().counties.map((c) => [c.created, c.existing])).toEqual([
      [0, 2],
      [0, 2],
      [0, 2],
    ]);
    const countyPlan = again.json<CascadePushResult>().counties[0]?.planId ?? '';
    const first = city.counties[0] as County;
    const copy = (await get(first.planner, `/api/plans/${countyPlan}`)).json<PlanDetail>();
    expect(copy.status).toBe('published');
    expect(copy.items.map((i) => i.title)).toEqual(['发展普惠托育和家庭医生服务', '推进县级中医医院提标']);

    inboxes = [];
    for (const county of city.counties)
      inboxes.push((await get(county.planner, '/api/cascade/inbox')).json<CascadeInbox>());
    // Each county is asked its own quota of the sum target and the city's line of the others.
    for (const [i, inbox] of inboxes.entries()) {
      const asked = inbox.entries.flatMap((e) => e.asked.targets);
      expect(asked.find((x) => x.metric === SUM_METRIC)?.value).toBe(quotas.counties[i]?.quota);
      expect(asked.find((x) => x.metric === RATE_METRIC)?.value).toBe(rate.value);
      expect(inbox.entries.every((e) => e.proposal === null)).toBe(true);
    }
  });

  it('rolls up only the accepted county values: sum, weighted mean by population, and the weakest county', async () => {
    const figures: Record<string, number>[] = [
      { [SUM_METRIC]: 310, [RATE_METRIC]: 80, [LINE_METRIC]: 100 },
      { [SUM_METRIC]: 150, [RATE_METRIC]: 70, [LINE_METRIC]: 50 },
      { [SUM_METRIC]: 90, [RATE_METRIC]: 60, [LINE_METRIC]: 80 },
    ];
    // County 3's first task is returned, county 2's second task is pending; the rest are accepted.
    const outcomes: ('accepted' | 'returned' | 'submitted')[][] = [
      ['accepted', 'accepted'],
      ['accepted', 'submitted'],
      ['returned', 'accepted'],
    ];
    for (const [i, county] of city.counties.entries()) {
      const entries = inboxes[i]?.entries ?? [];
      for (const [k, entry] of entries.entries()) {
        const outcome = outcomes[i]?.[k] ?? 'submitted';
        await report(county, entry, figures[i] ?? {}, outcome);
        for (const x of entry.asked.targets)
          reported.push({
            county: i,
            metric: x.metric,
            value: figures[i]?.[x.metric] ?? 0,
            accepted: outcome === 'accepted',
          });
      }
    }
    const rollup = (await get(city.planner, `/api/plans/${plan.id}/cascade/rollup`)).json<CascadeRollup>();
    const accepted = (metric: string) => reported.filter((r) => r.metric === metric && r.accepted);
    const population = (i: number) => city.counties[i]?.population ?? 0;

    const sumInputs = accepted(SUM_METRIC);
    const rateInputs = accepted(RATE_METRIC);
    const lineInputs = accepted(LINE_METRIC);
    const expected: Record<string, number> = {
      [SUM_METRIC]: sumInputs.reduce((s, r) => s + r.value, 0),
      [RATE_METRIC]:
        rateInputs.reduce((s, r) => s + r.value * population(r.county), 0) /
        rateInputs.reduce((s, r) => s + population(r.county), 0),
      [LINE_METRIC]: Math.min(...lineInputs.map((r) => r.value)),
    };
    for (const metric of [SUM_METRIC, RATE_METRIC, LINE_METRIC]) {
      const row = rollup.targets.find((x) => x.metric === metric);
      expect([metric, row?.rolledUp]).toEqual([metric, expect.closeTo(expected[metric] ?? NaN, 6)]);
      expect(row?.counted).toBe(accepted(metric).length);
    }
    expect(rollup.targets.map((x) => x.method)).toEqual(['sum', 'weighted_mean', 'min']);
    // The returned and the pending report show their state but carry no value.
    const sumRow = rollup.targets.find((x) => x.metric === SUM_METRIC);
    const third = city.counties[2]?.tenant.id;
    expect(sumRow?.cells.find((c) => c.tenantId === third)).toMatchObject({
      value: null,
      latestState: 'returned',
    });
    const lineRow = rollup.targets.find((x) => x.metric === LINE_METRIC);
    const second = city.counties[1]?.tenant.id;
    expect(lineRow?.cells.find((c) => c.tenantId === second)).toMatchObject({
      value: null,
      latestState: 'submitted',
    });
    expect(rollup.tasks).toHaveLength(2);
    expect(rollup.tasks[0]?.cells).toHaveLength(3);
    expect(rollup.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(new Set(rollup.ranking.map((r) => r.tenantId))).toEqual(
      new Set(city.counties.map((c) => c.tenant.id)),
    );
  });

  it('refuses a sibling county on every cascade endpoint, and another city', async () => {
    const [first, sibling] = city.counties as [County, County];
    const otherCity = cities[1] as City;
    const firstInbox = (await get(first.planner, '/api/cascade/inbox')).json<CascadeInbox>();
    const item = firstInbox.entries[0];
    if (!item) throw new Error('no inbox entry');
    const sum = targetOf(plan, SUM_METRIC);
    const fingerprint = 'f'.repeat(32);
    for (const as of [sibling.planner, otherCity.planner]) {
      const calls = [
        await get(as, `/api/plans/${plan.id}/cascade`),
        await post(as, `/api/plans/${plan.id}/cascade`, {}),
        await get(as, `/api/plans/${plan.id}/cascade/rollup`),
        await get(as, `/api/plans/${plan.id}/targets/${sum.id}/quotas`),
        await put(as, `/api/plans/${plan.id}/targets/${sum.id}/quotas`, { method: 'min' }),
        await post(as, `/api/cascade/inbox/${item.itemId}/accept`, { fingerprint }),
        await post(as, '/api/cascade/links', { itemId: item.itemId, cityItemId: item.itemId }),
      ];
      expect(calls.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
      // What answers about the caller's own commission names nothing of the first county's or the city's.
      for (const own of [await get(as, '/api/cascade/inbox'), await get(as, '/api/cascade/weights')]) {
        expect(own.statusCode).toBe(200);
        expect(own.body).not.toContain(item.itemId);
        expect(own.body).not.toContain(first.tenant.id);
      }
    }
    const weights = await put(sibling.planner, '/api/cascade/weights', {
      name: '常住人口',
      values: [{ tenantId: first.tenant.id, value: 1 }],
    });
    expect(weights.statusCode).toBe(400);
  });

  it('shows a city edit at the county as a proposal; accepting it applies it, and a stale one is refused', async () => {
    const first = city.counties[0] as County;
    const line = targetOf(plan, LINE_METRIC);
    const task = plan.items.find((i) => i.title === '推进县级中医医院提标');
    if (!task) throw new Error('no task');
    const retitled = await t.as(city.planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/items/${task.id}`,
      payload: { version: task.version, title: '推进县级中医医院提标达标', deadline: '2026-10-31' },
    });
    expect(retitled.statusCode).toBe(200);
    const relined = await t.as(city.planner, {
      method: 'PATCH',
      url: `/api/plans/${plan.id}/targets/${line.id}`,
      payload: { version: line.version, value: 90 },
    });
    expect(relined.statusCode).toBe(200);

    const inbox = (await get(first.planner, '/api/cascade/inbox')).json<CascadeInbox>();
    const entry = inbox.entries.find((e) => e.proposal !== null);
    if (!entry?.proposal) throw new Error('no proposal');
    expect(entry.asked.title).toBe('推进县级中医医院提标');
    expect(entry.proposal.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: '推进县级中医医院提标', after: '推进县级中医医院提标达标' },
        { field: 'deadline', before: '2026-12-31', after: '2026-10-31' },
        { field: 'target.value', target: LINE_METRIC, before: 100, after: 90 },
      ]),
    );
    const stale = await post(first.planner, `/api/cascade/inbox/${entry.itemId}/accept`, {
      fingerprint: 'stale-fingerprint',
    });
    expect(stale.statusCode).toBe(409);
    const asReporter = await post(first.reporter, `/api/cascade/inbox/${entry.itemId}/accept`, {
      fingerprint: entry.proposal.fingerprint,
    });
    expect(asReporter.statusCode).toBe(403);
    const accepted = await post(first.planner, `/api/cascade/inbox/${entry.itemId}/accept`, {
      fingerprint: entry.proposal.fingerprint,
    });
    expect(accepted.statusCode).toBe(200);
    const after = accepted.json<CascadeInbox>().entries.find((e) => e.itemId === entry.itemId);
    expect(after?.proposal).toBeNull();
    const copy = (await get(first.planner, `/api/plans/${entry.planId}`)).json<PlanDetail>();
    const item = copy.items.find((i) => i.id === entry.itemId);
    expect([item?.title, item?.deadline, item?.targets[0]?.value]).toEqual([
      '推进县级中医医院提标达标',
      '2026-10-31',
      90,
    ]);
    // The other counties have not accepted: they still see the proposal.
    const second = city.counties[1] as County;
    const theirs = (await get(second.planner, '/api/cascade/inbox')).json<CascadeInbox>();
    expect(theirs.entries.filter((e) => e.proposal !== null)).toHaveLength(1);
  });

  let otherPlan: PlanDetail;
  it('pushes the chosen task of a plan whose clause names 各县（市、区）卫生健康局 but matched no unit to every county', async () => {
    const other = cities[1] as City;
    otherPlan = await publishCityPlan(other);
    const preview = (await get(other.planner, `/api/plans/${otherPlan.id}/cascade`)).json<CascadePreview>();
    expect(preview.tasks.map((x) => [x.via, x.counties.length])).toEqual([
      ['collective', 3],
      ['collective', 3],
    ]);
    const chosen = preview.tasks[0]?.itemId ?? '';
    const pushed = await post(other.planner, `/api/plans/${otherPlan.id}/cascade`, { itemIds: [chosen] });
    expect(pushed.json<CascadePushResult>().counties.map((c) => c.created)).toEqual([1, 1, 1]);
    // No quota: the county is asked the city's own figure.
    const inbox = (
      await get(other.counties[0]?.planner as Session, '/api/cascade/inbox')
    ).json<CascadeInbox>();
    expect(inbox.entries.map((e) => e.asked.title)).toEqual(['发展普惠托育和家庭医生服务']);
    expect(inbox.entries.flatMap((e) => e.asked.targets).find((x) => x.metric === SUM_METRIC)?.value).toBe(
      targetOf(otherPlan, SUM_METRIC).value,
    );
  });

  it('lets a county link a task of its own plan to a city task not pushed to it; its same-metric target rolls up', async () => {
    const other = cities[1] as City;
    const county = other.counties[1] as County;
    const parent = (await get(county.planner, '/api/cascade/parent-tasks')).json<{
      city: string;
      tasks: { itemId: string; title: string }[];
    }>();
    expect(parent.city).toBe(other.tenant.name);
    const cityTask = parent.tasks.find((x) => x.title === '推进县级中医医院提标');
    if (!cityTask) throw new Error('no city task');
    const { payload, headers } = multipartFile('plan.txt', 'plan');
    const own = (
      await t.as(county.planner, { method: 'POST', url: '/api/plans', payload, headers })
    ).json<PlanDetail>();
    const published = await publishWaivingAll(t, county.planner, own);
    expect(published.statusCode).toBe(200);
    await post(county.planner, `/api/plans/${own.id}/periods`, { kind: 'monthly', dueDay: 25 });
    const mine = own.items.find((i) => i.title === '推进县级中医医院提标');
    if (!mine) throw new Error('no own task');
    const linked = await post(county.planner, '/api/cascade/links', {
      itemId: mine.id,
      cityItemId: cityTask.itemId,
    });
    expect(linked.statusCode).toBe(201);
    const entry = linked.json<CascadeInbox>().entries.find((e) => e.itemId === mine.id);
    expect(entry).toMatchObject({ origin: 'linked', proposal: null });
    const twice = await post(county.planner, '/api/cascade/links', {
      itemId: mine.id,
      cityItemId: cityTask.itemId,
    });
    expect(twice.statusCode).toBe(409);
    if (!entry) throw new Error('no entry');
    await report(county, entry, { [LINE_METRIC]: 70 }, 'accepted');
    const rollup = (
      await get(other.planner, `/api/plans/${otherPlan.id}/cascade/rollup`)
    ).json<CascadeRollup>();
    const line = rollup.targets.find((x) => x.metric === LINE_METRIC);
    expect([line?.rolledUp, line?.counted]).toEqual([70, 1]);
  });
});
