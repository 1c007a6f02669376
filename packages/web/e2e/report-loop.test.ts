import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot, signIn, signOut } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

/*
 * Issue 7, items 4, 5, 7 and 8 in the browser, on the demo commission (May 2026: reports in every state).
 */
let server: RunningServer;
let browser: Browser;
let page: Page;

const pdf = (text: string) => ({
  name: `${text}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.from(text),
    Buffer.alloc(400, 0x20),
    Buffer.from('%%EOF'),
  ]),
});

describe('reporting and reviewing, in the browser', () => {
  beforeAll(async () => {
    await readFile(fileURLToPath(new URL('../dist/index.html', import.meta.url))).catch(() => {
      throw new Error('Build the app first: npm run build -w packages/web');
    });
    server = await startServer('2026-05-20T02:00:00Z');
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('keeps evidence attached before the first save, lets a wrong file go, and shows the report on back', async () => {
    await signIn(page, server.url, 'reporter.yizheng', PASSWORD);
    await page.getByRole('menuitem', { name: /我的任务/ }).click();
    const row = page
      .locator('tr.ant-table-row')
      .filter({ has: page.getByRole('button', { name: /^填\s*报$/ }) })
      .first();
    await row.waitFor();
    await row.getByRole('button', { name: /^填\s*报$/ }).click();
    await page.waitForURL(/\/reports\/new\//);
    await page.locator('#report-narrative').fill('已召开专题会议部署，完成方案起草。');

    // Files picked before any save: the draft is created, the files kept.
    await page.locator('input[type=file]').setInputFiles([pdf('会议纪要'), pdf('错误的文件')]);
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const attachments = page.getByTestId('attachments');
    await expect.poll(() => attachments.locator('a').count(), { timeout: 15_000 }).toBe(2);
    await expect(page.locator('#report-narrative').inputValue()).resolves.toContain('专题会议');

    await page.getByRole('button', { name: '删除附件 错误的文件.pdf' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => attachments.locator('a').count(), { timeout: 15_000 }).toBe(1);
    await shot(page, '20-report-evidence');

    const reportUrl = page.url();
    const [submitted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/submit') && r.request().method() === 'POST'),
      page.getByRole('button', { name: /提交审核/ }).click(),
    ]);
    expect(submitted.status()).toBe(200);
    await page.waitForURL(/\/my-tasks$/);
    await page.getByTestId('my-work-counts').waitFor();

    // Back after submitting: the submitted report, read-only, with its evidence; never a blank form.
    await page.goBack();
    await page.waitForURL(reportUrl);
    await page.getByText('该报告已提交，不能修改').waitFor();
    await expect.poll(() => attachments.innerText(), { timeout: 15_000 }).toContain('会议纪要.pdf');
    await expect(page.getByText('未填报').count()).resolves.toBe(0);
    await shot(page, '21-report-back');
  });

  it('opens the submitted report when going back to a report submitted without a saved draft', async () => {
    await page.getByRole('menuitem', { name: /我的任务/ }).click();
    const row = page
      .locator('tr.ant-table-row')
      .filter({ has: page.getByRole('button', { name: /^填\s*报$/ }) })
      .first();
    await row.waitFor();
    await row.getByRole('button', { name: /^填\s*报$/ }).click();
    await page.waitForURL(/\/reports\/new\//);
    await page.locator('#report-narrative').fill('按计划推进。');
    await page.getByRole('button', { name: /提交审核/ }).click();
    await page.waitForURL(/\/my-tasks$/);
    await page.getByTestId('my-work-counts').waitFor();
    await page.goBack();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByText('该报告已提交，不能修改').waitFor();
    await expect(page.locator('#report-narrative').inputValue()).resolves.toBe('按计划推进。');
    await signOut(page);
  });

  it('shows the home card’s count of reports due equal to the table’s, the table grouped by plan', async () => {
    await signIn(page, server.url, 'reporter.jikong', PASSWORD);
    const card = page.getByTestId('card-my-due').locator('.ant-statistic-content-value');
    await card.waitFor();
    const onCard = Number((await card.innerText()).replace(/\D/g, ''));
    await page.getByRole('menuitem', { name: /我的任务/ }).click();
    const counts = page.getByTestId('my-work-counts');
    await counts.waitFor();
    const fillable = page
      .locator('tr.ant-table-row')
      .filter({ has: page.getByRole('button', { name: /^(填\s*报|继续填报|修改后重新提交)$/ }) });
    const rowCount = await page.locator('tr.ant-table-row').count();
    // Every row fits one page here (at most 20), so the rows on screen are the whole table.
    expect(rowCount).toBeLessThanOrEqual(20);
    await expect(fillable.count()).resolves.toBe(onCard);
    await expect(counts.innerText()).resolves.toContain(`本期待填报 ${String(onCard)} 项`);
    await expect(counts.innerText()).resolves.toContain(`共 ${String(rowCount)} 项`);
    await expect(page.locator('thead').innerText()).resolves.toContain('所属计划');
    await shot(page, '22-my-tasks-counts');
    await signOut(page);
  });

  it('accepts two reports at once with one confirmation, in one request', async () => {
    await signIn(page, server.url, 'planner', PASSWORD);
    await page.getByRole('menuitem', { name: /审核/ }).click();
    const rows = page.locator('tr.ant-table-row').filter({ has: page.locator('.ant-checkbox') });
    await rows.first().waitFor();
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(2);

    // The expanded row shows what is reviewed: texts, evidence, the previous accepted report.
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('review-detail').first().waitFor();
    await page.getByTestId('review-previous').first().waitFor();

    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    const batches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/reports/accept-batch')) batches.push(request.postData() ?? '');
    });
    await page.getByRole('button', { name: /批量通过（2）/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已通过 2 份报告').waitFor();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(before - 2);
    expect(batches).toHaveLength(1);
    expect((JSON.parse(batches[0] ?? '{}') as { reports: unknown[] }).reports).toHaveLength(2);
    await shot(page, '23-review-batch');
  });
});
