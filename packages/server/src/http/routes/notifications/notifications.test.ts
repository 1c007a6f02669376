import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotificationList, PlanReminders } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../../../jobs/job-runner.js';
import { reminderJobHandlers } from '../../../jobs/reminder-jobs.js';
import { statusJobHandlers } from '../../../jobs/task-status-jobs.js';
import { emailSender } from '../../../messaging/email-sender.js';
import { dingTalkSign } from '../../../messaging/robot-sender.js';
import { startMailCatcher, type MailCatcher } from '../../../testing/message-catchers.js';
import { dispatchReminders } from '../../../services/reminder-dispatch.js';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { planFixture } from '../../../testing/plan-fixture.js';
import { publishFixturePlan, type PublishedPlan } from '../../../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

/*
 * Reminders end to end over real parts: the plan's monthly periods (due the 25th) on the national
 * working-day calendar, the job runner on the test clock, a real SMTP server process on loopback and a
 * DingTalk-style robot receiver that checks the 加签 signature as DingTalk does.
 */
let t: TestApp;
let c: Commission;
let p: PublishedPlan;
let planner: Session;
let reporter: Session;
let admin: Session;
let jobs: JobRunner;
let mailCatcher: MailCatcher;
let robot: Server;
const robotPosts: { body: unknown; signed: boolean }[] = [];
const SECRET = 'SEC-test-secret';

const MAY = '推进紧密型县域医共体建设';

/** Moves the clock and signs everyone in again (sessions end after 12 hours). */
async function at(iso: string): Promise<void> {
  t.clock.set(iso);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
  admin = await t.login(c.users.admin);
}

