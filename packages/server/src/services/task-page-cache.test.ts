import type { PlanDetail, ReportDto, TaskDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { planFixture } from '../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/**
 * The task list answers an unchanged plan's page from the page cache (services/task-page-cache.ts), validated by
 * the plan's fingerprint on every request. Each kind of write that changes what a page shows must show on the
 * next read: a page served stale after any of them fails here.
 */
let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let admin: Session;
let p: PublishedPlan;

const TASK = '推进医保支付方式改革'; // 医政科 leads

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-03-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  admin = await t.login(c.users.admin);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

/** The task as the list shows it, read twice: the second answer (from the cache when unchanged) must agree. */
async function listed(title = TASK): Promise<TaskDto> {
  const read = async () => {
    const response = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}&limit=25` });
    expect(response.statusCode).toBe(200);
    return response.json<{ tasks: TaskDto[] }>().tasks;
  };
  const first = await read();
  expect(await read()).toEqual(first);
  const task = first.find((x) => x.id === p.item(title).id);
  if (!task) throw new Error(`${title} is not listed`);
  return task;
}

const reportBody = (percent: number) => ({
  itemId: p.item(TASK).id,
  unitId: c.units.medical.id,
  periodId: p.periods[1]?.id,
  percent,
  narrative: '二月进展：试点医院已上线。',
  submit: true,
});

describe('the task list’s page cache', () => {
  it('shows each change on the next read: submission, return, acceptance, item edit, unit rename, the daily job', async () => {
    expect(await listed()).toMatchObject({ status: 'not_started', pending: [] });

    const created = await t.as(reporter, { method: 'POST', url: '/api/reports', payload: reportBody(60) });
    expect(created.statusCode).toBe(201);
    const report = created.json<{ report: ReportDto }>().report;
    expect((await listed()).pending).toEqual([
      expect.objectContaining({ reportId: report.id, percent: 60, counted: true }),
    ]);

    const returned = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/return`,
      payload: { version: report.version, reason: '请补充试点医院名单' },
    });
    expect(returned.statusCode).toBe(200);
    expect((await listed()).pending).toEqual([]);

    const resubmitted = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${report.id}/submit`,
      payload: { version: returned.json<{ report: ReportDto }>().report.version },
    });
    expect(resubmitted.statusCode).toBe(200);
    expect((await listed()).pending).toHaveLength(1);

    const accepted = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: resubmitted.json<{ report: ReportDto }>().report.version },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await listed()).toMatchObject({
      pending: [],
      percent: 60,
      status: 'on_track',
      latestNarrative: '二月进展：试点医院已上线。',
    });

    const item = (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}` }))
      .json<PlanDetail>()
      .items.find((i) => i.id === p.item(TASK).id);
    const edited = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}/items/${p.item(TASK).id}`,
      payload: { version: item?.version, text: '推进医保支付方式改革，年内覆盖全部二级以上医院。' },
    });
    expect(edited.statusCode).toBe(200);
    expect((await listed()).text).toBe('推进医保支付方式改革，年内覆盖全部二级以上医院。');

    const renamed = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${c.units.medical.id}`,
      payload: { name: '医政医管科' },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await listed()).leadUnits).toEqual([{ id: c.units.medical.id, name: '医政医管科' }]);

    // Time alone: past the deadline, the daily job turns the task overdue, and the list shows it.
    t.clock.set('2027-01-02T02:00:00Z');
    planner = await t.login(c.users.planner);
    expect((await listed()).status).toBe('on_track');
    expect(await t.runJobs()).toBeGreaterThan(0);
    expect((await listed()).status).toBe('overdue');
  });
});
