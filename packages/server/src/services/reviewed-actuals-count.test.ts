import type { ReportDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { planFixture } from '../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/**
 * Only reviewed figures count: a target's value in a report that is submitted (awaiting review) or returned
 * does not move the task's status; once accepted, it does. Before this, the status read the latest actual of
 * any report that was not a draft, so a figure the office had sent back still turned a task 偏离目标.
 */
let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;

const TASK = '推进紧密型县域医共体建设'; // 医政科 leads; 县域内就诊率 ≥ 90 %

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-03-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const stored = () =>
  t.db
    .selectFrom('task_status')
    .select(['status', 'reason_code'])
    .where('tenant_id', '=', c.tenant.id)
    .where('item_id', '=', p.item(TASK).id)
    .executeTakeFirstOrThrow();

/** The summary's report counts (accepted, pending review, returned). */
interface SummaryReports {
  reports: { accepted: number; pending: number; returned: number };
}

describe('a target value counts toward status once its report is accepted', () => {
  it('keeps the task off 偏离目标 while the far-off value is submitted or returned, and moves it on acceptance', async () => {
    const item = p.item(TASK);
    const targetId = item.targets[0]?.id ?? '';
    expect(targetId).not.toBe('');
    const created = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: item.id,
        unitId: c.units.medical.id,
        periodId: p.periods[1]?.id,
        percent: 40,
        submit: true,
        actuals: [{ targetId, value: 5, note: '' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const report = created.json<{ report: ReportDto }>().report;
    expect(report.state).toBe('submitted');
    expect(await stored()).toEqual({ status: 'not_started', reason_code: 'no_progress' });

    const returned = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/return`,
      payload: { version: report.version, reason: '数值有误，请核实后重报' },
    });
    expect(returned.statusCode).toBe(200);
    expect(await stored()).toEqual({ status: 'not_started', reason_code: 'no_progress' });

    const again = await t.as(reporter, {
      method: 'POST',
      url: `/api/reports/${report.id}/submit`,
      payload: { version: returned.json<{ report: ReportDto }>().report.version },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await stored()).toEqual({ status: 'not_started', reason_code: 'no_progress' });

    const accepted = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: again.json<{ report: ReportDto }>().report.version },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await stored()).toEqual({ status: 'at_risk', reason_code: 'target_off_course' });
  });

  it('counts a submission in the summary at once, though the task status row did not move', async () => {
    const before = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/summary` });
    const etag = String(before.headers.etag);
    const pendingBefore = before.json<SummaryReports>().reports.pending;
    const item = p.item('推进医保支付方式改革');
    const created = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: item.id,
        unitId: c.units.medical.id,
        periodId: p.periods[1]?.id,
        percent: 10,
        submit: true,
      },
    });
    expect(created.statusCode).toBe(201);
    // The summary's ETag moved with the submission: a revalidating dashboard gets the new count, not a 304.
    const after = await t.as(planner, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/summary`,
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json<SummaryReports>().reports.pending).toBe(pendingBefore + 1);
  });
});
