import type { ReportDto } from '@yaodian/core';
import type { Plan } from '@yaodian/parser';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { multipartFile, planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';
import { COMMON_ERRORS } from '../../../messaging/error-messages.js';

const SHEET_COLUMNS = [
  '序号',
  '重点工作',
  '具体内容',
  '牵头单位',
  '配合单位',
  '分管委领导',
  '完成时限',
  '指标目标/实际值',
  '完成进度(%)',
  '进展情况',
  '存在问题',
  '下步打算',
  '状态',
];

/** The fixture with one item whose text ends with its responsibility clause, as printed plans do. */
function withClause(plan: Plan): Plan {
  const item = plan.items[1]?.children[0];
  if (item)
    item.text = '强化妇幼健康服务，孕产妇死亡率控制在10/10万以下。（妇幼健康科牵头，各县市区卫生健康局配合）';
  return plan;
}

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({
    now: '2026-03-10T02:00:00Z',
    readPlan: (bytes) =>
      Buffer.from(bytes).toString() === 'boom'
        ? Promise.reject(new Error('connect ECONNREFUSED secret-host:5432'))
        : Promise.resolve(withClause(planFixture())),
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
  const submit = async (title: string, month: number, percent: number, accept: boolean) => {
    const response = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item(title).id,
        unitId: c.units.medical.id,
        periodId: p.periods[month - 1]?.id,
        percent,
        narrative: `${title}已推进${percent}%`,
        submit: true,
      },
    });
    const report = response.json<{ report: ReportDto }>().report;
    if (accept)
      await t.as(planner, {
        method: 'POST',
        url: `/api/reports/${report.id}/accept`,
        payload: { version: report.version },
      });
  };
  await submit('推进医保支付方式改革', 2, 100, true);
  // Only accepted reports count (issue 7.2): both are reviewed.
  await submit('推进紧密型县域医共体建设', 2, 20, true);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('plan summary', () => {
  it('counts tasks by status and gives completion overall, by section, by unit and unit × status', async () => {
    const response = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/summary` });
    expect(response.statusCode).toBe(200);
    const summary = response.json<{
      overall: Record<string, number>;
      statusCounts: Record<string, number>;
      bySection: { title: string; tasks: number; done: number; averagePercent: number }[];
      byUnit: { name: string; tasks: number; done: number }[];
      byUnitStatus: { name: string; counts: Record<string, number> }[];
      risks: { title: string; status: string }[];
    }>();
    expect(Object.values(summary.statusCounts).reduce((a, b) => a + b, 0)).toBe(5);
    expect(summary.statusCounts.done).toBe(1);
    expect(summary.overall).toEqual({
      tasks: 5,
      done: 1,
      completion: 20,
      averagePercent: 24,
      lagging: (summary.statusCounts.overdue ?? 0) + (summary.statusCounts.behind ?? 0),
    });
    expect(summary.bySection).toEqual([
      {
        sectionId: p.item('深化医药卫生体制改革').id,
        number: '一',
        title: '深化医药卫生体制改革',
        tasks: 3,
        done: 0,
        completion: 0,
        averagePercent: 6.7,
      },
      {
        sectionId: p.item('提升公共卫生服务能力').id,
        number: '二',
        title: '提升公共卫生服务能力',
        tasks: 2,
        done: 1,
        completion: 50,
        averagePercent: 50,
      },
    ]);
    expect(summary.byUnit.find((u) => u.name === '医政医管科')).toMatchObject({ tasks: 2, done: 1 });
    // Supporting units appear in the unit × status grid too; every unit's counts add up to its tasks.
    const planning = summary.byUnitStatus.find((u) => u.name === '规划信息科');
    expect(planning?.counts.on_track).toBeGreaterThan(0);
    for (const unit of summary.byUnitStatus)
      expect(Object.values(unit.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const urgency = summary.risks.map((r) => ['overdue', 'behind', 'at_risk'].indexOf(r.status));
    expect(urgency.every((u, k) => u >= 0 && (k === 0 || u >= (urgency[k - 1] ?? 0)))).toBe(true);
  });
});

describe('推进表 export', () => {
  it('writes an .xlsx with Chinese headers, merged section rows, task rows and A4 landscape', async () => {
    const viewer = await t.login(c.users.viewer);
    const response = await t.as(viewer, { method: 'GET', url: `/api/plans/${p.plan.id}/export.xlsx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('推进表.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('推进表');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A2').value).toBe('截至2026年3月10日');
    expect(sheet.getRow(3).values).toEqual([undefined, ...SHEET_COLUMNS]);
    expect(sheet.getCell('A4').value).toBe('一、深化医药卫生体制改革');
    expect(sheet.getCell('A4').isMerged && sheet.getCell('M4').isMerged).toBe(true);
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      1,
      '推进紧密型县域医共体建设',
      '推进紧密型县域医共体建设。',
      '医政医管科',
      '规划信息科',
      '',
      '年底前',
      '县域内就诊率 ≥ 90%；实际 暂无审核通过的数据',
      20,
      '推进紧密型县域医共体建设已推进20%',
      '',
      '',
      // 20% done on 10 March (19% of the year gone), no period closed since publication.
      '正常推进',
    ]);
    const lastTask = sheet.getRow(sheet.rowCount);
    expect([lastTask.getCell(2).value, lastTask.getCell(13).value]).toEqual([
      '推进医保支付方式改革',
      '已完成',
    ]);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});

