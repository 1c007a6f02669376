import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launch, shot, signIn, signOut } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

const FIXTURE = fileURLToPath(
  new URL('../../parser/fixtures/plans/notice-wrapper-work-points.txt', import.meta.url),
);

let server: RunningServer;
let browser: Browser;
let page: Page;
let planPath = '';

async function statValue(testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

describe('a plan from import to accepted report, in the browser', () => {
  beforeAll(async () => {
    await readFile(fileURLToPath(new URL('../dist/index.html', import.meta.url))).catch(() => {
      throw new Error('Build the app first: npm run build -w packages/web');
    });
    server = await startServer('2026-05-20T02:00:00Z');
    browser = await launch();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('sends a visitor to sign in, in Chinese', async () => {
    await page.goto(`${server.url}/plans`);
    await page.getByLabel('用户名').waitFor();
    expect(page.url()).toContain('/login?next=%2Fplans');
    await shot(page, '01-login');
    await page.getByLabel('用户名').fill('planner');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByText('用户名或密码错误').waitFor()).resolves.toBeUndefined();
  });

  it('imports the plan document as planner and shows source beside the tree', async () => {
    await signIn(page, server.url, 'planner', PASSWORD);
    await expect(page.getByTestId('current-user').innerText()).resolves.toContain('规划管理员');
    await shot(page, '02-workbench');
    await page.getByRole('menuitem', { name: /导入/ }).click();
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    planPath = new URL(page.url()).pathname.replace('/import/', '/plans/');
    await page.getByTestId('item-tree').locator('.ant-tree-node-content-wrapper').first().waitFor();
    await page.getByTestId('item-tree').locator('.ant-tree-node-content-wrapper').nth(2).click();
    await expect(page.getByTestId('source-pane').locator('mark').count()).resolves.toBe(1);
    await shot(page, '03-import-review');
  });

  it('corrects a unit on an item, lists the unmatched names, then publishes', async () => {
    const editor = page.getByTestId('item-editor');
    await editor.waitFor();
    const before = await editor.getByTestId('assignments').locator('.ant-tag').count();
    await editor.getByLabel('添加单位').click();
    await page.keyboard.type('妇幼健康科');
    await page.keyboard.press('Enter');
    await editor.getByRole('button', { name: /^\S*\s*新\s*增$/ }).click();
    await expect.poll(() => editor.getByTestId('assignments').locator('.ant-tag').count()).toBe(before + 1);
    await expect(editor.getByTestId('assignments').innerText()).resolves.toContain('妇幼健康科');
    await expect(page.getByTestId('unmatched-panel').isVisible()).resolves.toBe(true);
    // Publishing checks the plan: the unmatched names are waived one by one with a reason.
    const reasons = page.getByTestId('publish-check').getByLabel('豁免理由');
    await expect.poll(() => reasons.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await reasons.count()); i++) await reasons.nth(i).fill('外单位，不在本委机构中');
    await page.getByRole('button', { name: /发布计划/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.waitForURL(new RegExp(`${planPath}$`));
    await page.getByRole('button', { name: '生成填报期' }).click();
    await page.getByRole('button', { name: '生成填报期' }).waitFor({ state: 'detached' });
    await page.locator('.ant-tree-node-content-wrapper').nth(3).waitFor();
    await shot(page, '04-plan-view');
  });

  it('shows the dashboard before any report', async () => {
    await page.getByRole('menuitem', { name: /看板/ }).click();
    await page.getByTestId('chart-status').waitFor();
    expect(await statValue('stat-done')).toBe(0);
  });

  it('lets the unit reporter report, the planner return it, the reporter resubmit and the planner accept', async () => {
    await signOut(page);
    await signIn(page, server.url, 'reporter.yizheng', PASSWORD);
    await page.getByRole('menuitem', { name: /我的任务/ }).click();
    const row = page.locator('tr.ant-table-row').filter({ hasText: '实施重点专科提升行动' });
    await row.getByRole('button', { name: /^填\s*报$/ }).waitFor();
    await shot(page, '05-my-tasks');
    await row.getByRole('button', { name: /^填\s*报$/ }).click();
    await page.locator('#report-narrative').fill('已召开专题会议部署，完成方案起草。');
    await page.locator('#report-problems').fill('部分县区推进较慢。');
    await page.locator('#report-next').fill('下月完成全部县区督导。');
    await page.locator('#report-percent').fill('60');
    await shot(page, '06-report-form');
    await page.getByRole('button', { name: /提交审核/ }).click();
    await page.waitForURL(/\/my-tasks$/);

    await signOut(page);
    await signIn(page, server.url, 'planner', PASSWORD);
    await page.getByRole('menuitem', { name: /审核/ }).click();
    const pending = page.locator('tr.ant-table-row').filter({ hasText: '实施重点专科提升行动' });
    await pending.getByRole('button', { name: /退\s*回/ }).click();
    await page.locator('#return-reason').fill('请补充量化数据和佐证材料。');
    await shot(page, '07-review-return');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /退\s*回/ })
      .click();
    await pending.waitFor({ state: 'detached' });

    await signOut(page);
    await signIn(page, server.url, 'reporter.yizheng', PASSWORD);
    await page.getByRole('menuitem', { name: /我的任务/ }).click();
    const returned = page.locator('.ant-alert').filter({ hasText: '请补充量化数据和佐证材料。' });
    await returned.getByRole('button', { name: '修改后重新提交' }).click();
    await expect(page.getByTestId('return-reason').innerText()).resolves.toContain('请补充量化数据');
    await page.locator('#report-narrative').fill('已完成全部县区督导，覆盖率100%。');
    await page.locator('#report-percent').fill('100');
    await page.getByRole('button', { name: /提交审核/ }).click();
    await page.waitForURL(/\/my-tasks$/);

    await signOut(page);
    await signIn(page, server.url, 'planner', PASSWORD);
    await page.getByRole('menuitem', { name: /审核/ }).click();
    const again = page.locator('tr.ant-table-row').filter({ hasText: '实施重点专科提升行动' });
    await again.getByRole('button', { name: /通\s*过/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await again.waitFor({ state: 'detached' });
  });

  it('shows the accepted report on the dashboard', async () => {
    await page.getByRole('menuitem', { name: /看板/ }).click();
    await page.getByTestId('chart-status').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await statValue('stat-done')).toBe(1);
    expect(await statValue('stat-percent')).toBeGreaterThan(0);
    await shot(page, '08-dashboard');
  });

  it('downloads the 推进表 with the corrected unit and the accepted task in its cells', async () => {
    await page.goto(`${server.url}${planPath}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出推进表/ }).click(),
    ]);
    const file = `${ARTIFACTS}progress-sheet.xlsx`;
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const rows = (sheet.getSheetValues() as unknown[][])
      .filter(Array.isArray)
      .map((row) =>
        row.map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : '')),
      );
    const header = rows.find((row) => row.includes('序号'));
    expect(header).toEqual(
      expect.arrayContaining(['序号', '重点工作', '牵头单位', '配合单位', '完成时限', '进展情况']),
    );
    const corrected = rows.find((row) => row.includes('完善城市医疗集团运行机制'));
    expect(corrected?.join('|')).toContain('妇幼健康科');
    const accepted = rows.find((row) => row.includes('实施重点专科提升行动'));
    expect(accepted?.join('|')).toContain('已完成全部县区督导');
  });
});
