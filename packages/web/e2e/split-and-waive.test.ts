import { readFile } from 'node:fs/promises';
import type { PlanDetail } from '@yaodian/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot, signIn } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

/** Corpus plan 004 (../shared/corpus): a county plan whose sections run 一是…五是 in one paragraph, no units. */
const CORPUS_004 = '../../../../shared/corpus/004_6a1c01b2afc8df61.txt';

let server: RunningServer;
let browser: Browser;
let page: Page;
let planId = '';

async function planNow(): Promise<PlanDetail> {
  const response = await page.request.get(`${server.url}/api/plans/${planId}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as PlanDetail;
}

const treeNodes = () => page.getByTestId('item-tree').locator('.ant-tree-node-content-wrapper');

describe('the import review of corpus plan 004: split an item, then publish past the check', () => {
  beforeAll(async () => {
    const corpus = new URL(CORPUS_004, import.meta.url);
    await readFile(corpus).catch(() => {
      throw new Error('The corpus must sit beside the repository: ../shared/corpus (see README)');
    });
    server = await startServer('2026-05-20T02:00:00Z');
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await signIn(page, server.url, 'planner', PASSWORD);
    await page.getByRole('menuitem', { name: /导入/ }).click();
    await page.locator('input[type=file]').setInputFiles(corpus.pathname);
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/, { timeout: 90_000 });
    planId = new URL(page.url()).pathname.replace('/import/', '');
    await treeNodes().first().waitFor();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('shows the true task count in the header and 作为任务 ticked on a task', async () => {
    const plan = await planNow();
    expect(plan.taskCount).toBeGreaterThan(0);
    await expect(page.getByText(`其中任务 ${plan.taskCount} 项`).count()).resolves.toBe(1);
    await treeNodes().first().click();
    await expect(page.getByTestId('item-editor').getByRole('checkbox').isChecked()).resolves.toBe(true);
  });

  it('splits item 一 at its 二是 boundary and sees two items, the second starting at 二是', async () => {
    const before = await planNow();
    const editor = page.getByTestId('item-editor');
    const split = editor.getByRole('button', { name: /^拆\s*分$/ });
    // On a loaded machine the dropdown can close before the option's click lands: choose until it took.
    await expect
      .poll(
        async () => {
          await editor.getByLabel(/拆分位置/).click();
          await page.locator('.ant-select-item-option', { hasText: '‖ 二是' }).first().click();
          return split.isEnabled();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await split.click();
    await expect.poll(async () => (await planNow()).items.length).toBe(before.items.length + 1);
    await expect.poll(() => treeNodes().count()).toBe(before.items.length + 1);
    const after = await planNow();
    const roots = after.items.filter((i) => i.parentId === null).sort((a, b) => a.position - b.position);
    expect(roots[1]?.text.startsWith('二是')).toBe(true);
    expect(roots.slice(0, 3).map((i) => i.number)).toEqual(['一', '二', '三']);
    await expect(treeNodes().nth(1).innerText()).resolves.toContain('二是');
    await shot(page, 'split-004');
  });

  it('is stopped from publishing while tasks have no unit, then publishes once each is waived with a reason', async () => {
    const check = page.getByTestId('publish-check');
    await check.waitFor();
    const findings = check.getByTestId('finding');
    await expect.poll(() => findings.count()).toBeGreaterThan(0);
    await expect(check.innerText()).resolves.toContain('任务没有责任单位');

    await page.getByRole('button', { name: /发布计划/ }).click();
    // The server's answer is the assertion; the toast that words it is transient, so it is looked for after.
    const refused = page.waitForResponse(
      (r) => r.url().endsWith(`/api/plans/${planId}/publish`) && r.request().method() === 'POST',
    );
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const answer = await refused;
    expect([answer.status(), ((await answer.json()) as { error: { code: string } }).error.code]).toEqual([
      409,
      'publish_findings',
    ]);
    await page.locator('.ant-message').getByText('还有未处理的发布检查项').waitFor();
    expect(page.url()).toContain(`/import/${planId}`);
    expect((await planNow()).status).toBe('draft');

    const reasons = check.getByLabel('豁免理由');
    const n = await reasons.count();
    for (let i = 0; i < n; i++) await reasons.nth(i).fill('责任单位由县卫健委党组会议另行明确');
    await shot(page, 'publish-check-waived');
    await page.getByRole('button', { name: /发布计划/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.waitForURL(new RegExp(`/plans/${planId}$`));
    expect((await planNow()).status).toBe('published');
  });
});
