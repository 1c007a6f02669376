import type { PlanDetail, ReportDto, TaskDto } from '@yaodian/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createUser } from '../../../testing/factories.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let supporter: Session;
let p: PublishedPlan;
const TASK = '推进紧密型县域医共体建设';

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  p = await publishFixturePlan(t, await t.login(c.users.planner));
  // Sessions end after 12 hours: sign in once the clock stands in May.
  t.clock.set('2026-05-20T02:00:00Z');
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  supporter = await t.login(
    await createUser(t.db, c.tenant.id, { role: 'reporter', unitIds: [c.units.planning.id] }),
  );
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const periodId = (month: number): string => p.periods[month - 1]?.id ?? '';
const targetId = (): string => p.item(TASK).targets[0]?.id ?? '';

async function report(
  session: Session,
  unitId: string,
  month: number,
  percent: number,
  actual: number,
): Promise<ReportDto> {
  const response = await t.as(session, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: p.item(TASK).id,
      unitId,
      periodId: periodId(month),
      percent,
      narrative: `${String(month)}月进展${String(percent)}%`,
      actuals: [{ targetId: targetId(), value: actual }],
      submit: true,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ report: ReportDto }>().report;
}

async function review(action: 'accept' | 'return', r: ReportDto): Promise<void> {
  const response = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${r.id}/${action}`,
    payload: action === 'accept' ? { version: r.version } : { version: r.version, reason: '数据不实' },
  });
  expect(response.statusCode).toBe(200);
}

async function task(): Promise<TaskDto> {
  const response = await t.as(planner, { method: 'GET', url: `/api/tasks?planId=${p.plan.id}` });
  const found = response.json<{ tasks: TaskDto[] }>().tasks.find((x) => x.title === TASK);
  if (!found) throw new Error('no task');
  return found;
}

interface Figures {
  task: Pick<TaskDto, 'status' | 'statusReason' | 'percent' | 'latestNarrative'>;
  attainment: unknown;
  summary: { statusCounts: unknown; bySection: unknown; byUnit: unknown };
  sheet: unknown[][];
}

async function figures(): Promise<Figures> {
  const current = await task();
  const attainment = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/attainment` });
  const target = attainment
    .json<{
      targets: { targetId: string; latest: number | null; attainment: number | null; met: boolean | null }[];
    }>()
    .targets.find((x) => x.targetId === targetId());
  const summary = (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/summary` })).json<
    Figures['summary']
  >();
  const exported = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/export.xlsx` });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push(JSON.parse(JSON.stringify(row.values)) as unknown[]));
  return {
    task: {
      status: current.status,
      statusReason: current.statusReason,
      percent: current.percent,
      latestNarrative: current.latestNarrative,
    },
    attainment: { latest: target?.latest, attainment: target?.attainment, met: target?.met },
    summary: { statusCounts: summary.statusCounts, bySection: summary.bySection, byUnit: summary.byUnit },
    sheet: rows,
  };
}

describe('only accepted reports count', () => {
  let accepted: Figures;

  it('counts an accepted report in status, attainment, summary and 推进表', async () => {
    await review('accept', await report(reporter, c.units.medical.id, 3, 30, 70));
    accepted = await figures();
    expect(accepted.task).toMatchObject({ percent: 30, latestNarrative: '3月进展30%' });
    expect(accepted.attainment).toEqual({ latest: 70, attainment: 77.8, met: false });
    expect(JSON.stringify(accepted.sheet)).toContain('3月进展30%');
  });

  it('shows a submitted report as 待审核 beside the accepted figure, changing none of the figures', async () => {
    const pending = await report(reporter, c.units.medical.id, 4, 60, 95);
    expect(await figures()).toEqual(accepted);
    expect((await task()).pending).toEqual([
      { reportId: pending.id, unitId: c.units.medical.id, periodId: periodId(4), percent: 60, counted: true },
    ]);
    const attainment = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/attainment` });
    const target = attainment
      .json<{ targets: { targetId: string; pending: unknown }[] }>()
      .targets.find((x) => x.targetId === targetId());
    expect(target?.pending).toEqual({ periodId: periodId(4), label: '2026年4月', value: 95 });
    const summary = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/summary` });
    expect(summary.json<{ reports: unknown }>().reports).toEqual({ accepted: 1, pending: 1, returned: 0 });

    // Returned, it never counts: status, attainment, summary and the 推进表 are as before.
    await review('return', pending);
    expect(await figures()).toEqual(accepted);
    expect((await task()).pending).toEqual([]);
  });

  it('shows a supporting unit’s accepted contribution on the task without counting it', async () => {
    const contribution = await report(supporter, c.units.planning.id, 4, 90, 99);
    expect((await task()).pending).toContainEqual(
      expect.objectContaining({ reportId: contribution.id, counted: false }),
    );
    await review('accept', contribution);
    expect(await figures()).toEqual(accepted);
  });

  it('accepts on submission when the plan switches review off, and says so in the plan', async () => {
    const plan = (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}` })).json<PlanDetail>();
    expect(plan.settings).toEqual({
      reviewRequired: true,
      evidenceRequired: false,
      bulkValuesAccepted: false,
    });
    const patched = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}`,
      payload: { version: plan.version, settings: { reviewRequired: false } },
    });
    expect(patched.json<PlanDetail>().settings).toEqual({
      reviewRequired: false,
      evidenceRequired: false,
      bulkValuesAccepted: false,
    });
    const submitted = await report(reporter, c.units.medical.id, 5, 45, 88);
    expect(submitted.state).toBe('accepted');
    expect((await task()).percent).toBe(45);
  });
});
