import { readFile } from 'node:fs/promises';
import type { PlanDetail } from '@yaodian/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot, signIn } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

/** Corpus plan 001 (../shared/corpus), the one whose unit resolution used to drop other units. */
const CORPUS_001 = '../../../../shared/corpus/001_a3e06dc4d61956b4.txt';

let server: RunningServer;
let browser: Browser;
let page: Page;
let planId = '';

async function planNow(): Promise<PlanDetail> {
  const response = await page.request.get(`${server.url}/api/plans/${planId}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as PlanDetail;
}

/** Every item's own units and unmatched printed names, as comparable rows. */
function unitRows(plan: PlanDetail): string[] {
  return plan.items.flatMap((i) => [
    ...i.assignments.filter((a) => !a.inherited).map((a) => `${i.id} unit ${a.unitName} ${a.role}`),
    ...i.unmatchedUnits.map((u) => `${i.id} name ${u.name} ${u.role}`),
  ]);
}

describe('the import review of corpus plan 001, in the browser', () => {
  beforeAll(async () => {
    const corpus = new URL(CORPUS_001, import.meta.url);
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
    await page.getByTestId('unmatched-panel').waitFor();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('resolves 基层卫生科 → 基层卫生健康科 and leaves every other unit in place (item 二十 keeps 科教科 as lead)', async () => {
    const before = await planNow();
    const panel = page.getByTestId('unmatched-panel');
    const row = panel.locator('tr', { hasText: '基层卫生科' }).first();
    await row.getByRole('combobox').click();
    await page.keyboard.type('基层卫生健康科');
    await page
      .locator('.ant-select-item-option', { hasText: /^基层卫生健康科/ })
      .first()
      .click();
    await row.getByRole('button', { name: /确\s*定/ }).click();
    await panel
      .locator('tr', { hasText: /^基层卫生科\b/ })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await expect
      .poll(async () => (await planNow()).unmatchedUnits.some((u) => u.name === '基层卫生科'))
      .toBe(false);
    await shot(page, '20-import-review-resolved');

    const after = await planNow();
    expect(after.unmatchedUnits.length).toBe(before.unmatchedUnits.length - 1);
    const untouched = (rows: string[]) =>
      rows.filter((r) => !r.includes(' 基层卫生科 ') && !r.includes(' 基层卫生健康科 '));
    expect(untouched(unitRows(after)).sort()).toEqual(untouched(unitRows(before)).sort());
    const science = after.items.find((i) => i.title.includes('健全科技创新体系'));
    expect(science?.unmatchedUnits).toContainEqual({ name: '科教科', role: 'lead' });
    expect(science?.assignments.map((a) => a.unitName)).toContain('基层卫生健康科');
    const printed = before.unmatchedUnits.find((u) => u.name === '基层卫生科')?.itemIds ?? [];
    for (const itemId of printed) {
      const item = after.items.find((i) => i.id === itemId);
      expect(item?.assignments.map((a) => a.unitName)).toContain('基层卫生健康科');
    }
  });

  it('lets the planner create a missing unit from the review, settling only that name', async () => {
    const before = await planNow();
    const name = before.unmatchedUnits[0]?.name ?? '';
    expect(name).not.toBe('');
    const panel = page.getByTestId('unmatched-panel');
    await panel
      .locator('tr', { hasText: name })
      .first()
      .getByRole('button', { name: /新建单位/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('单位名称').inputValue()).resolves.toBe(name);
    await shot(page, '21-import-review-create-unit');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await planNow()).unmatchedUnits.length)
      .toBe(before.unmatchedUnits.length - 1);
    const after = await planNow();
    expect(after.unmatchedUnits.map((u) => u.name)).not.toContain(name);
    const others = (rows: string[]) => rows.filter((r) => !r.includes(` ${name} `));
    expect(others(unitRows(after)).sort()).toEqual(others(unitRows(before)).sort());
  });
});