describe('target attainment', () => {
  it('tracks a target’s reported actuals by period and whether the latest meets it', async () => {
    const task = p.item('推进紧密型县域医共体建设');
    const targetId = task.targets[0]?.id ?? '';
    for (const [month, value] of [
      [4, 91],
      [3, 85],
    ] as const) {
      const response = await t.as(reporter, {
        method: 'POST',
        url: '/api/reports',
        payload: {
          itemId: task.id,
          unitId: c.units.medical.id,
          periodId: p.periods[month - 1]?.id,
          percent: 30,
          actuals: [{ targetId, value }],
          submit: true,
        },
      });
      expect(response.statusCode).toBe(201);
      const report = response.json<{ report: ReportDto }>().report;
      await t.as(planner, {
        method: 'POST',
        url: `/api/reports/${report.id}/accept`,
        payload: { version: report.version },
      });
    }
    const response = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/attainment` });
    const row = response
      .json<{
        targets: {
          targetId: string;
          series: { label: string; value: number }[];
          latest: number;
          met: boolean;
        }[];
      }>()
      .targets.find((x) => x.targetId === targetId);
    expect(row).toMatchObject({
      series: [
        { label: '2026年3月', value: 85 },
        { label: '2026年4月', value: 91 },
      ],
      latest: 91,
      met: true,
    });
    const maternal = response
      .json<{ targets: { metric: string; met: boolean | null }[] }>()
      .targets.find((x) => x.metric === '孕产妇死亡率');
    expect(maternal?.met).toBeNull();
  });
});

describe('comments', () => {
  it('lets a reporter comment on a task and a viewer read but not write', async () => {
    const taskId = p.item('推进紧密型县域医共体建设').id;
    const created = await t.as(reporter, {
      method: 'POST',
      url: `/api/tasks/${taskId}/comments`,
      payload: { body: '本月已召开推进会' },
    });
    expect(created.statusCode).toBe(201);
    const viewer = await t.login(c.users.viewer);
    const list = await t.as(viewer, { method: 'GET', url: `/api/tasks/${taskId}/comments` });
    expect(list.json<{ comments: { body: string; authorName: string }[] }>().comments).toEqual([
      expect.objectContaining({ body: '本月已召开推进会', authorName: 'reporter user' }),
    ]);
    expect(
      (await t.as(viewer, { method: 'POST', url: `/api/tasks/${taskId}/comments`, payload: { body: 'x' } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('audit log and API surface', () => {
  it('shows the audit administrator the audit trail of a report and offers no way to edit it', async () => {
    const auditor = await t.login(c.users.auditor);
    const response = await t.as(auditor, { method: 'GET', url: '/api/audit?entity=report' });
    const actions = response.json<{ entries: { action: string }[] }>().entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['report.submit', 'report.accept']));
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await t.as(auditor, { method, url: '/api/audit' })).statusCode).toBe(404);
    }
  });

  it('serves an OpenAPI 3 document listing the endpoints', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/plans',
        '/api/reports/{id}/submit',
        '/api/plans/{planId}/export.xlsx',
        '/api/health',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('logs an unexpected failure and answers 500 without internals', async () => {
    const { payload, headers } = multipartFile('x.txt', 'boom');
    const response = await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal', message: COMMON_ERRORS.internal },
    });
    expect(response.body).not.toContain('secret-host');
  });
});

describe('推进表 as a commission sends it', () => {
  async function sheetRows(): Promise<string[][]> {
    const response = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/export.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('推进表');
    if (!sheet) throw new Error('no sheet');
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
      rows.push(cells);
    });
    return rows;
  }

  async function reportOn(
    title: string,
    month: number,
    fields: { percent: number; narrative: string; problems: string; nextSteps: string; actual: number },
  ): Promise<ReportDto> {
    const task = p.item(title);
    const response = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: task.id,
        unitId: c.units.medical.id,
        periodId: p.periods[month - 1]?.id,
        percent: fields.percent,
        narrative: fields.narrative,
        problems: fields.problems,
        nextSteps: fields.nextSteps,
        actuals: [{ targetId: task.targets[0]?.id, value: fields.actual }],
        submit: true,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ report: ReportDto }>().report;
  }

  async function review(report: ReportDto, action: 'accept' | 'return'): Promise<void> {
    const response = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${report.id}/${action}`,
      payload:
        action === 'accept' ? { version: report.version } : { version: report.version, reason: '数据不实' },
    });
    expect(response.statusCode).toBe(200);
  }

  it('has the date line, the added columns, ≥ / ≤, content without its clause and accepted figures only', async () => {
    const TASK = '推进紧密型县域医共体建设';
    await review(
      await reportOn(TASK, 5, {
        percent: 45,
        narrative: '五月已审核的进展',
        problems: '五月已审核的问题',
        nextSteps: '五月已审核的打算',
        actual: 88,
      }),
      'accept',
    );
    // A report awaiting review and a returned one: neither may reach the sheet.
    await reportOn(TASK, 6, {
      percent: 80,
      narrative: '待审核的进展',
      problems: '待审核的问题',
      nextSteps: '待审核的打算',
      actual: 97,
    });
    await review(
      await reportOn(TASK, 7, {
        percent: 95,
        narrative: '已退回的进展',
        problems: '已退回的问题',
        nextSteps: '已退回的打算',
        actual: 99,
      }),
      'return',
    );

    const rows = await sheetRows();
    expect(rows[1]?.[0]).toBe('截至2026年3月10日');
    expect(rows[2]).toEqual(SHEET_COLUMNS);
    const row = rows.find((r) => r[1] === TASK);
    expect(row).toEqual([
      '1',
      TASK,
      '推进紧密型县域医共体建设。',
      '医政医管科',
      '规划信息科',
      '',
      '年底前',
      '县域内就诊率 ≥ 90%；实际 88%（2026年5月）',
      '45',
      '五月已审核的进展',
      '五月已审核的问题',
      '五月已审核的打算',
      '正常推进',
    ]);
    const maternal = rows.find((r) => r[1] === '强化妇幼健康服务');
    expect(maternal?.[2]).toBe('强化妇幼健康服务，孕产妇死亡率控制在10/10万以下。');
    expect(maternal?.[3]).toBe('妇幼健康科');
    expect(maternal?.[7]).toBe('孕产妇死亡率 ≤ 10/10万；实际 暂无审核通过的数据');
    const everything = JSON.stringify(rows);
    for (const absent of ['待审核的', '已退回的', '97', '99', '>=', '<='])
      expect(everything, absent).not.toContain(absent);
  });
});
