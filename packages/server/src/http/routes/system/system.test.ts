import type { AdvanceClockResult, ClockState, NotificationList } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let admin: Session;
let reporter: Session;

beforeAll(async () => {
  // Tuesday 19 May 2026, 09:00 in China: May's report is due Monday the 25th.
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-05-19T01:00:00Z' });
  c = await createCommission(t.db);
  await publishFixturePlan(t, await t.login(c.users.planner));
  await t.runJobs();
  admin = await t.login(c.users.admin);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

describe('the demo clock', () => {
  it("tells everyone the server's date and that it can be moved here", async () => {
    const response = await t.as(reporter, { method: 'GET', url: '/api/system/clock' });
    expect(response.json<ClockState>()).toMatchObject({ today: '2026-05-19', movable: true });
  });

  it('lets an admin move it a day forward; the reminders that became due go out and sessions stay open', async () => {
    const before = await t.as(reporter, { method: 'GET', url: '/api/notifications' });
    expect(before.json<NotificationList>().unreadCount).toBe(0);
    const moved = await t.as(admin, {
      method: 'POST',
      url: '/api/system/clock/advance',
      payload: { days: 1 },
    });
    expect(moved.statusCode).toBe(200);
    const result = moved.json<AdvanceClockResult>();
    expect(result.today).toBe('2026-05-20');
    expect(result.jobsRun).toBeGreaterThan(0);
    // Three working days before the 25th: the reporter's unit owes May's report.
    const after = await t.as(reporter, { method: 'GET', url: '/api/notifications' });
    expect(after.statusCode).toBe(200);
    expect(after.json<NotificationList>().notifications[0]?.title).toContain('5月25日前');
  });

  it('is refused to other roles, outside its limits, and on a server that does not offer it', async () => {
    expect(
      (await t.as(reporter, { method: 'POST', url: '/api/system/clock/advance', payload: { days: 1 } }))
        .statusCode,
    ).toBe(403);
    const tooFar = await t.as(admin, {
      method: 'POST',
      url: '/api/system/clock/advance',
      payload: { days: 400 },
    });
    expect([tooFar.statusCode, tooFar.json<{ error: { field: string } }>().error.field]).toEqual([
      400,
      'days',
    ]);
    const travel = t.deps.timeTravel;
    delete t.deps.timeTravel;
    try {
      const refused = await t.as(admin, {
        method: 'POST',
        url: '/api/system/clock/advance',
        payload: { days: 1 },
      });
      expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code]).toEqual([
        409,
        'state_conflict',
      ]);
      const state = await t.as(admin, { method: 'GET', url: '/api/system/clock' });
      expect(state.json<ClockState>().movable).toBe(false);
    } finally {
      t.deps.timeTravel = travel;
    }
  });
});
