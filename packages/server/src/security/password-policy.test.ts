import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { DEFAULT_PASSWORD_POLICY, passwordIssues } from '../domain/password-rules.js';
import { createCommission as createCommissionService } from '../services/tenant-service.js';
import { createCommission, type Commission } from '../testing/commission.js';
import { createUser, TEST_PASSWORD } from '../testing/factories.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 身份鉴别 (8.1.4.1 a: 身份标识具有唯一性，身份鉴别信息具有复杂度要求并定期更换;
 * b: 登录连接超时自动退出) — the commission's password policy, set by the security administrator, on every
 * path that sets a password; a reset or expired password is changed before anything else; idle and
 * absolute session limits from the policy.
 */
let t: TestApp;
let c: Commission;
let secadmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  c = await createCommission(t.db);
  secadmin = await t.login(c.users.secadmin);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

interface ErrorAnswer {
  error: { code: string; message: string; field?: string; details?: { rule: string; limit: number }[] };
}
const errorOf = (r: LightMyRequestResponse) => r.json<ErrorAnswer>().error;

async function changeOwn(session: Session, current: string, next: string) {
  return t.as(session, {
    method: 'POST',
    url: '/api/auth/password',
    payload: { currentPassword: current, newPassword: next },
  });
}

async function freshViewer(fields: { passwordChangedAt?: Date } = {}) {
  const user = await createUser(t.db, c.tenant.id, { role: 'viewer', ...fields });
  return { user, session: await t.login(user) };
}

async function setPolicy(change: Partial<typeof DEFAULT_PASSWORD_POLICY>) {
  // A fresh sign-in: the test clock may have moved past the last one's limits.
  secadmin = await t.login(c.users.secadmin);
  const current = await t.as(secadmin, { method: 'GET', url: '/api/security/password-policy' });
  const saved = await t.as(secadmin, {
    method: 'PUT',
    url: '/api/security/password-policy',
    payload: { ...current.json<object>(), ...change },
  });
  expect(saved.statusCode).toBe(200);
}

