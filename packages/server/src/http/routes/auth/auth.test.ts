import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, TEST_PASSWORD } from '../../../testing/factories.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function newUser(role: 'admin' | 'viewer' = 'viewer') {
  const tenant = await createTenant(t.db);
  return createUser(t.db, tenant.id, { role });
}

describe('auth', () => {
  it('stores passwords as argon2id hashes', async () => {
    const user = await newUser();
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('signs in with an HttpOnly SameSite=Lax cookie and returns a CSRF token', async () => {
    const user = await newUser();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'yd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json<{ csrfToken: string }>().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // No hash leaves (the answer names the password policy's rules, never a password or its hash).
    expect(response.body).not.toMatch(/argon2|password_?hash/i);
  });

  it('answers 401 invalid_credentials for a wrong password without saying which part was wrong', async () => {
    const user = await newUser();
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('invalid_credentials');
  });

  it('rate-limits an account from one address after five failures, even with the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'wrong' },
      });
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('names the field when the login body is invalid', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { field: string; code: string } }>().error).toMatchObject({
      code: 'validation_failed',
      field: 'username',
    });
  });

  it('rejects a state-changing request without the CSRF token and accepts it with the token', async () => {
    const user = await newUser();
    const session = await t.login(user);
    const without = await t.as(session, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': '' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json<{ error: { code: string } }>().error.code).toBe('csrf_failed');
    const withToken = await t.as(session, { method: 'POST', url: '/api/auth/logout' });
    expect(withToken.statusCode).toBe(200);
  });

  it('gives a signed-in browser its CSRF token again and sends no-store, nosniff and DENY headers', async () => {
    const session = await t.login(await newUser());
    const response = await t.as(session, { method: 'GET', url: '/api/auth/csrf' });
    expect(response.json()).toEqual({ csrfToken: session.csrfToken });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).statusCode).toBe(401);
  });

  it('ends the session on logout so the cookie no longer works', async () => {
    const session = await t.login(await newUser());
    expect((await t.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await t.as(session, { method: 'POST', url: '/api/auth/logout' });
    expect((await t.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('expires a session after 30 idle minutes', async () => {
    const session = await t.login(await newUser());
    t.clock.advance(29 * 60_000);
    expect((await t.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await t.as(session, { method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ error: { code: string } }>().error.code).toBe('session_expired');
  });

  it('expires an active session 12 hours after sign-in', async () => {
    const session = await t.login(await newUser());
    // 28 × 25 min = 11 h 40 min of steady use, then one more step crosses 12 h.
    for (let i = 0; i < 28; i++) {
      t.clock.advance(25 * 60_000);
      expect((await t.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    t.clock.advance(25 * 60_000);
    expect((await t.as(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const user = await newUser();
    const first = await t.login(user);
    const second = await t.login(user);
    const change = await t.as(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'A-new-long-password-3' },
    });
    expect(change.statusCode).toBe(200);
    expect((await t.as(second, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.as(first, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'A-new-long-password-3' },
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('asks for the tenant code when two commissions have the same user name', async () => {
    const a = await createTenant(t.db);
    const b = await createTenant(t.db);
    await createUser(t.db, a.id, { role: 'viewer', username: 'shared.name' });
    await createUser(t.db, b.id, { role: 'viewer', username: 'shared.name' });
    const ambiguous = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'shared.name', password: TEST_PASSWORD },
    });
    expect(ambiguous.json<{ error: { code: string } }>().error.code).toBe('tenant_required');
    const named = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { tenant: b.code, username: 'shared.name', password: TEST_PASSWORD },
    });
    expect(named.json<{ user: { tenantId: string } }>().user.tenantId).toBe(b.id);
  });

  it('answers 401 with no session and serves health without one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});
