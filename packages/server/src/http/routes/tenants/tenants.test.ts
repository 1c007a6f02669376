import type { Tenant, Unit } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createTenant, TEST_PASSWORD } from '../../../testing/factories.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let root: Commission;
let operator: Session;

beforeAll(async () => {
  t = await createTestApp();
  root = await createCommission(t.db, { level: 'province' });
  operator = await t.login(root.users.operator);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const child = (parentId: string, code: string, level: string) => ({
  parentId,
  code,
  name: `${code}卫生健康委员会`,
  level,
  admin: { username: `${code}-admin`, displayName: '管理员', password: 'Child#Admin2026' },
});

describe('tenants (平台管理 → 机构)', () => {
  it('lets the operator create a city and a county below it, whose admin signs in, and lists the tree (the tenant presenter’s fields)', async () => {
    const city = await t.as(operator, {
      method: 'POST',
      url: '/api/tenants',
      payload: child(root.tenant.id, 'op-city', 'city'),
    });
    expect(city.statusCode).toBe(201);
    const cityTenant = city.json<Tenant>();
    expect(cityTenant).toEqual({
      id: cityTenant.id,
      code: 'op-city',
      name: 'op-city卫生健康委员会',
      level: 'city',
      parentId: root.tenant.id,
      active: true,
    });
    const county = await t.as(operator, {
      method: 'POST',
      url: '/api/tenants',
      payload: child(cityTenant.id, 'op-county', 'county'),
    });
    expect(county.statusCode).toBe(201);
    const upward = await t.as(operator, {
      method: 'POST',
      url: '/api/tenants',
      payload: child(county.json<Tenant>().id, 'op-up', 'city'),
    });
    expect(upward.json()).toMatchObject({ error: { code: 'validation_failed', field: 'level' } });

    const list = await t.as(operator, { method: 'GET', url: '/api/tenants' });
    expect(list.json<{ tenants: Tenant[] }>().tenants.map((x) => x.code)).toEqual([
      root.tenant.code,
      'op-city',
      'op-county',
    ]);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'op-county-admin', password: 'Child#Admin2026' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('refuses a parent outside the operator’s tree (404) and the admin’s attempt (403); the admin reads its direct children only', async () => {
    const stranger = await createTenant(t.db);
    const outside = await t.as(operator, {
      method: 'POST',
      url: '/api/tenants',
      payload: child(stranger.id, 'op-stray', 'county'),
    });
    expect(outside.statusCode).toBe(404);
    const admin = await t.login(root.users.admin);
    const refused = await t.as(admin, {
      method: 'POST',
      url: '/api/tenants',
      payload: child(root.tenant.id, 'op-admin', 'city'),
    });
    expect(refused.statusCode).toBe(403);
    const children = await t.as(admin, { method: 'GET', url: '/api/tenants' });
    expect(children.json<{ tenants: Tenant[] }>().tenants.map((x) => x.code)).toEqual(['op-city']);
  });

  it('disables a commission: its sessions end, sign-in is refused, enabling restores it; its own commission is not the operator’s to disable', async () => {
    const county = await t.as(operator, {
      method: 'POST',
      url: '/api/tenants',
      payload: child(root.tenant.id, 'op-off', 'city'),
    });
    const id = county.json<Tenant>().id;
    const session = await t.login({ username: 'op-off-admin' }).catch(() => null);
    expect(session).toBeNull(); // the test app signs in with TEST_PASSWORD; this admin has its own
    const signIn = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'op-off-admin', password: 'Child#Admin2026' },
      });
    const before = await signIn();
    expect(before.statusCode).toBe(200);
    const cookie = before.cookies.find((c) => c.name === 'yd_session')?.value ?? '';
    const off = await t.as(operator, {
      method: 'PUT',
      url: `/api/tenants/${id}/active`,
      payload: { active: false },
    });
    expect(off.json<Tenant>().active).toBe(false);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { yd_session: cookie } });
    expect(me.statusCode).toBe(401);
    expect((await signIn()).statusCode).toBe(401);
    await t.as(operator, { method: 'PUT', url: `/api/tenants/${id}/active`, payload: { active: true } });
    expect((await signIn()).statusCode).toBe(200);
    const own = await t.as(operator, {
      method: 'PUT',
      url: `/api/tenants/${root.tenant.id}/active`,
      payload: { active: false },
    });
    expect(own.statusCode).toBe(404);
    expect(TEST_PASSWORD).not.toBe('Child#Admin2026');
  });

  it('links a county bureau unit to a direct child commission, refusing one that is not its child', async () => {
    const admin = await t.login(root.users.admin);
    const kids = (await t.as(admin, { method: 'GET', url: '/api/tenants' })).json<{ tenants: Tenant[] }>();
    const cityId = kids.tenants.find((x) => x.code === 'op-city')?.id ?? '';
    const linked = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${root.units.countyA.id}`,
      payload: { linkedTenantId: cityId },
    });
    expect(linked.json<Unit>().linkedTenantId).toBe(cityId);
    const stranger = await createTenant(t.db);
    const refused = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${root.units.countyB.id}`,
      payload: { linkedTenantId: stranger.id },
    });
    expect(refused.json()).toMatchObject({ error: { code: 'validation_failed', field: 'linkedTenantId' } });
    const twice = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${root.units.countyB.id}`,
      payload: { linkedTenantId: cityId },
    });
    expect(twice.statusCode).toBe(409);
  });
});