describe('等保2.0 三级 · 身份鉴别 (identification and authentication): password policy', () => {
  it('refuses weak and reused new passwords, naming each rule and its limit in Chinese', async () => {
    const { session } = await freshViewer();
    for (const [password, rule, limit] of [
      ['1234567890', 'password_classes', 3],
      ['aaaaaaaaaa', 'password_classes', 3],
      ['Ab1-short', 'too_short', 10],
      [TEST_PASSWORD, 'password_reused', 5],
    ] as const) {
      const error = errorOf(await changeOwn(session, TEST_PASSWORD, password));
      expect([password, error.code, error.field, error.details?.[0]]).toEqual([
        password,
        'validation_failed',
        'newPassword',
        { field: 'newPassword', rule, limit },
      ]);
      expect(error.message).toMatch(new RegExp(`^密码不符合安全策略：.*${String(limit)}`));
    }
    expect(errorOf(await changeOwn(session, TEST_PASSWORD, '1234567890')).message).toContain(
      '四类中的至少 3 类',
    );
  });

  it('keeps the last N passwords (the current one included) out of reach, and no further', async () => {
    await setPolicy({ history: 3 });
    const { session } = await freshViewer();
    const passwords = [TEST_PASSWORD, 'Second-pass-1', 'Third-pass-2', 'Fourth-pass-3'];
    for (let i = 1; i < passwords.length; i++)
      expect((await changeOwn(session, passwords[i - 1] ?? '', passwords[i] ?? '')).statusCode).toBe(200);
    // Current: Fourth; the last 3 are Fourth, Third, Second. Second is refused, the first one is free again.
    const reuse = errorOf(await changeOwn(session, 'Fourth-pass-3', 'Second-pass-1'));
    expect([reuse.code, reuse.details?.[0]?.rule, reuse.details?.[0]?.limit]).toEqual([
      'validation_failed',
      'password_reused',
      3,
    ]);
    expect((await changeOwn(session, 'Fourth-pass-3', TEST_PASSWORD)).statusCode).toBe(200);
    await setPolicy({ history: 5 });
  });

  it('applies the policy to an administrator reset, to a new account and to a new commission', async () => {
    const { user } = await freshViewer();
    const weakReset = await t.as(secadmin, {
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      payload: { newPassword: 'abcdefghijkl' },
    });
    expect([weakReset.statusCode, errorOf(weakReset).details?.[0]?.rule]).toEqual([400, 'password_classes']);
    const admin = await t.login(c.users.admin);
    const weakUser = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'weak.one', displayName: '弱口令', role: 'viewer', password: 'short' },
    });
    expect([weakUser.statusCode, errorOf(weakUser).field, errorOf(weakUser).details?.[0]]).toEqual([
      400,
      'password',
      { field: 'password', rule: 'too_short', limit: 10 },
    ]);
    await expect(
      createCommissionService(t.deps, {
        code: 'weak-commission',
        name: '弱口令卫健委',
        level: 'city',
        admin: { username: 'chief', displayName: 'chief', password: 'password12' },
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('至少 3 类') as string,
    });
    // The demo's published password meets the default policy, so the demo still seeds.
    expect(passwordIssues(DEMO_PASSWORD, DEFAULT_PASSWORD_POLICY, 'password')).toEqual([]);
  });

  it('after a reset, the user can do nothing but change the password; then everything works again', async () => {
    const { user } = await freshViewer();
    const reset = await t.as(secadmin, {
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      payload: { newPassword: 'Temporary-pass-9' },
    });
    expect(reset.statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'Temporary-pass-9' },
    });
    expect(login.json<{ user: { passwordChange: string } }>().user.passwordChange).toBe('reset');
    const cookie = login.cookies.find((k) => k.name === 'yd_session')?.value ?? '';
    const s: Session = { cookie, csrfToken: login.json<{ csrfToken: string }>().csrfToken };
    const plans = await t.as(s, { method: 'GET', url: '/api/plans' });
    expect([plans.statusCode, errorOf(plans).code, errorOf(plans).message]).toEqual([
      403,
      'password_change_required',
      '密码已由安全管理员重置，请先修改密码',
    ]);
    expect((await t.as(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await changeOwn(s, 'Temporary-pass-9', 'Temporary-pass-9')).statusCode).toBe(400);
    expect((await changeOwn(s, 'Temporary-pass-9', 'My-own-pass-10')).statusCode).toBe(200);
    expect((await t.as(s, { method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
    const me = await t.as(s, { method: 'GET', url: '/api/auth/me' });
    expect(me.json<{ passwordChange: string | null }>().passwordChange).toBeNull();
  });

  it('makes an expired password (older than the policy allows) be changed before anything else', async () => {
    const { session } = await freshViewer({
      passwordChangedAt: new Date(t.clock.now().getTime() - 91 * 86_400_000),
    });
    const plans = await t.as(session, { method: 'GET', url: '/api/plans' });
    expect([plans.statusCode, errorOf(plans).code]).toEqual([403, 'password_change_required']);
    expect(plans.json<{ error: { details: unknown } }>().error.details).toEqual({ reason: 'expired' });
    expect((await changeOwn(session, TEST_PASSWORD, 'Renewed-pass-11')).statusCode).toBe(200);
    expect((await t.as(session, { method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
  });

  it("ends sessions after the policy's idle and absolute limits", async () => {
    await setPolicy({ idleMinutes: 10, absoluteHours: 2 });
    const idle = await freshViewer();
    t.clock.advance(9 * 60_000);
    expect((await t.as(idle.session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(10 * 60_000);
    expect(errorOf(await t.as(idle.session, { method: 'GET', url: '/api/auth/me' })).code).toBe(
      'session_expired',
    );
    const busy = await freshViewer();
    for (let minutes = 0; minutes < 110; minutes += 9) {
      t.clock.advance(9 * 60_000);
      expect((await t.as(busy.session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    t.clock.advance(9 * 60_000);
    expect(errorOf(await t.as(busy.session, { method: 'GET', url: '/api/auth/me' })).code).toBe(
      'session_expired',
    );
    await setPolicy({ idleMinutes: 30, absoluteHours: 12 });
  });
});
