import type { AuditEntry, PlanReminders, WorkingCalendar } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let admin: Session;
let planner: Session;
let reporter: Session;
let published: PublishedPlan;

beforeAll(async () => {
  // Tuesday 19 May 2026: May's report is due Monday the 25th.
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-05-19T01:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  published = await publishFixturePlan(t, planner);
  admin = await t.login(c.users.admin);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

const calendar = async (who: Session, year = 2026): Promise<WorkingCalendar> => {
  const response = await t.as(who, { method: 'GET', url: `/api/calendar?year=${String(year)}` });
  expect(response.statusCode).toBe(200);
  return response.json<WorkingCalendar>();
};

const mayDue = async (): Promise<string | undefined> => {
  const response = await t.as(planner, { method: 'GET', url: `/api/plans/${published.plan.id}/reminders` });
  return response
    .json<PlanReminders>()
    .upcoming.find((r) => r.kind === 'due' && r.periodLabel.includes('5月'))?.on;
};

describe('the working-day calendar', () => {
  it("shows the national holidays and 调休 working weekends to every role of the plan's work", async () => {
    const year = await calendar(reporter);
    expect(year.nationalDataCovers).toBe(true);
    expect(year.days.find((d) => d.date === '2026-10-01')).toMatchObject({
      workday: false,
      holiday: '国庆节',
    });
    // A Saturday worked in exchange for the Spring Festival break.
    expect(year.days.find((d) => d.date === '2026-02-14')).toMatchObject({ workday: true, holiday: '春节' });
    // An ordinary Monday is not listed.
    expect(year.days.some((d) => d.date === '2026-05-18')).toBe(false);
    expect(year.workdaysPerMonth.reduce((a, b) => a + b, 0)).toBeGreaterThan(240);
  });

  it('lets the administrator make a day a local holiday: the month loses a working day and the due-day reminder moves', async () => {
    const before = await calendar(admin);
    expect(await mayDue()).toBe('2026-05-25');
    const set = await t.as(admin, {
      method: 'PUT',
      url: '/api/calendar/days/2026-05-25',
      payload: { workday: false, note: '市委统一安排休息' },
    });
    expect(set.statusCode).toBe(200);
    const after = set.json<WorkingCalendar>();
    expect(after.days.find((d) => d.date === '2026-05-25')).toMatchObject({
      workday: false,
      nationalWorkday: true,
      override: { workday: false, note: '市委统一安排休息' },
    });
    expect(after.workdaysPerMonth[4]).toBe((before.workdaysPerMonth[4] ?? 0) - 1);
    expect(await mayDue()).toBe('2026-05-26');

    const cleared = await t.as(admin, { method: 'DELETE', url: '/api/calendar/days/2026-05-25' });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json<WorkingCalendar>().workdaysPerMonth[4]).toBe(before.workdaysPerMonth[4]);
    expect(await mayDue()).toBe('2026-05-25');
  });

  it('records each change once in the audit log; setting the same value again records nothing', async () => {
    const put = (): ReturnType<TestApp['as']> =>
      t.as(admin, {
        method: 'PUT',
        url: '/api/calendar/days/2026-06-13',
        payload: { workday: true, note: '补班' },
      });
    expect((await put()).statusCode).toBe(200);
    expect((await put()).statusCode).toBe(200);
    const auditor = await t.login(c.users.auditor);
    const log = await t.as(auditor, { method: 'GET', url: '/api/audit?action=calendar.day.set' });
    const entries = log
      .json<{ entries: AuditEntry[] }>()
      .entries.filter(
        (e) => e.action === 'calendar.day.set' && JSON.stringify(e.after).includes('2026-06-13'),
      );
    expect(entries).toHaveLength(1);
  });

  it('refuses other roles, impossible dates and notes over the limit with a message naming the field', async () => {
    const denied = await t.as(planner, {
      method: 'PUT',
      url: '/api/calendar/days/2026-05-25',
      payload: { workday: false },
    });
    expect(denied.statusCode).toBe(403);
    const badDate = await t.as(admin, {
      method: 'PUT',
      url: '/api/calendar/days/2026-02-30',
      payload: { workday: false },
    });
    expect(badDate.statusCode).toBe(400);
    const longNote = await t.as(admin, {
      method: 'PUT',
      url: '/api/calendar/days/2026-05-25',
      payload: { workday: false, note: '长'.repeat(201) },
    });
    expect(longNote.statusCode).toBe(400);
    expect(longNote.json<{ error: { message: string } }>().error.message).toContain('200');
    const badYear = await t.as(admin, { method: 'GET', url: '/api/calendar?year=1999' });
    expect(badYear.statusCode).toBe(400);
  });
});
