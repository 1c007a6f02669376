import { mkdir, writeFile } from 'node:fs/promises';
import type { ReportDto } from '@yaodian/core';
import type { Plan } from '@yaodian/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import {
  docxPart,
  firstPagePng,
  layoutProblems,
  pdfText,
  renderPdf,
  type RenderedPdf,
} from '../../../testing/office-render.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/** The fixture with one task due at the end of March, so that in April it is overdue. */
function withMarchDeadline(plan: Plan): Plan {
  const maternal = plan.items[1]?.children[0];
  if (maternal) {
    maternal.deadline = '2026-03-31';
    maternal.deadlineText = '3月底前';
  }
  return plan;
}

const DOC_NUMBER = '临卫督〔2026〕3号';
const TITLE = '关于2026年全市卫生健康工作要点3月落实情况的通报';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;
let bytes: Buffer;
let rendered: RenderedPdf | undefined;

/** Moves the clock to `iso` and signs in again (a session ends after 30 idle minutes). */
async function at(iso: string): Promise<void> {
  t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
}

async function report(
  title: string,
  fields: { percent: number; problems?: string; actual?: number },
): Promise<ReportDto> {
  const task = p.item(title);
  const response = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: task.id,
      unitId: c.units.medical.id,
      periodId: p.periods[2]?.id,
      percent: fields.percent,
      narrative: `${title}三月进展`,
      problems: fields.problems ?? '',
      actuals: fields.actual === undefined ? [] : [{ targetId: task.targets[0]?.id, value: fields.actual }],
      submit: true,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ report: ReportDto }>().report;
}

