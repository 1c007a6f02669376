import type { PlanDetail, PublicPlan, ReportDto } from '@yaodian/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { multipartFile, planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;
let p: PublishedPlan;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-03-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  p = await publishFixturePlan(t, planner);
  // An e-mail address on a user, so the check below has one to look for.
  await sql`update users set email = 'zhang.wei@example.cn' where tenant_id = ${c.tenant.id} and id = ${c.users.reporter.id}`.execute(
    t.db,
  );
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function report(month: number, value: number, narrative: string, accept: boolean): Promise<ReportDto> {
  const task = p.item('推进紧密型县域医共体建设');
  const created = await t.as(reporter, {
    method: 'POST',
    url: '/api/reports',
    payload: {
      itemId: task.id,
      unitId: c.units.medical.id,
      periodId: p.periods[month - 1]?.id,
      percent: 40,
      narrative,
      actuals: [{ targetId: task.targets[0]?.id, value }],
      submit: true,
    },
  });
  const submitted = created.json<{ report: ReportDto }>().report;
  if (!accept) return submitted;
  const accepted = await t.as(planner, {
    method: 'POST',
    url: `/api/reports/${submitted.id}/accept`,
    payload: { version: submitted.version },
  });
  return accepted.json<{ report: ReportDto }>().report;
}

const publicGet = (publicId: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/public/plans/${publicId}`, headers });

describe('the public page (公示)', () => {
  it('shows sections, tasks, status and the latest accepted value without sign-in, and no personal data', async () => {
    await report(1, 81.5, '张伟同志牵头完成了调研（内部叙述）', true);
    await report(2, 95, '待审核的叙述', false);
    const shown = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/public`,
      payload: { public: true },
    });
    const { publicId } = shown.json<{ publicId: string }>();
    expect(publicId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(publicId).not.toContain(p.plan.id);

    const response = await publicGet(publicId);
    expect(response.statusCode).toBe(200);
    const page = response.json<PublicPlan>();
    expect(page.sections.map((s) => s.title)).toEqual(['深化医药卫生体制改革', '提升公共卫生服务能力']);
    const task = page.sections[0]?.tasks.find((x) => x.title === '推进紧密型县域医共体建设');
    // The accepted January value, not February's, which awaits review.
    expect(task?.targets[0]).toMatchObject({
      metric: '县域内就诊率',
      latest: 81.5,
      latestPeriod: '2026年1月',
    });
    expect(task?.status).not.toBeNull();
    expect(task?.units).toEqual(['医政医管科']);

    // No person: every user's name, login, e-mail and id in the database, and no narrative, no internal id.
    const { rows } = await sql<{ id: string; username: string; display_name: string; email: string | null }>`
      select id, username, display_name, email from users`.execute(t.db);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    const personal = rows.flatMap((u) => [u.id, u.username, u.display_name, ...(u.email ? [u.email] : [])]);
    expect(personal.filter((value) => response.body.includes(value))).toEqual([]);
    for (const words of ['张伟', '内部叙述', '待审核的叙述', p.plan.id, c.tenant.id])
      expect(response.body).not.toContain(words);

    // Unchanged: 304 without a body.
    const etag = String(response.headers.etag);
    const again = await publicGet(publicId, { 'if-none-match': etag });
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });

  it('answers 404 for a withdrawn plan, an unknown id and a plan never shown; a draft cannot be shown', async () => {
    const shown = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/public`,
      payload: { public: true },
    });
    const { publicId } = shown.json<{ publicId: string }>();
    expect((await publicGet(publicId)).statusCode).toBe(200);
    const withdrawn = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/public`,
      payload: { public: false },
    });
    expect(withdrawn.json()).toEqual({ publicId: null });
    expect((await publicGet(publicId)).statusCode).toBe(404);
    expect((await publicGet('A'.repeat(32))).statusCode).toBe(404);

    const { payload, headers } = multipartFile('plan.txt', 'plan');
    const draft = (
      await t.as(planner, { method: 'POST', url: '/api/plans', payload, headers })
    ).json<PlanDetail>();
    const refused = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${draft.id}/public`,
      payload: { public: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(
      (
        await t.as(reporter, {
          method: 'PUT',
          url: `/api/plans/${p.plan.id}/public`,
          payload: { public: true },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/plans/${p.plan.id}/public`,
          payload: { public: true },
        })
      ).statusCode,
    ).toBe(401);
  });
});
