import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let admin: Session;
let secadmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  c = await createCommission(t.db);
  admin = await t.login(c.users.admin);
  secadmin = await t.login(c.users.secadmin);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

interface UserDto {
  id: string;
  username: string;
  role: string;
  unitIds: string[];
  active: boolean;
  version: number;
}

describe('user administration', () => {
  it('creates a reporter for a unit who can then sign in, and never shows a password hash', async () => {
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'new.reporter',
        displayName: '新填报员',
        role: 'reporter',
        password: 'A-long-password-1',
        unitIds: [c.units.medical.id],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<UserDto>()).toMatchObject({
      username: 'new.reporter',
      role: 'reporter',
      unitIds: [c.units.medical.id],
      active: true,
    });
    const list = await t.as(admin, { method: 'GET', url: '/api/users' });
    expect(list.body).not.toContain('argon2');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'new.reporter', password: 'A-long-password-1' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a reporter without units and a user name already taken, naming the field', async () => {
    const noUnits = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'lonely', displayName: 'x', role: 'reporter', password: 'A-long-password-1' },
    });
    expect(noUnits.json()).toMatchObject({ error: { code: 'validation_failed', field: 'unitIds' } });
    const taken = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: c.users.viewer.username,
        displayName: 'x',
        role: 'viewer',
        password: 'A-long-password-1',
      },
    });
    expect(taken.json()).toMatchObject({ error: { code: 'duplicate', field: 'username' } });
  });

  it('deactivating a user ends their sessions and refuses their sign-in; a stale version is a conflict', async () => {
    const leader = await t.login(c.users.leader);
    const response = await t.as(secadmin, {
      method: 'PUT',
      url: `/api/users/${c.users.leader.id}/active`,
      payload: { version: 1, active: false },
    });
    expect(response.json<UserDto>()).toMatchObject({ active: false, version: 2 });
    expect((await t.as(leader, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(t.login(c.users.leader)).rejects.toThrow(/401/);
    const stale = await t.as(secadmin, {
      method: 'PUT',
      url: `/api/users/${c.users.leader.id}/active`,
      payload: { version: 1, active: true },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('moves a reporter to another unit, after which they report for the new one only', async () => {
    const reporter = c.users.otherReporter;
    const response = await t.as(admin, {
      method: 'PATCH',
      url: `/api/users/${reporter.id}`,
      payload: { version: reporter.version, unitIds: [c.units.planning.id] },
    });
    expect(response.json<UserDto>().unitIds).toEqual([c.units.planning.id]);
    const session = await t.login(reporter);
    const me = await t.as(session, { method: 'GET', url: '/api/auth/me' });
    expect(me.json<UserDto>().unitIds).toEqual([c.units.planning.id]);
    expect(me.json<{ unitNames: string[] }>().unitNames).toEqual([c.units.planning.name]);
  });

  it('resets a forgotten password: the old one stops working and the user is signed out', async () => {
    const viewer = await t.login(c.users.viewer);
    const reset = await t.as(secadmin, {
      method: 'POST',
      url: `/api/users/${c.users.viewer.id}/password`,
      payload: { newPassword: 'Brand-new-password-2' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.as(viewer, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: c.users.viewer.username, password: 'Brand-new-password-2' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('renames a unit and replaces its aliases, refusing an alias another unit holds', async () => {
    const renamed = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${c.units.planning.id}`,
      payload: { name: '规划发展与信息化科', aliases: ['规信科', '规划信息科'] },
    });
    expect(renamed.json()).toMatchObject({ name: '规划发展与信息化科', aliases: ['规信科', '规划信息科'] });
    const clash = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${c.units.maternal.id}`,
      payload: { aliases: ['规信科'] },
    });
    expect(clash.json()).toMatchObject({ error: { code: 'duplicate', field: 'aliases' } });
  });

  it("refuses a role or an active flag in the system administrator's edit, naming the field", async () => {
    const response = await t.as(admin, {
      method: 'PATCH',
      url: `/api/users/${c.users.viewer.id}`,
      payload: { version: c.users.viewer.version, role: 'planner' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
