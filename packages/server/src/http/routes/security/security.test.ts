import type { PasswordPolicy } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

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

const LEVEL_3 = {
  minLength: 10,
  minClasses: 3,
  history: 5,
  expiryDays: 90,
  forceChangeAfterReset: true,
  idleMinutes: 30,
  absoluteHours: 12,
};

describe('/api/security/password-policy', () => {
  it('answers the level-3 defaults (version 0) until the security administrator sets a policy', async () => {
    const response = await t.as(secadmin, { method: 'GET', url: '/api/security/password-policy' });
    expect(response.statusCode).toBe(200);
    expect(response.json<PasswordPolicy>()).toEqual({ ...LEVEL_3, version: 0, updatedAt: null });
  });

  it('stores a stricter policy, audits before and after, and answers 409 to a stale version', async () => {
    const stricter = { ...LEVEL_3, minLength: 12, minClasses: 4, history: 8, expiryDays: 60, version: 0 };
    const saved = await t.as(secadmin, {
      method: 'PUT',
      url: '/api/security/password-policy',
      payload: stricter,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<PasswordPolicy>()).toMatchObject({ minLength: 12, minClasses: 4, version: 1 });
    const stale = await t.as(secadmin, {
      method: 'PUT',
      url: '/api/security/password-policy',
      payload: stricter,
    });
    expect([stale.statusCode, stale.json<{ error: { code: string } }>().error.code]).toEqual([
      409,
      'version_conflict',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('tenant_id', '=', c.tenant.id)
      .where('action', '=', 'security.policy')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ minLength: 12, minClasses: 4 });
    expect(audit[0]?.before).toMatchObject({ minLength: 10, minClasses: 3 });
  });

  it('refuses a policy below level 3 with 400 naming the field and its limit', async () => {
    for (const [field, value, limit] of [
      ['minLength', 6, 8],
      ['minClasses', 2, 3],
      ['history', 0, 1],
      ['expiryDays', 400, 365],
      ['idleMinutes', 240, 120],
      ['absoluteHours', 48, 24],
    ] as const) {
      const response = await t.as(secadmin, {
        method: 'PUT',
        url: '/api/security/password-policy',
        payload: { ...LEVEL_3, [field]: value, version: 1 },
      });
      const body = response.json<{ error: { field: string; details: { rule: string; limit: number }[] } }>();
      expect([field, response.statusCode, body.error.field, body.error.details[0]?.limit]).toEqual([
        field,
        400,
        field,
        limit,
      ]);
    }
  });
});
