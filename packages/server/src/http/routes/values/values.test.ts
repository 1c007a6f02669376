import type { BulkPreview, BulkResult, ReportDto } from '@yaodian/core';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { encodeGb18030 } from '../../../testing/gb18030.js';
import { multipartFile } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';
import { valuesPlanFixture } from '../../../testing/values-plan.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({
    readPlan: () => Promise.resolve(valuesPlanFixture()),
    now: '2026-06-10T02:00:00Z',
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const periodId = (month: number): string => {
  const id = p.periods[month - 1]?.id;
  if (!id) throw new Error('no period');
  return id;
};
const base = (month: number) => `/api/plans/${p.plan.id}/periods/${periodId(month)}`;

async function template(month: number): Promise<ExcelJS.Worksheet> {
  const response = await t.as(reporter, { method: 'GET', url: `${base(month)}/values.xlsx` });
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** The template's value rows for the 30 targets of the bulk section, filled in (percent by task). */
function fill(sheet: ExcelJS.Worksheet, value: (row: number) => ExcelJS.CellValue): number[] {
  const rows: number[] = [];
  sheet.eachRow((row, number) => {
    if (number < 3 || !row.getCell(2).text.startsWith('批量填报任务')) return;
    row.getCell(7).value = value(number);
    row.getCell(8).value = 60;
    rows.push(number);
  });
  return rows;
}

async function bytesOf(sheet: ExcelJS.Worksheet): Promise<Buffer> {
  return Buffer.from(await sheet.workbook.xlsx.writeBuffer());
}

async function upload(month: number, bytes: Buffer, name = 'values.xlsx', path = '') {
  const { payload, headers } = multipartFile(name, bytes);
  return t.as(reporter, { method: 'POST', url: `${base(month)}/values${path}`, payload, headers });
}

async function reportsOf(month: number): Promise<ReportDto[]> {
  const response = await t.as(planner, { method: 'GET', url: `/api/reports?periodId=${periodId(month)}` });
  return response.json<{ reports: ReportDto[] }>().reports;
}

describe('values in bulk', () => {
  it('offers a template with the reporter’s tasks and targets, ids in hidden columns and instructions in Chinese', async () => {
    const sheet = await template(1);
    expect(sheet.getRow(1).getCell(1).text).toContain('填写说明');
    expect(sheet.getRow(2).getCell(7).value).toBe('本期实际值');
    expect([sheet.getColumn(10).hidden, sheet.getColumn(11).hidden, sheet.getColumn(12).hidden]).toEqual([
      true,
      true,
      true,
    ]);
    const units = new Set<string>();
    let bulk = 0;
    sheet.eachRow((row, n) => {
      if (n < 3) return;
      units.add(row.getCell(3).text);
      if (row.getCell(2).text.startsWith('批量填报任务')) bulk++;
    });
    // Only the reporter's unit (医政医管科) is offered; 妇幼健康科's task is not.
    expect([...units]).toEqual(['医政医管科']);
    expect(bulk).toBe(30);
  });

  it('lands 30 values in one transaction or none: a bad row 17 names its row and column and writes nothing', async () => {
    const sheet = await template(1);
    const rows = fill(sheet, (row) => (row === 17 ? '八十' : row * 10));
    expect(rows).toHaveLength(30);
    expect(rows).toContain(17);
    const bad = await bytesOf(sheet);

    const preview = await upload(1, bad, 'values.xlsx', '/preview');
    expect(preview.statusCode).toBe(200);
    const body = preview.json<BulkPreview>();
    expect(body.valid).toBe(false);
    expect(body.lines.find((l) => l.row === 17)?.errors).toEqual(['第17行 G列（本期实际值）：应为数字']);
    expect(body.lines.find((l) => l.row === 18)).toMatchObject({
      newValue: 180,
      oldValue: null,
      percent: 60,
    });

    const refused = await upload(1, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(
      '第17行 G列（本期实际值）：应为数字',
    );
    expect(await reportsOf(1)).toEqual([]);

    sheet.getRow(17).getCell(7).value = 170;
    const good = await bytesOf(sheet);
    const written = await upload(1, good);
    expect(written.statusCode).toBe(201);
    expect(written.json<BulkResult>()).toMatchObject({
      created: 10,
      replayed: 0,
      values: 30,
      state: 'submitted',
    });
    const reports = await reportsOf(1);
    expect(reports).toHaveLength(10);
    expect(reports.every((r) => r.state === 'submitted' && r.percent === 60)).toBe(true);
    expect(reports.flatMap((r) => r.actuals.map((a) => a.value)).sort((a, b) => a - b)).toEqual(
      rows.map((r) => r * 10).sort((a, b) => a - b),
    );

    // The same file again (a double click, a retry) answers with what it made and writes nothing more.
    const again = await upload(1, good);
    expect(again.statusCode).toBe(200);
    expect(again.json<BulkResult>()).toMatchObject({ created: 0, replayed: 10 });
    expect(await reportsOf(1)).toHaveLength(10);

    // Another file for the same slots is refused by name: the reports exist (change them on the report page).
    sheet.getRow(18).getCell(7).value = 999;
    const other = await upload(1, await bytesOf(sheet));
    expect(other.statusCode).toBe(400);
    expect(other.json<{ error: { message: string } }>().error.message).toContain(
      '已有此任务的报告（待审核）',
    );
  });

  it('shows the last accepted value as the old value once a reviewer accepted it', async () => {
    const [first] = await reportsOf(1);
    if (!first) throw new Error('no report');
    const accepted = await t.as(planner, {
      method: 'POST',
      url: `/api/reports/${first.id}/accept`,
      payload: { version: first.version },
    });
    expect(accepted.statusCode).toBe(200);
    const sheet = await template(2);
    const target = first.actuals[0];
    let old: ExcelJS.CellValue = null;
    sheet.eachRow((row) => {
      if (row.getCell(12).value === target?.targetId) old = row.getCell(6).value;
    });
    expect(old).toBe(target?.value);
  });

  it('reads a CSV saved as GB18030 (Excel in Chinese Windows) and keeps the Chinese note', async () => {
    const sheet = await template(2);
    const lines: string[] = [
      '说明',
      '任务编号,任务,责任单位,指标,目标,上次已采纳值,本期实际值,进度（%）,说明,任务ID,单位ID,指标ID',
    ];
    sheet.eachRow((row, n) => {
      if (n < 3 || !row.getCell(2).text.startsWith('批量填报任务1')) return;
      const cell = (i: number) => row.getCell(i).text;
      lines.push(
        [
          cell(1),
          cell(2),
          cell(3),
          cell(4),
          '',
          '',
          '12.5',
          '40',
          '按期推进，数据已核对',
          cell(10),
          cell(11),
          cell(12),
        ].join(','),
      );
    });
    const csv = encodeGb18030(`${lines.join('\r\n')}\r\n`);
    expect(csv.includes(Buffer.from('按期', 'utf8'))).toBe(false);
    const written = await upload(2, csv, 'values.csv');
    expect(written.statusCode).toBe(201);
    // 批量填报任务1 and 批量填报任务10: two tasks, six targets.
    expect(written.json<BulkResult>()).toMatchObject({ created: 2, values: 6 });
    const notes = (await reportsOf(2)).flatMap((r) => r.actuals.map((a) => a.note));
    expect(notes).toEqual(Array.from({ length: 6 }, () => '按期推进，数据已核对'));
  });

  it('accepts bulk values directly where the plan says so, else they wait for review', async () => {
    const plan = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}` });
    const set = await t.as(planner, {
      method: 'PATCH',
      url: `/api/plans/${p.plan.id}`,
      payload: { version: plan.json<{ version: number }>().version, settings: { bulkValuesAccepted: true } },
    });
    expect(set.json<{ settings: { bulkValuesAccepted: boolean } }>().settings.bulkValuesAccepted).toBe(true);
    const sheet = await template(3);
    fill(sheet, () => 5);
    const written = await upload(3, await bytesOf(sheet));
    expect(written.json<BulkResult>()).toMatchObject({ created: 10, state: 'accepted' });
    expect((await reportsOf(3)).every((r) => r.state === 'accepted')).toBe(true);
  });

  it('rolls back the reports already written when a later one fails inside the transaction', async () => {
    const sheet = await template(5);
    fill(sheet, () => 7);
    const bytes = await bytesOf(sheet);
    // The seventh task's insert fails in the database itself, after six reports were written in the same
    // transaction: none of the six may remain.
    const seventh = p.item('批量填报任务7').id;
    await sql
      .raw(
        `create function refuse_seventh() returns trigger language plpgsql as $$
         begin if new.item_id = '${seventh}' then raise exception 'refused by the test'; end if; return new; end $$`,
      )
      .execute(t.db);
    await sql`create trigger refuse_seventh before insert on progress_reports
      for each row execute function refuse_seventh()`.execute(t.db);
    try {
      const failed = await upload(5, bytes);
      expect(failed.statusCode).toBe(500);
      expect(await reportsOf(5)).toEqual([]);
    } finally {
      await sql`drop trigger refuse_seventh on progress_reports`.execute(t.db);
      await sql`drop function refuse_seventh()`.execute(t.db);
    }
    const written = await upload(5, bytes);
    expect(written.json<BulkResult>()).toMatchObject({ created: 10, values: 30 });
  });

  it('refuses a file that is not a sheet, with a Chinese message', async () => {
    const response = await upload(4, Buffer.from([0, 1, 2, 3, 0, 0, 0]), 'x.bin', '/preview');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain('无法读取文件');
  });
});
