import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let viewer: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  viewer = await t.login(c.users.viewer);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

interface PeriodDto {
  id: string;
  planId: string;
  kind: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

describe('reporting periods', () => {
  it('shows a reader the plan’s periods with the period presenter’s fields, in order', async () => {
    const list = await t.as(viewer, { method: 'GET', url: `/api/plans/${p.plan.id}/periods` });
    expect(list.statusCode).toBe(200);
    const periods = list.json<{ periods: PeriodDto[] }>().periods;
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({
      id: periods[0]?.id,
      planId: p.plan.id,
      kind: 'monthly',
      label: '2026年1月',
      startsOn: '2026-01-01',
      endsOn: '2026-01-31',
      dueOn: '2026-01-25',
    });
    expect(periods.map((x) => x.endsOn)).toEqual([...periods.map((x) => x.endsOn)].sort());
  });

  it('generating again leaves existing periods as they are; a viewer may not generate', async () => {
    const again = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${p.plan.id}/periods`,
      payload: { kind: 'monthly', dueDay: 10 },
    });
    expect(again.statusCode).toBe(200);
    const periods = again.json<{ periods: PeriodDto[] }>().periods;
    expect(periods.filter((x) => x.kind === 'monthly')).toHaveLength(12);
    expect(periods.find((x) => x.label === '2026年3月')?.dueOn).toBe('2026-03-25');
    const refused = await t.as(viewer, {
      method: 'POST',
      url: `/api/plans/${p.plan.id}/periods`,
      payload: { kind: 'quarterly', dueDay: 10 },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('re-dates a period only through its own plan', async () => {
    const [first] = p.periods;
    if (!first) throw new Error('no period');
    const elsewhere = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/00000000-0000-4000-8000-000000000000/periods/${first.id}`,
      payload: { dueOn: '2026-01-20' },
    });
    expect(elsewhere.statusCode).toBe(404);
    const moved = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/periods/${first.id}`,
      payload: { dueOn: '2026-01-20', label: '一月' },
    });
    expect(moved.json()).toMatchObject({ id: first.id, dueOn: '2026-01-20', label: '一月' });
  });

  it('names the units that still owe a period’s report, with their tasks; a submitted report settles it, a draft does not', async () => {
    const march = p.periods[2]?.id ?? '';
    const owed = async () =>
      (await t.as(viewer, { method: 'GET', url: `/api/plans/${p.plan.id}/periods/${march}/owed` })).json<{
        units: { unitId: string; name: string; tasks: { title: string }[] }[];
      }>().units;
    const before = await owed();
    const medical = before.find((u) => u.unitId === c.units.medical.id);
    expect(medical?.tasks.map((x) => x.title).sort()).toEqual([
      '推进医保支付方式改革',
      '推进紧密型县域医共体建设',
    ]);
    // Most tasks first.
    expect(before.map((u) => u.tasks.length)).toEqual(
      [...before.map((u) => u.tasks.length)].sort((a, b) => b - a),
    );

    const reporter = await t.login(c.users.reporter);
    const send = (submit: boolean, title: string) =>
      t.as(reporter, {
        method: 'POST',
        url: '/api/reports',
        payload: {
          itemId: p.item(title).id,
          unitId: c.units.medical.id,
          periodId: march,
          percent: 20,
          submit,
        },
      });
    expect((await send(false, '推进医保支付方式改革')).statusCode).toBe(201);
    expect((await send(true, '推进紧密型县域医共体建设')).statusCode).toBe(201);
    const after = (await owed()).find((u) => u.unitId === c.units.medical.id);
    expect(after?.tasks.map((x) => x.title)).toEqual(['推进医保支付方式改革']);

    const wrongPlan = await t.as(viewer, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/periods/00000000-0000-4000-8000-000000000000/owed`,
    });
    expect(wrongPlan.statusCode).toBe(404);
  });
});
