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
    await page.getByRole('button', { name: /提交审核/ }).click();
    await page.waitForURL(/\/my-tasks$/);

    // Back after submitting: the submitted report, read-only, with its evidence; never a blank form.
    await page.goBack();
    await page.waitForURL(reportUrl);
    await page.getByText('该报告已提交，不能修改').waitFor();
    await expect(attachments.innerText()).resolves.toContain('会议纪要.pdf');
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
    await page.goBack();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByText('该报告已提交，不能修改').waitFor();
    await expect(page.locator('#report-narrative').inputValue()).resolves.toBe('按计划推进。');
    await signOut(page);
  });
});
