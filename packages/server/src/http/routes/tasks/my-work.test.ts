import type { MyOwedDto, PlanSummaryReport, ReportDto } from '@yaodian/core';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const owed = async (as: Session): Promise<MyOwedDto> => {
  const response = await t.as(as, { method: 'GET', url: '/api/my/owed' });
  expect(response.statusCode).toBe(200);
  return response.json<MyOwedDto>();
};
const titles = (answer: MyOwedDto): string[] => answer.rows.map((r) => r.task.title).sort();

describe('what the signed-in user owes (GET /api/my/owed)', () => {
  it('lists each task the user’s unit leads, for the plan’s current period, owed by the rule the period’s owed list uses', async () => {
    const mine = await owed(reporter);
    const february = p.periods[1];
    expect(mine.rows.map((r) => [r.unit.id, r.period?.label, r.report, r.owed])).toEqual([
      [c.units.medical.id, february?.label, null, true],
      [c.units.medical.id, february?.label, null, true],
    ]);
    expect(mine.rows[0]?.plan).toEqual({ id: p.plan.id, year: 2026, title: p.plan.title });
    expect(mine.counts).toEqual({ rows: 2, owed: 2, submitted: 0, returned: 0 });
    // One rule: the same tasks the period's owed list names for the unit.
    const list = await t.as(planner, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/periods/${february?.id ?? ''}/owed`,
    });
    const medical = list
      .json<{ units: { unitId: string; tasks: { title: string }[] }[] }>()
      .units.find((u) => u.unitId === c.units.medical.id);
    expect(medical?.tasks.map((x) => x.title).sort()).toEqual(titles(mine));
  });

  it('owes nothing for a task the user’s unit only supports', async () => {
    // The planner's unit (规划信息科) supports 推进紧密型县域医共体建设 and leads nothing.
    expect(await owed(planner)).toEqual({
      rows: [],
      counts: { rows: 0, owed: 0, submitted: 0, returned: 0 },
      returned: [],
    });
  });

  it('a draft still owes, a submitted report settles the row, a returned one owes again and is listed to resend', async () => {
    const february = p.periods[1]?.id ?? '';
    const send = async (title: string, submit: boolean): Promise<ReportDto> =>
      (
        await t.as(reporter, {
          method: 'POST',
          url: '/api/reports',
          payload: {
            itemId: p.item(title).id,
            unitId: c.units.medical.id,
            periodId: february,
            percent: 10,
            submit,
          },
        })
      ).json<{ report: ReportDto }>().report;
    await send('推进医保支付方式改革', false);
    const submitted = await send('推进紧密型县域医共体建设', true);
    const after = await owed(reporter);
    expect(after.counts).toEqual({ rows: 2, owed: 1, submitted: 1, returned: 0 });
    expect(after.rows.find((r) => r.report?.state === 'draft')?.owed).toBe(true);

    await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${submitted.id}/return`,
      payload: { version: submitted.version, reason: '请补充佐证材料' },
    });
    const returned = await owed(reporter);
    expect(returned.counts).toEqual({ rows: 2, owed: 2, submitted: 0, returned: 1 });
    expect(returned.returned).toEqual([
      {
        reportId: submitted.id,
        taskNumber: p.item('推进紧密型县域医共体建设').number,
        taskTitle: '推进紧密型县域医共体建设',
        periodLabel: p.periods[1]?.label,
        unitName: returned.rows[0]?.unit.name,
        returnReason: '请补充佐证材料',
      },
    ]);
  });
});

describe('the home page’s task figures (GET /api/tasks/overview)', () => {
  type Summary = z.infer<typeof PlanSummaryReport>;
  const overview = async (as: Session, mine: boolean) =>
    (await t.as(as, { method: 'GET', url: `/api/tasks/overview?mine=${String(mine)}` })).json<{
      tasks: number;
      lagging: number;
    }>();

  it('counts the lagging tasks (overdue or behind) as the plan summary does, for everyone or for the user’s units', async () => {
    expect(await overview(planner, false)).toEqual({ tasks: 5, lagging: 0 });
    // Past the year's deadlines, once the day's status job has run.
    t.clock.set('2027-01-02T02:00:00Z');
    planner = await t.login(c.users.planner);
    reporter = await t.login(c.users.reporter);
    await t.runJobs();
    const summary = (
      await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/summary` })
    ).json<Summary>();
    expect(summary.overall.lagging).toBeGreaterThan(0);
    expect(await overview(planner, false)).toEqual({
      tasks: summary.overall.tasks,
      lagging: summary.overall.lagging,
    });
    // Mine: the tasks 医政科 leads or supports (two), both past their deadline.
    expect(await overview(reporter, true)).toEqual({ tasks: 2, lagging: 2 });
  });
});
