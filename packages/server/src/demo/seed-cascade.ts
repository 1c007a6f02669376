import type { PlanDetail } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Actor } from '../policies/actor.js';
import { insertTenant } from '../repositories/tenant-repository.js';
import { insertUnit } from '../repositories/unit-repository.js';
import { insertUser } from '../repositories/user-repository.js';
import { putTargetQuotas, putTenantWeights } from '../services/cascade-rollup-service.js';
import { acceptCascadeChange, cascadeInbox, pushCascade } from '../services/cascade-service.js';
import type { Deps } from '../services/deps.js';
import { setAssignments } from '../services/item-service.js';
import { listPlanPeriods } from '../services/period-service.js';
import { getPlan } from '../services/plan-service.js';
import { acceptReport, createReport, returnReport } from '../services/report-service.js';
import { updateUnit } from '../services/unit-service.js';
import { demoActuals } from './demo-actuals.js';

/** The county commissions below the demo city: each stands for one of the city's county bureau units. */
export const DEMO_COUNTIES: readonly { code: string; name: string; population: number }[] = [
  { code: 'linshui', name: '临水县卫生健康局', population: 52.3 },
  { code: 'qingshi', name: '青石县卫生健康局', population: 38.1 },
  { code: 'yunxi', name: '云溪区卫生健康局', population: 61.7 },
  { code: 'nanhu', name: '南湖区卫生健康局', population: 44.9 },
];

/** A second city of the province with its counties (no plan yet): the province sees more than one city. */
export const DEMO_SECOND_CITY = {
  code: 'baisha',
  name: '白沙市卫生健康委员会',
  counties: [
    { code: 'baisha-dongcheng', name: '白沙市东城区卫生健康局' },
    { code: 'baisha-heping', name: '和平县卫生健康局' },
  ],
};

/** The county bureau's own unit (a 股 of the county commission) that carries out the city's tasks. */
const COUNTY_UNIT = '基层卫生股';

/** Each county's demo accounts: its planner (accepts the city's changes, reviews) and its reporter. */
export function countyAccounts(): {
  username: string;
  displayName: string;
  code: string;
  role: 'planner' | 'reporter';
}[] {
  return DEMO_COUNTIES.flatMap((c) => [
    {
      username: `${c.code}.planner`,
      displayName: `计划管理员（${c.name}）`,
      code: c.code,
      role: 'planner' as const,
    },
    {
      username: `${c.code}.reporter`,
      displayName: `填报员（${c.name}）`,
      code: c.code,
      role: 'reporter' as const,
    },
  ]);
}

/** A date of the demo's year, or now if the demo starts earlier. */
const notAfter = (iso: string, now: Date): string => (new Date(iso) < now ? iso : now.toISOString());

/**
 * The cascade in the demo: the province's second city and its counties; the demo city's counties as
 * commissions, linked from the city's county bureau units; the city plan's tasks pushed down, one target split
 * among the counties by population after the push (so the counties see the change proposed; 临水县 accepted it),
 * and the counties' reports — most accepted, one returned, one pending — so 区县汇总 has figures to roll up.
 */
