import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKey } from '../domain/unit-matcher.js';
import { createTenant, createUser, TEST_PASSWORD } from '../testing/factories.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 入侵防范 (8.1.4.4 e: 提供数据有效性检验功能，保证通过人机接口输入或通过
 * 通信接口输入的内容符合系统设定要求). One check at the HTTP boundary, for every route.
 */
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await createTenant(t.db);
  admin = await t.login(await createUser(t.db, tenant.id, { role: 'admin' }));
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const errorOf = (r: LightMyRequestResponse) =>
  r.json<{ error: { code: string; field: string; message: string } }>().error;

describe('等保2.0 三级 · 入侵防范 (intrusion prevention): input validity at the boundary', () => {
  it('answers a NUL in the unauthenticated login with 400 naming the field, not 500', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'whatever-password' },
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'validation_failed', field: 'username' });
  });

  it('answers a lone low surrogate (sent as a JSON escape) with 400 naming the nested field', async () => {
    const r = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"科室","kind":"other","aliases":["ok","bad\\udc00"]}',
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'validation_failed', field: 'aliases.1' });
    expect(errorOf(r).message).toContain('代理字符');
  });

  it('answers a NUL in a query string with 400 naming it', async () => {
    const r = await t.as(admin, { method: 'GET', url: '/api/audit?entity=plan%00' });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).field).toBe('query.entity');
  });

  it('refuses a right-to-left override or a zero-width character in a name', async () => {
    const rlo = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '财务\u202Egnp.exe', kind: 'other', aliases: [] },
    });
    expect([rlo.statusCode, errorOf(rlo).field]).toEqual([400, 'name']);
    const zw = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '办公\u200B室', kind: 'other', aliases: [] },
    });
    expect([zw.statusCode, errorOf(zw).field]).toEqual([400, 'name']);
  });

  it('compares unit names after NFKC and whitespace folding: a full-width or spaced look-alike is a duplicate', async () => {
    const first = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '临江市120急救中心', kind: 'other', aliases: [] },
    });
    expect(first.statusCode).toBe(201);
    const fullWidth = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '临江市１２０急救 中心', kind: 'other', aliases: [] },
    });
    expect(fullWidth.statusCode).toBe(409);
    expect(unitKey('办公\u200B室')).toBe(unitKey('办公室'));
  });

  it('keeps ordinary Chinese text, emoji and line breaks in free text', async () => {
    const r = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '爱国卫生运动委员会办公室', kind: 'other', aliases: ['爱卫办'] },
    });
    expect(r.statusCode).toBe(201);
  });
});

describe('等保2.0 三级 · 通信传输 (transport): headers', () => {
  it('sets a Secure cookie, Permissions-Policy always and HSTS only when the request came over HTTPS via a trusted proxy', async () => {
    const { buildApp } = await import('../http/app.js');
    const proxied = await buildApp(t.deps, { secureCookies: false, trustProxy: '127.0.0.1' });
    const tenant = await createTenant(t.db);
    const user = await createUser(t.db, tenant.id, { role: 'viewer' });
    const login = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/yd_session=.*; Secure/);
    const https = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    });
    const plain = await t.app.inject({ method: 'GET', url: '/api/health' });
    await proxied.close();
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(https.headers['permissions-policy']).toContain('camera=()');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['permissions-policy']).toContain('geolocation=()');
  });
});
