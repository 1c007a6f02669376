import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot, signIn, signOut } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

/** A sign-in through the API, as another browser would: the status it gets. */
async function apiSignIn(username: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

/** The users table's row of one user name (the cell matches exactly, so `admin` is not `secadmin`). */
const userRow = (username: string) =>
  page.locator('tr').filter({ has: page.getByRole('cell', { name: username, exact: true }) });

async function confirmPopover(): Promise<void> {
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
}

describe('accounts in the page: unlock, reset, disable, own password, audit log', () => {
  beforeAll(async () => {
    server = await startServer('2026-05-20T02:00:00Z');
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('shows a user locked by five failed sign-ins, unlocks them, and they sign in again', async () => {
    const failures: number[] = [];
    for (let i = 0; i < 5; i++) failures.push(await apiSignIn('viewer', 'wrong-password'));
    // The fifth failure locks the account; the right password is refused until the lock is lifted.
    expect(failures).toEqual([401, 401, 401, 401, 429]);
    expect(await apiSignIn('viewer', PASSWORD)).toBe(429);

    // 三员分立: locks, passwords and disabling are the security administrator's.
    await signIn(page, server.url, 'secadmin', PASSWORD);
    await page.getByRole('menuitem', { name: /(^|\s)管理$/ }).click();
    const row = userRow('viewer');
    await row.getByTestId('locked-tag').waitFor();
    await expect(row.getByTestId('locked-tag').innerText()).resolves.toMatch(/^已锁定至 /);
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'accounts-users-locked');
    await row.getByRole('button', { name: /解\s*锁/ }).click();
    await page.getByText('已解除登录锁定').waitFor();
    await expect.poll(() => row.getByTestId('locked-tag').count()).toBe(0);
    expect(await apiSignIn('viewer', PASSWORD)).toBe(200);
  });

  it('resets a password: the temporary one signs in, the old one no longer does', async () => {
    await userRow('leader')
      .getByRole('button', { name: /重置密码/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('临时密码').fill('short');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    // The server's rule, in Chinese, naming the field and the limit.
    await expect(dialog.locator('.ant-alert').innerText()).resolves.toContain('新密码不少于 10 字');
    await dialog.getByLabel('临时密码').fill('Linshi@2026a');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('密码已重置').waitFor();
    expect(await apiSignIn('leader', PASSWORD)).toBe(401);
    expect(await apiSignIn('leader', 'Linshi@2026a')).toBe(200);
    // The leader, in another browser: the temporary password leads to the change-password screen and nothing else.
    const other = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await other.goto(`${server.url}/login`);
    await other.getByLabel('用户名').fill('leader');
    await other.getByLabel('密码').fill('Linshi@2026a');
    await other.getByRole('button', { name: /登\s*录/ }).click();
    await expect(other.getByTestId('password-forced').innerText()).resolves.toContain('安全管理员重置');
    expect(await other.getByTestId('current-user').count()).toBe(0);
    const forced = other.getByRole('dialog');
    await forced.getByLabel('当前密码').fill('Linshi@2026a');
    await forced.getByLabel('新密码', { exact: true }).fill('aaaaaaaaaaaa');
    await forced.getByLabel('确认新密码').fill('aaaaaaaaaaaa');
    await forced.getByRole('button', { name: /确\s*定|OK/ }).click();
    // The policy's rule and its limit, in Chinese.
    await expect(forced.getByTestId('password-error').innerText()).resolves.toContain('至少 3 类');
    await forced.getByLabel('新密码', { exact: true }).fill('Lingdao@2026x');
    await forced.getByLabel('确认新密码').fill('Lingdao@2026x');
    await forced.getByRole('button', { name: /确\s*定|OK/ }).click();
    await other.getByTestId('current-user').waitFor();
    await other.context().close();
  });

  it('disables a user, who then cannot sign in, and enables them again', async () => {
    const row = userRow('reporter.linshui');
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await confirmPopover();
    await page.getByText('已停用该用户').waitFor();
    await row.getByText('已停用', { exact: true }).waitFor();
    expect(await apiSignIn('reporter.linshui', PASSWORD)).toBe(401);
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await confirmPopover();
    await row.getByText('正常', { exact: true }).waitFor();
    expect(await apiSignIn('reporter.linshui', PASSWORD)).toBe(200);
  });

  it('opens the audit log as the audit administrator, filters it by action and verifies the chain', async () => {
    await signOut(page);
    await signIn(page, server.url, 'auditor', PASSWORD);
    // The auditor reads no plans: the home page is the audit log, the only entry of the menu.
    await page.waitForURL(/\/audit$/);
    await expect(page.locator('.ant-menu-item').allInnerTexts()).resolves.toEqual(['审计日志']);
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByLabel('操作', { exact: true }).fill('user.unlock');
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await expect(table.locator('tbody tr.ant-table-row').innerText()).resolves.toMatch(
      /安全管理员（secadmin）[\s\S]*解除登录锁定/,
    );
    await page.getByRole('button', { name: /校验审计链/ }).click();
    const verdict = page.getByTestId('audit-verification');
    await verdict.waitFor();
    await expect(verdict.innerText()).resolves.toMatch(/^审计链完整：已校验 \d+ 条/);
    await shot(page, 'accounts-audit');
  });

  it('lets a user change their own password, showing the server’s reason when the current one is wrong', async () => {
    await signOut(page);
    await signIn(page, server.url, 'planner', PASSWORD);
    await page.getByRole('button', { name: /修改密码/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill('not-my-password');
    await dialog.getByLabel('新密码', { exact: true }).fill('Guihua@2026b');
    await dialog.getByLabel('确认新密码').fill('Guihua@2026b');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog.getByTestId('password-error').innerText()).resolves.toBe('当前密码不正确');
    await dialog.getByLabel('当前密码').fill(PASSWORD);
    await dialog.getByLabel('确认新密码').fill('Guihua@2026c');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog.getByTestId('password-error').innerText()).resolves.toBe('两次输入的新密码不一致');
    await dialog.getByLabel('确认新密码').fill('Guihua@2026b');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('密码已修改').waitFor();
    // The page stays signed in; the new password is the one that works from now on.
    await page.getByTestId('current-user').waitFor();
    expect(await apiSignIn('planner', PASSWORD)).toBe(401);
    expect(await apiSignIn('planner', 'Guihua@2026b')).toBe(200);
  });

  it('shows the audit menu and the admin menu only to roles that may use them', async () => {
    const menuOf = async (username: string): Promise<string[]> => {
      await signOut(page);
      await signIn(page, server.url, username, PASSWORD);
      return page.locator('.ant-menu-item').allInnerTexts();
    };
    const viewer = await menuOf('viewer');
    expect(viewer).not.toContain('审计日志');
    expect(viewer).not.toContain('管理');
    const secadmin = await menuOf('secadmin');
    expect(secadmin).toEqual(['管理']);
    const admin = await menuOf('admin');
    expect(admin).toContain('管理');
    expect(admin).not.toContain('审计日志');
  });

  it("keeps the system administrator to accounts and units: no reset, disable or another administrator's account", async () => {
    await page.getByRole('menuitem', { name: /(^|\s)管理$/ }).click();
    const row = userRow('secadmin');
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('管理员账号（三员）只能用命令行建立和维护');
    await expect(
      userRow('viewer')
        .getByRole('button', { name: /重置密码|停\s*用/ })
        .count(),
    ).resolves.toBe(0);
    await expect(
      userRow('viewer')
        .getByRole('button', { name: /编\s*辑/ })
        .count(),
    ).resolves.toBe(1);
    await shot(page, 'accounts-users-sysadmin');
  });
});
