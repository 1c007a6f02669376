import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/** The sign-in page's budget of compressed JS and CSS (issue 7, item 13); the build prints its own figure. */
const BUDGET_BYTES = 300 * 1024;

let server: RunningServer;
let browser: Browser;

describe('the sign-in page on a first visit, in Chromium', () => {
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

  it('transfers at most 300 kB of compressed JS and CSS, brotli-encoded and cacheable', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const kinds = new Map<string, { url: string; encoding: string; cache: string }>();
    cdp.on('Network.responseReceived', (event) => {
      const url = event.response.url;
      if (!/\.(js|css)$/.test(new URL(url).pathname)) return;
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
      );
      kinds.set(event.requestId, {
        url,
        encoding: headers['content-encoding'] ?? '',
        cache: headers['cache-control'] ?? '',
      });
    });
    let transferred = 0;
    let files = 0;
    cdp.on('Network.loadingFinished', (event) => {
      if (!kinds.has(event.requestId)) return;
      transferred += event.encodedDataLength;
      files += 1;
    });

    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, '00-first-load-login');

    const kb = (transferred / 1024).toFixed(1);
    console.log(`sign-in page in Chromium: ${String(files)} JS/CSS files, ${kb} kB transferred`);
    expect(files).toBeGreaterThan(0);
    expect(transferred).toBeLessThanOrEqual(BUDGET_BYTES);
    for (const response of kinds.values()) {
      expect(response.encoding, response.url).toBe('br');
      expect(response.cache, response.url).toContain('immutable');
    }
    // Nothing of the signed-in app (charts, the plan editor, admin) comes with the sign-in page.
    const names = [...kinds.values()].map((r) => new URL(r.url).pathname).join(' ');
    expect(names).not.toMatch(/Charts|Dashboard|ItemEditor|ImportReview|Admin|AppLayout/);
    await context.close();
  });
});
