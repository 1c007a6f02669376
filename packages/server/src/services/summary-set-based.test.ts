import type { PlanDetail, ReportDto } from '@yaodian/core';
import { parsePlan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed.js';
import { findPlan } from '../repositories/plan-repository.js';
import { createCommission, type Commission } from '../testing/commission.js';
import { publishWaivingAll } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';
import { summaryFromBoard, summaryFromStoredStatuses } from './summary-service.js';

const SECTIONS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const LEADS = ['医政科', '规划信息科', '妇幼健康科', '体改科'];
const DEADLINES = ['年底前完成', '6月底前完成', '3月底前完成', '9月底前完成'];

/** `tasks` numbered tasks in ten sections, with leads, supporting units and deadlines varying by task. */
function planText(tasks: number): string {
  const lines = ['临江市2026年卫生健康重点任务清单', ''];
  const perSection = Math.ceil(tasks / SECTIONS.length);
  for (let i = 1; i <= tasks; i++) {
    if ((i - 1) % perSection === 0)
      lines.push(
        `${SECTIONS[(i - 1) / perSection] ?? '十'}、第${String((i - 1) / perSection + 1)}类重点任务`,
      );
    const lead = LEADS[i % LEADS.length] ?? '医政科';
    const support = i % 3 === 0 ? '' : `，${LEADS[(i + 1) % LEADS.length] ?? '体改科'}配合`;
    lines.push(
      `${String(i)}.推进第${String(i)}项重点工作，${DEADLINES[i % DEADLINES.length] ?? '年底前完成'}。（${lead}牵头${support}）`,
    );
  }
  return lines.join('\n');
}

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;

beforeAll(async () => {
  // Plans are published in July, past March's and June's deadlines: overdue, behind and at-risk tasks at once.
  t = await createTestApp({
    readPlan: (bytes, options) => parsePlan(bytes, options),
    now: '2026-07-05T02:00:00Z',
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function bothSummaries(tenantId: string, planId: string) {
  const plan = await findPlan(t.db, tenantId, planId);
  if (!plan) throw new Error('no plan');
  return {
    setBased: await summaryFromStoredStatuses(t.deps, plan),
    board: await summaryFromBoard(t.deps, plan),
  };
}

describe('the summary from one set-based statement', () => {
  it('gives the board-based answer on a generated 1,000-task plan with reports in every state', async () => {
    const boundary = 'plan-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.txt"\r\n\r\n`,
      ),
      Buffer.from(planText(1000)),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imported = await t.as(planner, {
      method: 'POST',
      url: '/api/plans',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(imported.statusCode).toBe(201);
    const draft = imported.json<PlanDetail>();
    expect((await publishWaivingAll(t, planner, draft)).statusCode).toBe(200);
    const periods = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${draft.id}/periods`,
      payload: { kind: 'monthly', dueDay: 25 },
    });
    const periodId = periods.json<{ periods: { id: string }[] }>().periods[0]?.id ?? '';
    // The reporter's unit (医政医管科) leads every fourth task: reports on some, accepted, returned or pending.
    const tasks = draft.items.filter((i) => i.parentId !== null && i.title.length > 0);
    let reviewed = 0;
    for (const [n, task] of tasks.entries()) {
      if (n % 4 !== 3 || n > 200) continue;
      const created = await t.as(reporter, {
        method: 'POST',
        url: '/api/reports',
        payload: {
          itemId: task.id,
          unitId: c.units.medical.id,
          periodId,
          percent: (n * 7) % 101,
          submit: true,
        },
      });
      if (created.statusCode !== 201) continue;
      const report = created.json<{ report: ReportDto }>().report;
      const outcome = reviewed % 3;
      reviewed += 1;
      if (outcome === 2) continue;
      const review = await t.as(planner, {
        method: 'POST',
        url: `/api/reports/${report.id}/${outcome === 0 ? 'accept' : 'return'}`,
        payload:
          outcome === 0 ? { version: report.version } : { version: report.version, reason: '数据不全' },
      });
      expect(review.statusCode).toBe(200);
    }
    expect(reviewed).toBeGreaterThan(20);
    const { setBased, board } = await bothSummaries(c.tenant.id, draft.id);
    expect(setBased.overall.tasks).toBeGreaterThanOrEqual(999);
    expect(setBased.bySection.length).toBe(10);
    expect(setBased.statusCounts.overdue).toBeGreaterThan(0);
    expect(setBased.reports.accepted).toBeGreaterThan(0);
    expect(setBased.reports.returned).toBeGreaterThan(0);
    expect(setBased.reports.pending).toBeGreaterThan(0);
    expect(setBased.risks.length).toBeGreaterThan(0);
    expect(setBased).toEqual(board);
  }, 600_000);

  it('gives the board-based answer on the demo plan', async () => {
    const seeded = await seedDemo(t.deps);
    expect(seeded.planId).not.toBeNull();
    const { setBased, board } = await bothSummaries(seeded.tenantId, seeded.planId ?? '');
    expect(setBased.overall.tasks).toBeGreaterThan(10);
    expect(setBased.byUnitStatus.length).toBeGreaterThan(3);
    expect(setBased).toEqual(board);
  }, 600_000);
});
