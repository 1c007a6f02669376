import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { createUser, TEST_PASSWORD } from '../testing/factories.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 访问控制 (8.1.4.2 c–d: 删除或停用多余的、过期的账户…; 授予管理用户所需的最小权限，
 * 实现管理用户的权限分离) — 三员分立: system, security and audit administrators hold disjoint powers, none
 * changes its own role or acts on another administrator's account.
 */
let t: TestApp;
let c: Commission;
let admin: Session;
let secadmin: Session;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  c = await createCommission(t.db);
  admin = await t.login(c.users.admin);
  secadmin = await t.login(c.users.secadmin);
  auditor = await t.login(c.users.auditor);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const code = (r: LightMyRequestResponse): string => r.json<{ error: { code: string } }>().error.code;

describe('等保2.0 三级 · 访问控制 (access control): 三员分立', () => {
  it('lets the system administrator create an account but not assign its role, reset it or read the log', async () => {
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sys.made', displayName: '新用户', role: 'viewer', password: TEST_PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json<{ id: string; version: number }>();
    const role = await t.as(admin, {
      method: 'PUT',
      url: `/api/users/${id}/role`,
      payload: { version, role: 'planner' },
    });
    const reset = await t.as(admin, {
      method: 'POST',
      url: `/api/users/${id}/password`,
      payload: { newPassword: 'Bb2-long-enough' },
    });
    const audit = await t.as(admin, { method: 'GET', url: '/api/audit' });
    expect([role.statusCode, reset.statusCode, audit.statusCode]).toEqual([403, 403, 403]);

    // The security administrator assigns the role; the user's sessions end with the old one.
    const session = await t.login({ username: 'sys.made' });
    const assigned = await t.as(secadmin, {
      method: 'PUT',
      url: `/api/users/${id}/role`,
      payload: { version, role: 'planner' },
    });
    expect(assigned.json()).toMatchObject({ role: 'planner', version: version + 1 });
    expect((await t.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const createdBySecurity = await t.as(secadmin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sec.made', displayName: '新用户', role: 'viewer', password: 'Aa1-long-enough' },
    });
    expect(createdBySecurity.statusCode).toBe(403);
  });

  it('lets the audit administrator read and verify the log and nothing else', async () => {
    expect((await t.as(auditor, { method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    expect((await t.as(auditor, { method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(200);
    const tries = [
      await t.as(auditor, { method: 'GET', url: '/api/users' }),
      await t.as(auditor, { method: 'GET', url: '/api/plans' }),
      await t.as(auditor, { method: 'POST', url: `/api/users/${c.users.viewer.id}/unlock`, payload: {} }),
      await t.as(auditor, {
        method: 'PUT',
        url: `/api/users/${c.users.viewer.id}/active`,
        payload: { version: c.users.viewer.version, active: false },
      }),
    ];
    expect(tries.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect((await t.as(secadmin, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it("refuses any administrator's change of their own role or of another administrator's account", async () => {
    const other = await createUser(t.db, c.tenant.id, { role: 'admin' });
    const attempts = [
      // The security administrator on their own account and on the other two.
      t.as(secadmin, {
        method: 'PUT',
        url: `/api/users/${c.users.secadmin.id}/role`,
        payload: { version: c.users.secadmin.version, role: 'planner' },
      }),
      t.as(secadmin, {
        method: 'POST',
        url: `/api/users/${c.users.admin.id}/password`,
        payload: { newPassword: 'Cc3-long-enough' },
      }),
      t.as(secadmin, {
        method: 'PUT',
        url: `/api/users/${c.users.auditor.id}/active`,
        payload: { version: c.users.auditor.version, active: false },
      }),
      t.as(secadmin, {
        method: 'PUT',
        url: `/api/users/${c.users.admin.id}/role`,
        payload: { version: c.users.admin.version, role: 'viewer' },
      }),
      t.as(secadmin, { method: 'POST', url: `/api/users/${c.users.auditor.id}/unlock`, payload: {} }),
      // The system administrator on another administrator (even a second system administrator).
      t.as(admin, {
        method: 'PATCH',
        url: `/api/users/${c.users.secadmin.id}`,
        payload: { version: c.users.secadmin.version, displayName: '改名' },
      }),
      t.as(admin, {
        method: 'PATCH',
        url: `/api/users/${other.id}`,
        payload: { version: other.version, unitIds: [c.units.medical.id] },
      }),
      // No administrator's role is granted through the API.
      t.as(secadmin, {
        method: 'PUT',
        url: `/api/users/${c.users.viewer.id}/role`,
        payload: { version: c.users.viewer.version, role: 'auditor' },
      }),
      t.as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'second.sec',
          displayName: '第二',
          role: 'secadmin',
          password: 'Aa1-long-enough',
        },
      }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((r) => [r.statusCode, code(r)])).toEqual(
      Array.from({ length: attempts.length }, () => [403, 'duty_separation']),
    );
    const unchanged = await t.as(secadmin, { method: 'GET', url: '/api/users' });
    const users = unchanged.json<{ users: { id: string; role: string; active: boolean }[] }>().users;
    expect(users.find((u) => u.id === c.users.secadmin.id)?.role).toBe('secadmin');
    expect(users.find((u) => u.id === c.users.auditor.id)?.active).toBe(true);
    expect(users.find((u) => u.id === c.users.viewer.id)?.role).toBe('viewer');
  });

  it('lets the system administrator rename themselves but not deactivate or demote themselves', async () => {
    const renamed = await t.as(admin, {
      method: 'PATCH',
      url: `/api/users/${c.users.admin.id}`,
      payload: { version: c.users.admin.version, displayName: '系统管理员（新）' },
    });
    expect(renamed.statusCode).toBe(200);
    const demote = await t.as(admin, {
      method: 'PUT',
      url: `/api/users/${c.users.admin.id}/role`,
      payload: { version: c.users.admin.version + 1, role: 'viewer' },
    });
    expect(demote.statusCode).toBe(403);
  });
});
