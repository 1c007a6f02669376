import type { Unit } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let admin: Session;
let reporter: Session;

beforeAll(async () => {
  t = await createTestApp();
  c = await createCommission(t.db);
  admin = await t.login(c.users.admin);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('units', () => {
  it('lists the commission’s units with their aliases and nothing else (the unit presenter’s fields)', async () => {
    const list = await t.as(reporter, { method: 'GET', url: '/api/units' });
    expect(list.statusCode).toBe(200);
    const units = list.json<{ units: Unit[] }>().units;
    const medical = units.find((u) => u.id === c.units.medical.id);
    expect(medical).toEqual({
      id: c.units.medical.id,
      name: '医政医管科',
      kind: 'department',
      aliases: ['医政科'],
      linkedTenantId: null,
    });
    expect(units.map((u) => Object.keys(u).sort())).toEqual(
      units.map(() => ['aliases', 'id', 'kind', 'linkedTenantId', 'name']),
    );
  });

  it('lets the admin create and rename a unit, refusing an alias another unit holds and a reporter’s attempt', async () => {
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '疾病预防控制科', kind: 'department', aliases: ['疾控科'] },
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json<Unit>();
    expect(unit).toMatchObject({ name: '疾病预防控制科', aliases: ['疾控科'] });

    const clash = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { aliases: ['疾控科', '医政科'] },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: { code: 'duplicate', field: 'aliases' } });

    const renamed = await t.as(admin, {
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { name: '疾病预防控制处' },
    });
    expect(renamed.json<Unit>()).toEqual({ ...unit, name: '疾病预防控制处' });

    const refused = await t.as(reporter, {
      method: 'POST',
      url: '/api/units',
      payload: { name: '另一个科', kind: 'department' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('sets who a collective name stands for, refusing a unit of no one’s', async () => {
    const put = await t.as(admin, {
      method: 'PUT',
      url: '/api/unit-groups',
      payload: { name: '委机关各科室', unitIds: [c.units.reform.id, c.units.medical.id] },
    });
    expect(put.statusCode).toBe(200);
    const groups = await t.as(reporter, { method: 'GET', url: '/api/unit-groups' });
    const group = groups
      .json<{ groups: { name: string; unitIds: string[] }[] }>()
      .groups.find((g) => g.name === '委机关各科室');
    expect(group?.unitIds.sort()).toEqual([c.units.reform.id, c.units.medical.id].sort());
    const unknown = await t.as(admin, {
      method: 'PUT',
      url: '/api/unit-groups',
      payload: { name: '委机关各科室', unitIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.json()).toMatchObject({ error: { code: 'validation_failed', field: 'unitIds' } });
  });
});
