import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, TEST_PASSWORD } from '../testing/factories.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 身份鉴别 (GB/T 22239-2019 8.1.4.1 b: 登录失败处理 — 限制非法登录次数,
 * 登录连接超时自动退出). Every attempt is counted in the database before its password is checked.
 */
let t: TestApp;
let tenantId: string;
let admin: Awaited<ReturnType<typeof createUser>>;
let adminSession: Awaited<ReturnType<TestApp['login']>>;

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.db)).id;
  admin = await createUser(t.db, tenantId, { role: 'secadmin' });
  adminSession = await t.login(admin);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

let nextAddress = 1;
/** A fresh client address per scenario, so one test's address count never meets another's. */
const address = (): string => `198.51.100.${String(nextAddress++)}`;

const attempt = (
  username: string,
  password: string,
  remoteAddress: string,
  tenant?: string,
): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { username, password, ...(tenant ? { tenant } : {}) },
  });

interface ErrorJson {
  error: { code: string; message: string; details?: { retryAfterSeconds: number } };
}
const body = (r: LightMyRequestResponse): ErrorJson => r.json<ErrorJson>();

describe('等保2.0 三级 · 身份鉴别 (identification and authentication): sign-in failures', () => {
  it('counts all of 100 wrong passwords sent at once, from 100 addresses, and refuses the right one until unlocked', async () => {
    const user = await createUser(t.db, tenantId, { role: 'viewer' });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attempt(user.username, `wrong-${String(i)}`, `203.0.113.${String(i)}`),
      ),
    );
    const row = await t.db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', `user:${user.username}`)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(100);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(0);
    // At most the allowance was ever checked against the hash; the rest were refused as locked.
    const failures = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('tenant_id', '=', tenantId)
      .where('entity_id', '=', user.id)
      .execute();
    const reasons = failures
      .filter((f) => f.action === 'login.failure')
      .map((f) => (f.after as { reason: string }).reason);
    expect(reasons).toHaveLength(100);
    expect(reasons.filter((r) => r === 'wrong_password').length).toBeLessThanOrEqual(5);
    expect(failures.filter((f) => f.action === 'login.lock')).toHaveLength(1);

    const refused = await attempt(user.username, TEST_PASSWORD, address());
    expect(refused.statusCode).toBe(429);
    expect(body(refused).error.code).toBe('account_locked');

    const unlock = await t.as(adminSession, {
      method: 'POST',
      url: `/api/users/${user.id}/unlock`,
      payload: {},
    });
    expect(unlock.statusCode).toBe(200);
    expect((await attempt(user.username, TEST_PASSWORD, address())).statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'user.unlock')
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit).toEqual([{ actor_id: admin.id }]);
  }, 60_000);

  it('refuses a right password sent together with 99 wrong ones once the account has locked', async () => {
    const user = await createUser(t.db, tenantId, { role: 'viewer' });
    const from = address();
    // The wrong ones go first in the same burst; the right one is the last of the 100.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attempt(user.username, i === 99 ? TEST_PASSWORD : `wrong-${String(i)}`, `${from}${String(i % 10)}`),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(1);
    const last = results[99];
    // Counted 100th: it is past the allowance and never checked.
    if (last && last.statusCode !== 200) expect(body(last).error.code).toBe('account_locked');
    expect((await attempt(user.username, TEST_PASSWORD, address())).statusCode).toBe(429);
  }, 60_000);

  it('counts an address across user names: 30 attempts lock it for every name, other addresses still sign in', async () => {
    const user = await createUser(t.db, tenantId, { role: 'viewer' });
    const from = address();
    for (let i = 0; i < 30; i++) await attempt(`nobody-${String(i)}`, 'guess-guess', from).catch(() => null);
    const blocked = await attempt(user.username, TEST_PASSWORD, from);
    expect(blocked.statusCode).toBe(429);
    expect(body(blocked).error.code).toBe('account_locked');
    expect((await attempt(user.username, TEST_PASSWORD, address())).statusCode).toBe(200);
  }, 120_000);

  it('answers a known and an unknown name identically, attempt by attempt, and says how long the lock lasts', async () => {
    const user = await createUser(t.db, tenantId, { role: 'viewer' });
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const k = await attempt(user.username, 'wrong-password', address());
      const u = await attempt(`${user.username}-nobody`, 'wrong-password', address());
      known.push([k.statusCode, k.json()]);
      unknown.push([u.statusCode, u.json()]);
    }
    expect(known).toEqual(unknown);
    expect(known.slice(0, 4).map((k) => (k as [number])[0])).toEqual([401, 401, 401, 401]);
    const [status, json] = known[4] as [number, ErrorJson];
    expect(status).toBe(429);
    expect(json.error.code).toBe('account_locked');
    expect(json.error.details?.retryAfterSeconds).toBe(15 * 60);
    expect(json.error.message).toContain('15 分钟');
  }, 60_000);

  it('does not reveal that a name exists in two commissions: a wrong password gets the unknown-name answer', async () => {
    const other = await createTenant(t.db);
    const a = await createUser(t.db, tenantId, { role: 'viewer' });
    await createUser(t.db, other.id, { role: 'viewer', username: a.username });
    const twice = await attempt(a.username, 'wrong-password', address());
    const nobody = await attempt(`${a.username}-x`, 'wrong-password', address());
    expect([twice.statusCode, twice.json()]).toEqual([nobody.statusCode, nobody.json()]);
    expect(body(twice).error.code).toBe('invalid_credentials');
  }, 60_000);

  it('slows each further failure down (progressive delay) and doubles the next lock', async () => {
    const user = await createUser(t.db, tenantId, { role: 'viewer' });
    const timed = async (): Promise<number> => {
      const started = performance.now();
      await attempt(user.username, 'wrong-password', address());
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await timed();
    expect(await timed()).toBeGreaterThanOrEqual(400); // the fourth failure waits 50 ms × 2³
    await timed(); // the fifth locks for 15 minutes
    t.clock.advance(16 * 60_000);
    for (let i = 0; i < 4; i++) await attempt(user.username, 'wrong-password', address());
    const again = await attempt(user.username, 'wrong-password', address());
    expect(body(again).error.details?.retryAfterSeconds).toBe(30 * 60);
    const locks = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'login.lock')
      .where('entity_id', '=', user.id)
      .execute();
    expect(locks).toHaveLength(2);
  }, 60_000);
});