export async function seedDemoCascade(
  deps: Deps,
  input: {
    provinceId: string;
    cityId: string;
    plan: PlanDetail;
    admin: Actor;
    planner: Actor;
    cityUnitIds: ReadonlyMap<string, string>;
    passwordHash: string;
    at: (iso: string) => Deps;
  },
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const second = await insertTenant(db, {
    code: DEMO_SECOND_CITY.code,
    name: DEMO_SECOND_CITY.name,
    level: 'city',
    demo: true,
    parentId: input.provinceId,
  });
  for (const county of DEMO_SECOND_CITY.counties)
    await insertTenant(db, { ...county, level: 'county', demo: true, parentId: second.id });

  const counties: {
    id: string;
    code: string;
    population: number;
    planner: Actor;
    reporter: Actor;
    unitId: string;
  }[] = [];
  for (const county of DEMO_COUNTIES) {
    const tenant = await insertTenant(db, {
      code: county.code,
      name: county.name,
      level: 'county',
      demo: true,
      parentId: input.cityId,
    });
    const unit = await insertUnit(db, tenant.id, { name: COUNTY_UNIT, kind: 'department', aliases: [] });
    const actors: Partial<Record<'planner' | 'reporter', Actor>> = {};
    for (const account of countyAccounts().filter((a) => a.code === county.code)) {
      const unitIds = account.role === 'reporter' ? [unit.id] : [];
      const user = await insertUser(db, {
        tenantId: tenant.id,
        username: account.username,
        displayName: account.displayName,
        passwordHash: input.passwordHash,
        passwordChangedAt: now,
        role: account.role,
        unitIds,
      });
      actors[account.role] = { tenantId: tenant.id, userId: user.id, role: account.role, unitIds };
    }
    const cityUnit = input.cityUnitIds.get(county.name);
    if (cityUnit) await updateUnit(deps, input.admin, cityUnit, { linkedTenantId: tenant.id });
    if (!actors.planner || !actors.reporter) continue;
    counties.push({
      id: tenant.id,
      code: county.code,
      population: county.population,
      planner: actors.planner,
      reporter: actors.reporter,
      unitId: unit.id,
    });
  }

  const planner = input.planner;
  const pushedOn = input.at(notAfter('2026-02-20T02:00:00Z', now));
  await putTenantWeights(pushedOn, planner, {
    name: '常住人口',
    values: counties.map((c) => ({ tenantId: c.id, value: c.population })),
  });
  const targets = input.plan.items.flatMap((i) => i.targets);
  const rate = targets.find((x) => x.metric.includes('签约服务覆盖率'));
  if (rate) await putTargetQuotas(pushedOn, planner, input.plan.id, rate.id, { weight: '常住人口' });
  await pushCascade(pushedOn, planner, input.plan.id, {});
  // The city splits 村卫生室 among the counties after the push: each county sees its quota proposed.
  const splitOn = input.at(notAfter('2026-03-02T02:00:00Z', now));
  const clinics = targets.find((x) => x.metric.includes('村卫生室'));
  if (clinics)
    await putTargetQuotas(splitOn, planner, input.plan.id, clinics.id, {
      split: { by: 'weights', weight: '常住人口' },
    });

  const today = localDate(now);
  for (const [k, county] of counties.entries()) {
    const inbox = await cascadeInbox(splitOn, county.planner);
    if (k === 0)
      for (const entry of inbox.entries)
        if (entry.proposal)
          await acceptCascadeChange(splitOn, county.planner, entry.itemId, entry.proposal.fingerprint);
    const planId = inbox.entries[0]?.planId;
    if (!planId) continue;
    const periods = (await listPlanPeriods(splitOn, county.planner, planId)).periods;
    const period = [...periods].reverse().find((p) => p.dueOn < today && p.startsOn >= '2026-02-01');
    if (!period) continue;
    const copy = await getPlan(splitOn, county.planner, planId);
    const reportedOn = input.at(`${period.dueOn}T02:00:00Z`);
    let n = 0;
    for (const entry of inbox.entries) {
      const item = copy.items.find((i) => i.id === entry.itemId);
      if (!item || item.targets.length === 0) continue;
      n += 1;
      await setAssignments(splitOn, county.planner, planId, item.id, {
        version: item.version,
        assignments: [{ unitId: county.unitId, role: 'lead' }],
      });
      // Counties move at their own pace, so the ranking has something to tell.
      const percent = Math.min(100, 30 + 12 * ((k + n) % 5));
      const { report } = await createReport(
        reportedOn,
        county.reporter,
        {
          itemId: item.id,
          unitId: county.unitId,
          periodId: period.id,
          percent,
          narrative: `${period.label}：按市级部署推进，已完成阶段任务。`,
          problems: '',
          nextSteps: '继续按月调度。',
          actuals: demoActuals(item.targets, percent),
          submit: true,
        },
        `demo-cascade-${item.id}-${period.id}`,
      );
      // One county's report is returned, one stays pending; the rest are accepted.
      if (k === 1 && n === 1)
        await returnReport(reportedOn, county.planner, report.id, report.version, '请补充分乡镇数据。');
      else if (k === 2 && n === 1) continue;
      else
        await acceptReport(input.at(`${period.dueOn}T08:00:00Z`), county.planner, report.id, report.version);
    }
  }
}
