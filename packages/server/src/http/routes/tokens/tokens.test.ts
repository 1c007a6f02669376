import type { ApiTokenDto, BulkResult, CreatedApiToken, ReportDto } from '@yaodian/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';
import { valuesPlanFixture } from '../../../testing/values-plan.js';

let t: TestApp;
let c: Commission;
let other: Commission;
let admin: Session;
let planner: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({
    readPlan: () => Promise.resolve(valuesPlanFixture()),
    now: '2026-06-10T02:00:00Z',
  });
  c = await createCommission(t.db);
  other = await createCommission(t.db);
  admin = await t.login(c.users.admin);
  planner = await t.login(c.users.planner);
  p = await publishFixturePlan(t, planner);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function create(as: Session, body: object): Promise<CreatedApiToken> {
  const response = await t.as(as, { method: 'POST', url: '/api/tokens', payload: body });
  expect(response.statusCode).toBe(201);
  return response.json<CreatedApiToken>();
}

const periodId = (month: number): string => p.periods[month - 1]?.id ?? '';

/** A push as another system: no cookie, no CSRF token, only the Bearer token. */
function push(secret: string, month: number, task: string, key?: string) {
  const item = p.item(task);
  return t.app.inject({
    method: 'POST',
    url: '/api/values',
    headers: { authorization: `Bearer ${secret}`, ...(key ? { 'idempotency-key': key } : {}) },
    payload: {
      planId: p.plan.id,
      periodId: periodId(month),
      values: item.targets.map((target, i) => ({
        itemId: item.id,
        unitId: c.units.medical.id,
        targetId: target.id,
        value: 100 + i,
        percent: 50,
      })),
    },
  });
}

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    select action from audit_log where tenant_id = ${c.tenant.id} and entity_id = ${entityId} order by id`.execute(
    t.db,
  );
  return rows.map((r) => r.action);
}

describe('API tokens', () => {
  it('pushes values with a token (no CSRF), into review, idempotently; lists it without its secret', async () => {
    const { token, secret } = await create(admin, {
      name: '全民健康信息平台',
      scopes: ['values:write'],
      unitId: c.units.medical.id,
    });
    expect(secret).toMatch(/^ydt\./);
    const first = await push(secret, 1, '批量填报任务1', 'platform-2026-01-task1');
    expect([first.statusCode, first.json<BulkResult>()]).toEqual([
      201,
      expect.objectContaining({ created: 1, values: 3, state: 'submitted' }),
    ]);
    const again = await push(secret, 1, '批量填报任务1', 'platform-2026-01-task1');
    expect([again.statusCode, again.json<BulkResult>().replayed]).toEqual([200, 1]);
    const reports = await t.as(planner, { method: 'GET', url: `/api/reports?periodId=${periodId(1)}` });
    expect(reports.json<{ reports: ReportDto[] }>().reports.map((r) => r.state)).toEqual(['submitted']);

    const listed = await t.as(admin, { method: 'GET', url: '/api/tokens' });
    expect(listed.body).not.toContain(secret.slice(-43));
    const mine = listed.json<{ tokens: ApiTokenDto[] }>().tokens.find((x) => x.id === token.id);
    expect(mine?.lastUsedAt).not.toBeNull();
    const { rows } = await sql<{ token_hash: string }>`
      select token_hash from api_tokens where tenant_id = ${c.tenant.id} and id = ${token.id}`.execute(t.db);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(secret.slice(-43));
  });

  it('refuses a revoked token, and audits create, use, revoke and the refusal', async () => {
    const { token, secret } = await create(admin, { name: '待吊销', scopes: ['values:write'] });
    expect((await push(secret, 2, '批量填报任务2')).statusCode).toBe(201);
    const revoked = await t.as(admin, { method: 'POST', url: `/api/tokens/${token.id}/revoke` });
    expect(revoked.json<ApiTokenDto>().revokedAt).not.toBeNull();
    const refused = await push(secret, 2, '批量填报任务3');
    expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code]).toEqual([
      401,
      'unauthenticated',
    ]);
    expect(await auditActions(token.id)).toEqual([
      'token.create',
      'token.use',
      'token.revoke',
      'token.refused',
    ]);
  });

  it('refuses a token without the scope, a forged secret, and a token of another commission', async () => {
    const reader = await create(admin, { name: '只读', scopes: ['plans:read'] });
    const wrongScope = await push(reader.secret, 3, '批量填报任务4');
    expect([wrongScope.statusCode, wrongScope.json<{ error: { code: string } }>().error.code]).toEqual([
      403,
      'forbidden',
    ]);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/plans/${p.plan.id}`,
      headers: { authorization: `Bearer ${reader.secret}` },
    });
    expect(read.statusCode).toBe(200);
    // A read token does not reach what the viewer role could (the audit log, users): its scope names endpoints.
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: `Bearer ${reader.secret}` },
    });
    expect(users.statusCode).toBe(403);

    const forged = `${reader.secret.slice(0, -4)}AAAA`;
    expect((await push(forged, 3, '批量填报任务4')).statusCode).toBe(401);

    const outsider = await create(await t.login(other.users.admin), {
      name: '外单位',
      scopes: ['values:write'],
    });
    const foreign = await push(outsider.secret, 3, '批量填报任务4');
    expect(foreign.statusCode).toBe(404);
  });

  it('keeps a unit-scoped token to its unit', async () => {
    const { secret } = await create(admin, {
      name: '妇幼',
      scopes: ['values:write'],
      unitId: c.units.maternal.id,
    });
    const response = await push(secret, 4, '批量填报任务5');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain(
      '第1条 itemId：不是本期可填报的任务',
    );
  });

  it('lets only the system administrator manage tokens, and nobody without a session', async () => {
    expect((await t.as(planner, { method: 'GET', url: '/api/tokens' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/values', payload: {} })).statusCode).toBe(401);
  });
});