async function accept(r: ReportDto): Promise<void> {
  const response = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${r.id}/accept`,
    payload: { version: r.version },
  });
  expect(response.statusCode).toBe(200);
}

/** Issues a 督办 notice by hand to 医政医管科 on a task; answers its id and version. */
async function issueNotice(
  title: string,
  level: string,
  reason: string,
): Promise<{ id: string; version: number }> {
  const response = await t.as(planner, {
    method: 'POST',
    url: '/api/supervision',
    payload: { planId: p.plan.id, level, unitIds: [c.units.medical.id], itemIds: [p.item(title).id], reason },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ notice: { id: string; version: number } }>().notice;
}

/** The unit signs and responds, the office closes (销号). */
async function answerAndClose(id: string): Promise<void> {
  const step = async (who: Session, action: string, payload: object) => {
    const response = await t.as(who, { method: 'POST', url: `/api/supervision/${id}/${action}`, payload });
    expect(response.statusCode, response.body).toBe(200);
  };
  await step(reporter, 'sign', { version: 1 });
  await step(reporter, 'respond', { version: 2, response: '已制定整改措施' });
  await step(planner, 'close', { version: 3 });
}

/** The document's text, a paragraph a line (table cells are paragraphs too). */
const paragraphs = (xml: string): string[] =>
  xml
    .split('</w:p>')
    .map((p) => p.replace(/<[^>]+>/g, ''))
    .filter((p) => p.length > 0);

beforeAll(async () => {
  t = await createTestApp({
    now: '2026-02-10T02:00:00Z',
    readPlan: () => Promise.resolve(withMarchDeadline(planFixture())),
  });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
  // 督办: one notice issued in February (closed in March), one issued in March, one in April.
  const february = await issueNotice('推进医保支付方式改革', 'blue', '2月进展报送内容空泛');
  // March (due the 25th): one report on time, one two days late; both accepted.
  await at('2026-03-20T02:00:00Z');
  await accept(await report('推进医保支付方式改革', { percent: 100 }));
  await issueNotice('推进紧密型县域医共体建设', 'yellow', '3月进展滞后序时进度');
  await answerAndClose(february.id);
  await at('2026-03-27T02:00:00Z');
  await accept(
    await report('推进紧密型县域医共体建设', { percent: 30, problems: '基层人才不足', actual: 85 }),
  );
  // In April the maternal task is past its deadline and February's period closed without reports.
  await at('2026-04-10T02:00:00Z');
  await issueNotice('推进紧密型县域医共体建设', 'red', '4月仍未整改');
  await t.runJobs();
  const response = await t.as(planner, {
    method: 'GET',
    url: `/api/plans/${p.plan.id}/bulletin?periodId=${p.periods[2]?.id ?? ''}&docNumber=${encodeURIComponent(DOC_NUMBER)}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  bytes = response.rawPayload;
  rendered = await renderPdf(bytes, 'bulletin');
}, 240_000);
afterAll(async () => {
  await rendered?.cleanup();
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('通报 (bulletin) of a period', () => {
  it('downloads as .docx with the Chinese title as its file name and is audited as an export', async () => {
    const response = await t.as(planner, {
      method: 'GET',
      url: `/api/plans/${p.plan.id}/bulletin?periodId=${p.periods[2]?.id ?? ''}`,
    });
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent(`${TITLE}.docx`)}`,
    );
    // Without a number the office fills it in by hand.
    expect(paragraphs(docxPart(response.rawPayload, 'word/document.xml'))).toContain(
      '〔2026〕\u3000\u3000号',
    );
    const auditor = await t.login(c.users.auditor);
    const audit = await t.as(auditor, { method: 'GET', url: '/api/audit?action=plan.export' });
    const entries = audit.json<{
      entries: { entityId: string; after: { document?: string; fileName?: string } }[];
    }>().entries;
    expect(entries.filter((e) => e.after.document === 'bulletin').map((e) => e.after.fileName)).toEqual([
      `${TITLE}.docx`,
      `${TITLE}.docx`,
    ]);
  });

  it('names the official fonts, sizes, A4 and the GB/T 9704 margins in the .docx', () => {
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312'])
      expect(xml, font).toContain(`w:eastAsia="${font}"`);
    expect(xml).toMatch(/<w:rFonts[^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:rFonts[^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    expect(xml, 'the red 版头').toMatch(/<w:color w:val="FF0000"\/>[\s\S]*?卫生健康委员会[^<]*文件/);
    expect(xml, 'the red rule').toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(docxPart(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('carries the plan’s own figures: status counts as the summary gives them, ranking, reasons, targets', async () => {
    const summary = (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/summary` })).json<{
      overall: { tasks: number; done: number };
      statusCounts: Record<string, number>;
    }>();
    expect(summary.statusCounts.overdue).toBe(1);
    const lines = paragraphs(docxPart(bytes, 'word/document.xml'));
    const text = lines.join('\n');
    expect(text).toContain(DOC_NUMBER);
    expect(text).toContain(TITLE);
    expect(text).toContain(
      `纳入调度的重点任务共${String(summary.overall.tasks)}项，已完成${String(summary.overall.done)}项`,
    );
    expect(text).toContain(`逾期${String(summary.statusCounts.overdue)}项`);
    expect(text).toContain(
      `滞后任务${String(summary.statusCounts.behind)}项、逾期任务${String(summary.statusCounts.overdue)}项`,
    );
    // The overdue task with the status rule's reason; the behind one with its reported problem.
    expect(text).toContain(
      '强化妇幼健康服务（牵头单位：妇幼健康科）。状态：逾期，已过完成时限（2026-03-31），尚未完成。',
    );
    expect(text).toMatch(
      /推进紧密型县域医共体建设（牵头单位：医政医管科）。状态：滞后，[^\n]*存在问题：基层人才不足/,
    );
    // 医政医管科 owed two March reports, sent one by the 25th, both accepted: 50 % on time, 100 % accepted.
    const ranking = lines.indexOf('医政医管科', lines.indexOf('通过率'));
    expect(lines.slice(ranking, ranking + 6)).toEqual(['医政医管科', '2', '1', '2', '50%', '100%']);
    expect(text).toMatch(/医政医管科[^\n]*本期有任务进展未按时报送/);
    // The target with its latest accepted actual and the attainment service's figure.
    const attainment = (
      await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/attainment` })
    ).json<{
      targets: { metric: string; attainment: number | null }[];
    }>();
    const county = attainment.targets.find((x) => x.metric === '县域内就诊率');
    const row = lines.indexOf('县域内就诊率');
    expect(lines.slice(row, row + 4)).toEqual([
      '县域内就诊率',
      '≥ 90%',
      '85%（2026年3月）',
      `${String(county?.attainment)}%`,
    ]);
  });

  it('lists the 督办 notices issued in the period and those closed in it, not those of other periods', () => {
    const lines = paragraphs(docxPart(bytes, 'word/document.xml'));
    const text = lines.join('\n');
    expect(text).toContain('本期共下发督办单1件（黄色1件），销号1件。');
    const rowOf = (number: string) => {
      const at = lines.indexOf(number);
      return at < 0 ? [] : lines.slice(at, at + 5);
    };
    // Left unanswered, March's notice escalated in April (to 3号): the table gives each notice's status now.
    expect(rowOf('督办〔2026〕2号')).toEqual([
      '督办〔2026〕2号',
      '黄色',
      '医政医管科',
      '推进紧密型县域医共体建设',
      '已升级',
    ]);
    expect(rowOf('督办〔2026〕1号')).toEqual([
      '督办〔2026〕1号',
      '蓝色',
      '医政医管科',
      '推进医保支付方式改革',
      '已销号',
    ]);
    // April's notices (the escalation and the one issued by hand) belong to April's 通报.
    expect(text).not.toContain('督办〔2026〕3号');
    expect(text).not.toContain('督办〔2026〕4号');
  });

  it('renders on A4 pages with every word inside the margins (LibreOffice → PDF)', async () => {
    // A look at the first page: YAODIAN_DOCUMENT_PREVIEW=<dir> keeps it as a PNG there.
    const preview = process.env.YAODIAN_DOCUMENT_PREVIEW;
    if (preview) {
      await mkdir(preview, { recursive: true });
      await firstPagePng(rendered?.pdf ?? '', `${preview}/bulletin`);
      await writeFile(`${preview}/bulletin.docx`, bytes);
    }
    expect(await layoutProblems(rendered?.pdf ?? '')).toEqual([]);
    const text = (await pdfText(rendered?.pdf ?? '')).replace(/\s+/g, '');
    expect(text).toContain('一、总体进展情况');
    expect(text).toContain('—1—');
  });

  it('is for the planning office and the leaders, and only for a period of the plan', async () => {
    const url = `/api/plans/${p.plan.id}/bulletin?periodId=${p.periods[2]?.id ?? ''}`;
    for (const role of ['reporter', 'viewer'] as const)
      expect((await t.as(await t.login(c.users[role]), { method: 'GET', url })).statusCode, role).toBe(403);
    expect((await t.as(await t.login(c.users.leader), { method: 'GET', url })).statusCode).toBe(200);
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(
      (await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/bulletin?periodId=${stranger}` }))
        .statusCode,
    ).toBe(404);
    expect((await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/bulletin` })).statusCode).toBe(
      400,
    );
  });
});
