import type { AssessmentDto, AssessmentRulesDto, ReportDto } from '@yaodian/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/*
 * The annual assessment over the API: rules are data (edited here through the API, and the score and its
 * explanation follow), scores come from what the units did (reports accepted, missing, returned as without
 * substance), the leaders' evaluation, publication freezes it, and it exports to .xlsx.
 */
let t: TestApp;
let c: Commission;
let p: PublishedPlan;
let planner: Session;
let reporter: Session;
let leader: Session;

const CONSORTIUM = '推进紧密型县域医共体建设';
const INSURANCE = '推进医保支付方式改革';

async function signIn(): Promise<void> {
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  leader = await t.login(c.users.leader);
}

async function submit(title: string, percent: number, actuals: object[] = []): Promise<ReportDto> {
  const response = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: p.item(title).id,
      unitId: c.units.medical.id,
      periodId: p.periods.find((x) => x.label === '2026年5月')?.id,
      percent,
      narrative: '按计划推进',
      actuals,
      submit: true,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ report: ReportDto }>().report;
}

async function medical(query = '?asOf=2026-06-30'): Promise<AssessmentDto['units'][number]> {
  const response = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/assessment${query}` });
  expect(response.statusCode, response.body).toBe(200);
  const unit = response.json<AssessmentDto>().units.find((u) => u.unitId === c.units.medical.id);
  if (!unit) throw new Error('医政医管科 not assessed');
  return unit;
}

async function rules(): Promise<AssessmentRulesDto> {
  return (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/assessment/rules` })).json();
}

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-05-20T02:00:00Z' });
  c = await createCommission(t.db);
  await signIn();
  p = await publishFixturePlan(t, planner);
  const target = p.item(CONSORTIUM).targets[0];
  if (!target) throw new Error('the fixture task has no target');
  const consortium = await submit(CONSORTIUM, 40, [{ targetId: target.id, value: 81 }]);
  const accepted = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${consortium.id}/accept`,
    payload: { version: consortium.version },
  });
  expect(accepted.statusCode).toBe(200);
  const insurance = await submit(INSURANCE, 10);
  const returned = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${insurance.id}/return`,
    payload: { version: insurance.version, reason: '只有口号，没有具体进展', noSubstance: true },
  });
  expect(returned.json<{ report: ReportDto }>().report.noSubstanceAt).not.toBeNull();
  // Past June's due date (the 25th) with no June report from 医政医管科.
  t.clock.set('2026-06-30T02:00:00Z');
  await signIn();
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('annual assessment', () => {
  it('starts from the default rules and explains every point of the score', async () => {
    const initial = await rules();
    expect(initial).toMatchObject({ isDefault: true, version: 0 });
    expect(initial.rules.deductions.missingReport).toBe(10);
    const unit = await medical();
    expect(unit.lines.map((l) => l.text)).toEqual([
      '+10：任务「推进紧密型县域医共体建设」完成40%（满分25）',
      '+0：任务「推进医保支付方式改革」尚无审核通过的进展（满分25）',
      '+27：目标「县域内就诊率」完成90%（满分30）',
      '−10：2026年6月未报（2项任务）',
      '−5：任务「推进医保支付方式改革」2026年5月报告被退回（无实质内容）',
      '+0：领导评价尚未录入（满分20）',
    ]);
    expect(unit.score).toBe(22);
  });

  it('changes the score and its explanation when the rules are edited through the API (no rule is hard-coded)', async () => {
    const before = await rules();
    const edited = {
      ...before.rules,
      completionPoints: 60,
      targetPoints: 20,
      deductions: { ...before.rules.deductions, missingReport: 15, noSubstance: 8 },
      weights: [{ itemId: p.item(CONSORTIUM).id, weight: 3 }],
    };
    const saved = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/assessment/rules`,
      payload: { version: before.version, rules: edited },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<AssessmentRulesDto>()).toMatchObject({ isDefault: false, version: 1 });
    const unit = await medical();
    expect(unit.lines.map((l) => l.text)).toEqual([
      '+18：任务「推进紧密型县域医共体建设」完成40%（满分45）',
      '+0：任务「推进医保支付方式改革」尚无审核通过的进展（满分15）',
      '+18：目标「县域内就诊率」完成90%（满分20）',
      '−15：2026年6月未报（2项任务）',
      '−8：任务「推进医保支付方式改革」2026年5月报告被退回（无实质内容）',
      '+0：领导评价尚未录入（满分20）',
    ]);
    expect(unit.score).toBe(13);

    const stale = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/assessment/rules`,
      payload: { version: before.version, rules: before.rules },
    });
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const invalid = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/assessment/rules`,
      payload: { version: 1, rules: { ...edited, deductions: { ...edited.deductions, lateReport: -2 } } },
    });
    expect(invalid.json()).toMatchObject({
      error: { code: 'validation_failed', field: 'rules.deductions.lateReport' },
    });
  });

  it('adds the leaders’ evaluation, entered by a leader only', async () => {
    const url = `/api/plans/${p.plan.id}/assessment/evaluations/${c.units.medical.id}`;
    expect((await t.as(planner, { method: 'PUT', url, payload: { score: 100 } })).statusCode).toBe(403);
    const saved = await t.as(leader, { method: 'PUT', url, payload: { score: 90, note: '工作主动' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await medical()).lines.at(-1)?.text).toBe('+18：领导评价90分（1位领导，满分20）');
    const list = await t.as(reporter, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/assessment/evaluations`,
    });
    expect(list.json<{ evaluations: { score: number }[] }>().evaluations.map((e) => e.score)).toEqual([90]);
  });

  it('recomputes for any date: before June’s due date nothing is missing', async () => {
    const early = await medical('?asOf=2026-06-20');
    expect(early.lines.some((l) => l.kind === 'missing_report')).toBe(false);
  });

  it('freezes the published assessment: later rule changes alter the live score only; publishing is once', async () => {
    const published = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${p.plan.id}/assessment/publish`,
      payload: { asOf: '2026-06-30' },
    });
    expect(published.statusCode, published.body).toBe(201);
    const frozen = published.json<AssessmentDto>();
    expect(frozen.publishedAt).not.toBeNull();
    const current = await rules();
    await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/assessment/rules`,
      payload: { version: current.version, rules: { ...current.rules, baseScore: 50 } },
    });
    const frozenScore = frozen.units.find((u) => u.unitId === c.units.medical.id)?.score ?? NaN;
    expect((await medical()).score).toBe(frozenScore + 50);
    const read = await t.as(reporter, { method: 'GET', url: `/api/plans/${p.plan.id}/assessment/published` });
    expect(read.json<AssessmentDto>()).toEqual(frozen);
    const again = await t.as(planner, {
      method: 'POST',
      url: `/api/plans/${p.plan.id}/assessment/publish`,
      payload: { asOf: '2026-06-30' },
    });
    expect(again.json()).toMatchObject({ error: { code: 'state_conflict' } });
  });

  it('exports a ranking sheet and an explanation sheet (.xlsx)', async () => {
    const response = await t.as(planner, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/assessment/export.xlsx`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['排名', '得分说明']);
    const ranking = workbook.getWorksheet('排名');
    expect(ranking?.getCell('A1').text ?? '').toContain('已发布');
    expect(ranking?.getRow(2).values).toEqual(expect.arrayContaining(['排名', '单位', '得分']));
    const texts: string[] = [];
    workbook.getWorksheet('得分说明')?.eachRow((row) => texts.push(row.getCell(4).text));
    expect(texts).toContain('−15：2026年6月未报（2项任务）');
  });

  it('deducts for each 督办 notice issued to the unit, by its level, naming the notice', async () => {
    const before = await medical();
    const issued = await t.as(planner, {
      method: 'POST',
      url: '/api/supervision',
      payload: {
        planId: p.plan.id,
        level: 'yellow',
        unitIds: [c.units.medical.id],
        itemIds: [p.item(INSURANCE).id],
        reason: '医保支付方式改革进展滞后',
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { number } = issued.json<{ notice: { number: string } }>().notice;
    const after = await medical();
    const deductions = (await rules()).rules.deductions;
    expect(after.lines.map((l) => l.text)).toContain(
      `−${String(deductions.supervisionYellow)}：黄色督办（${number}）`,
    );
    expect(after.score).toBe(before.score - deductions.supervisionYellow);
    // As of a day before it was issued, the notice does not count.
    expect((await medical('?asOf=2026-06-29')).lines.some((l) => l.text.includes(number))).toBe(false);
  });
});
