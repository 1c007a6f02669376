import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signIn } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

/*
 * 等保2.0 三级 · 通信传输 / 入侵防范: the built app runs under the server's strict Content-Security-Policy (no
 * inline script, no eval; antd's runtime <style> elements allowed by style-src). A violation would show as a
 * console error and a securitypolicyviolation event; neither may happen on the sign-in page or signed in.
 */
let server: RunningServer;
let browser: Browser;

async function watchedPage(violations: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (line: string) => {
    violations.push(line);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportViolation: (l: string) => Promise<void> }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return page;
}

describe('the built app under the Content-Security-Policy, in Chromium', () => {
  beforeAll(async () => {
    await readFile(fileURLToPath(new URL('../dist/index.html', import.meta.url))).catch(() => {
      throw new Error('Build the app first: npm run build -w packages/web');
    });
    server = await startServer('2026-05-20T02:00:00Z');
    browser = await launch();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('loads the sign-in page and a signed-in page with no CSP violation', async () => {
    const violations: string[] = [];
    const page = await watchedPage(violations);
    const response = await page.goto(`${server.url}/login`);
    const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    await page.getByLabel('用户名').waitFor();
    await page.waitForLoadState('networkidle');

    await signIn(page, server.url, 'planner', PASSWORD);
    await page.waitForLoadState('networkidle');
    // antd's components drew their runtime styles: the page is styled, not bare HTML.
    const styled = await page.evaluate(() => document.querySelectorAll('style').length);
    expect(styled).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