async function inbox(session: Session, query = ''): Promise<NotificationList> {
  const response = await t.as(session, { method: 'GET', url: `/api/notifications${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<NotificationList>();
}

beforeAll(async () => {
  mailCatcher = await startMailCatcher();

  robot = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const timestamp = Number(url.searchParams.get('timestamp'));
      const signed = url.searchParams.get('sign') === dingTalkSign(SECRET, timestamp);
      robotPosts.push({ body: JSON.parse(body) as unknown, signed });
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(signed ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }),
      );
    });
  });
  await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));

  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  p = await publishFixturePlan(t, await t.login(c.users.planner));
  jobs = createJobRunner({
    db: t.db,
    clock: t.clock,
    handlers: {
      ...statusJobHandlers,
      ...reminderJobHandlers({
        email: emailSender({ url: mailCatcher.url, from: '要点 <yaodian@test>' }),
      }),
    },
  });
  // Everything up to May has been reported already, so only May's reminders concern this test.
  t.clock.set('2026-05-19T01:00:00Z');
  await jobs.runDue();
  await t.db.deleteFrom('notifications').execute();
  await t.db.deleteFrom('outbound_messages').execute();
  await at('2026-05-19T01:00:00Z');
}, DB_HOOK_TIMEOUT);

afterAll(async () => {
  await t.close();
  await mailCatcher.close();
  await new Promise<void>((resolve) => {
    robot.close(() => {
      resolve();
    });
  });
}, DB_HOOK_TIMEOUT);

describe('reminders around a due date', () => {
  it('shows the plan rule and the coming reminders on working days', async () => {
    const response = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/reminders` });
    expect(response.statusCode).toBe(200);
    const { policy, upcoming } = response.json<PlanReminders>();
    expect(policy).toMatchObject({ enabled: true, before: [3, 1], onDue: true, after: [1, 3] });
    // May's report is due Monday 25 May: 3 and 1 working days before are Wed 20 and Fri 22 May.
    expect(upcoming.filter((r) => r.dueOn === '2026-05-25').map((r) => [r.kind, r.on])).toEqual([
      ['before', '2026-05-20'],
      ['before', '2026-05-22'],
      ['due', '2026-05-25'],
      ['after', '2026-05-26'],
      ['after', '2026-05-28'],
    ]);
  });

  it('refuses a rule outside its limits with the field named, and keeps the old one', async () => {
    const response = await t.as(planner, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/reminders`,
      payload: { enabled: true, before: [30], onDue: true, after: [1], shiftToWorkday: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { field: string } }>().error.field).toMatch(/^before/);
    const reporterTry = await t.as(reporter, {
      method: 'PUT',
      url: `/api/plans/${p.plan.id}/reminders`,
      payload: { enabled: false, before: [], onDue: false, after: [], shiftToWorkday: true },
    });
    expect(reporterTry.statusCode).toBe(403);
  });

  it('reminds the owing unit in the app, by e-mail and by its robot three working days before, once', async () => {
    const settings = await t.as(reporter, {
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: { email: 'yizheng@example.cn', notifyEmail: true },
    });
    expect(settings.statusCode).toBe(200);
    // The medical unit's DingTalk robot; `secret` left out keeps the stored one.
    const putRobot = (secret?: string) =>
      t.as(admin, {
        method: 'PUT',
        url: `/api/units/${c.units.medical.id}/robots`,
        payload: {
          robots: [
            {
              kind: 'dingtalk',
              webhookUrl: `http://127.0.0.1:${String((robot.address() as AddressInfo).port)}/robot/send?access_token=t`,
              ...(secret === undefined ? {} : { secret }),
              enabled: true,
            },
          ],
        },
      });
    const robots = await putRobot(SECRET);
    expect(robots.statusCode).toBe(200);
    // The secret is written, never read back; sent again without it, the stored one is kept.
    expect(robots.body).not.toContain(SECRET);
    expect(robots.json<{ robots: { hasSecret: boolean }[] }>().robots[0]?.hasSecret).toBe(true);
    const resent = await putRobot();
    expect(resent.json<{ robots: { hasSecret: boolean }[] }>().robots[0]?.hasSecret).toBe(true);

    await at('2026-05-20T00:45:00Z'); // 08:45 in China, Wednesday 20 May
    await jobs.runDue();
    const mine = await inbox(reporter);
    expect(mine.unreadCount).toBe(1);
    const [first] = mine.notifications;
    expect(first?.title).toContain('5月25日前');
    expect(first?.body).toContain(MAY);
    expect(first?.link).toBe('/my-tasks');
    expect(mailCatcher.mails.map((m) => m.to)).toEqual(['yizheng@example.cn']);
    expect(mailCatcher.mails[0]?.raw).toContain('Message-ID');
    expect(robotPosts).toHaveLength(1);
    expect(robotPosts[0]?.signed).toBe(true);
    expect(JSON.stringify(robotPosts[0]?.body)).toContain('医政医管科');
    // Each reporter hears of their own unit's tasks only; a role that reports nothing hears nothing.
    const other = (await inbox(await t.login(c.users.otherReporter))).notifications;
    expect(other.map((n) => n.body.includes('强化妇幼健康服务') && !n.body.includes(MAY))).toEqual([true]);
    expect((await inbox(await t.login(c.users.viewer))).unreadCount).toBe(0);

    // The same day's run again (a retried job, a second server): nothing more.
    const again = await dispatchReminders(t.db, c.tenant.id, t.clock.now());
    expect(again).toEqual({ notifications: 0, messages: 0 });
    await jobs.runDue();
    expect(mailCatcher.mails).toHaveLength(1);
    expect(robotPosts).toHaveLength(1);

    const log = await t.as(planner, { method: 'GET', url: '/api/notifications/messages' });
    expect(
      log
        .json<{ messages: { channel: string; state: string }[] }>()
        .messages.map((m) => [m.channel, m.state])
        .sort(),
    ).toEqual([
      ['dingtalk', 'sent'],
      ['email', 'sent'],
    ]);
  });

  it('leaves a task out once its report is submitted, and tells the office who is late after the due date', async () => {
    const submitted = await t.as(reporter, {
      method: 'POST',
      url: '/api/reports',
      payload: {
        itemId: p.item(MAY).id,
        unitId: c.units.medical.id,
        periodId: p.periods[4]?.id,
        percent: 50,
        submit: true,
      },
    });
    expect(submitted.statusCode).toBe(201);
    await at('2026-05-22T00:45:00Z'); // Friday: 1 working day before
    await jobs.runDue();
    const friday = (await inbox(reporter)).notifications[0];
    expect(friday?.title).toContain('5月25日前');
    expect(friday?.body).not.toContain(MAY);
    expect(friday?.body).toContain('推进医保支付方式改革');

    await at('2026-05-26T00:45:00Z'); // Tuesday: 1 working day late
    await jobs.runDue();
    expect((await inbox(reporter)).notifications[0]?.title).toContain('已逾期1个工作日');
    const office = await inbox(planner);
    expect(office.notifications[0]?.kind).toBe('reminder.digest');
    expect(office.notifications[0]?.body).toContain('医政医管科');
  });

  it('marks notifications read one at a time or all at once, only the reader’s own', async () => {
    const before = await inbox(reporter);
    const id = before.notifications[0]?.id ?? '';
    expect((await t.as(planner, { method: 'POST', url: `/api/notifications/${id}/read` })).statusCode).toBe(
      404,
    );
    expect((await t.as(reporter, { method: 'POST', url: `/api/notifications/${id}/read` })).statusCode).toBe(
      200,
    );
    expect((await inbox(reporter)).unreadCount).toBe(before.unreadCount - 1);
    await t.as(reporter, { method: 'POST', url: '/api/notifications/read-all' });
    const after = await inbox(reporter, '?unreadOnly=true');
    expect(after).toMatchObject({ unreadCount: 0, notifications: [] });
  });

  it('refuses an address that is not one, naming the field', async () => {
    const response = await t.as(reporter, {
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: { email: 'not-an-address', notifyEmail: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { field: string } }>().error.field).toBe('email');
  });
});
