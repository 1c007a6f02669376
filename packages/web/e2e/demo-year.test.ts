import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startMailCatcher,
  startRobotReceiver,
  type MailCatcher,
  type RobotReceiver,
} from '../../server/src/testing/message-catchers.js';
import { docxPart } from '../../server/src/testing/office-render.js';
import { launch, shot, signIn } from './browser.js';
import { PASSWORD, startServer, type RunningServer } from './server.js';

/*
 * Issue 9's year in the browser, on the demo commission from 30 June: the admin moves the clock and the server
 * runs what became due. A due-date reminder reaches the bell, a real SMTP server on loopback and a DingTalk-style
 * robot receiver; a July report left unsent raises a yellow 督办单 that turns red and reaches the owning leader;
 * the unit signs and responds, the office closes it; a silent task draws a stale notice before its deadline; a
 * milestone passing unconfirmed turns its task red; the assessment ranks the units with every point explained;
 * the 通报 and the 督办单 download as .docx.
 */
const START = '2026-06-30T01:00:00Z';
const SECRET = 'SEC-e2e-robot';
const EMAIL = 'chenxiao@linjiang.example';
const REPORTER = 'reporter.yizheng';

let server: RunningServer;
let browser: Browser;
let smtp: MailCatcher;
let robot: RobotReceiver;
let today = START.slice(0, 10);
let planId = '';

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Signs in over the API (afresh: moving the clock ends idle sessions) and answers a caller. */
async function as(username: string): Promise<Call> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${String(login.status)} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${String(response.status)} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The admin's clock action (the endpoint behind the demo banner's buttons): moves to `date` and runs what fell due. */
async function advanceTo(date: string): Promise<void> {
  const admin = await as('admin');
  // At most 92 days a step (the action's limit: a quarter).
  for (let days = daysBetween(today, date); days > 0; days = daysBetween(today, date)) {
    const moved = await admin<{ today: string }>('POST', '/api/system/clock/advance', {
      days: Math.min(days, 92),
    });
    today = moved.today;
  }
}

/** A fresh browser context signed in as `username` (each step its own: the clock moves between them). */
async function pageAs(username: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signIn(page, server.url, username, PASSWORD);
  return page;
}

interface Notice {
  id: string;
  number: string;
  level: string;
  status: string;
  rule: string;
  reason: string;
  units: { id: string; name: string }[];
  tasks: { id: string; number: string; title: string }[];
  responseDue: string;
  issuedAt: string;
  nextId: string | null;
}

/** Saves a download and answers its text of word/document.xml, checking the file is a .docx (a zip). */
async function downloadedDocx(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; xml: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  return { name: download.suggestedFilename(), xml: docxPart(bytes, 'word/document.xml') };
}

const text = (xml: string): string => xml.replace(/<[^>]+>/g, '');

/** A captured mail's Subject, its RFC 2047 encoded words (as nodemailer writes Chinese) decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r?\n[ \t]/g, '')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

describe('the demo year, in the browser', () => {
  beforeAll(async () => {
    await readFile(fileURLToPath(new URL('../dist/index.html', import.meta.url))).catch(() => {
      throw new Error('Build the app first: npm run build -w packages/web');
    });
    smtp = await startMailCatcher();
    robot = await startRobotReceiver(SECRET);
    server = await startServer(START, { SMTP_URL: smtp.url, SMTP_FROM: '要点 <yaodian@linjiang.example>' });
    browser = await launch();

    // The year is longer than the default 90-day password life: the security administrator lengthens it.
    const secadmin = await as('secadmin');
    const policy = await secadmin<Record<string, unknown>>('GET', '/api/security/password-policy');
    const fields = Object.fromEntries(Object.entries(policy).filter(([key]) => key !== 'updatedAt'));
    await secadmin('PUT', '/api/security/password-policy', { ...fields, expiryDays: 365 });
    // The reporter wants e-mail; the admin gives the reporter's units a DingTalk robot (signed).
    await (
      await as(REPORTER)
    )('PUT', '/api/notifications/settings', { email: EMAIL, notifyEmail: true });
    const admin = await as('admin');
    const { units } = await admin<{ units: { id: string; name: string }[] }>('GET', '/api/units');
    for (const name of ['医政医管科', '体制改革科']) {
      const unit = units.find((u) => u.name === name);
      await admin('PUT', `/api/units/${unit?.id ?? ''}/robots`, {
        robots: [{ kind: 'dingtalk', webhookUrl: robot.webhookUrl, secret: SECRET, enabled: true }],
      });
    }
    const { plans } = await admin<{ plans: { id: string }[] }>('GET', '/api/plans');
    planId = plans[0]?.id ?? '';
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
    await smtp.close();
    await robot.close();
  });

  it('reminds before July’s due date in the bell, by e-mail and by the unit’s robot', async () => {
    const planner = await as('planner');
    const { upcoming } = await planner<{ upcoming: { on: string; kind: string; periodLabel: string }[] }>(
      'GET',
      `/api/plans/${planId}/reminders`,
    );
    const next = upcoming.find((r) => r.kind === 'before' && r.on > today);
    expect(next?.periodLabel).toContain('7月');

    // One day by the banner's button, as the admin would; the rest by the same action over the API.
    const admin = await pageAs('admin');
    await admin.getByTestId('demo-clock').getByRole('button', { name: '前进 1 天' }).click();
    await admin.getByText(`演示日期：${addDays(today, 1)}`).waitFor({ timeout: 30_000 });
    today = addDays(today, 1);
    await admin.context().close();
    const mailsBefore = smtp.mails.length;
    const postsBefore = robot.posts.length;
    await advanceTo(next?.on ?? today);

    // The reminder itself (not a 督办 notice): its subject names July's due date.
    await expect
      .poll(
        () =>
          smtp.mails
            .slice(mailsBefore)
            .filter((m) => m.to === EMAIL)
            .map((m) => subjectOf(m.raw))
            .find((subject) => subject.includes('7月')),
        { timeout: 20_000 },
      )
      .toMatch(/7月\d+日/);
    await expect
      .poll(() => robot.posts.slice(postsBefore).filter((p) => p.signed).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(robot.posts.slice(postsBefore).every((p) => p.signed)).toBe(true);
    expect(JSON.stringify(robot.posts.slice(postsBefore))).toMatch(/医政医管科|体制改革科/);

    const page = await pageAs(REPORTER);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).not.toBe('通知（0 条未读）');
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.getByText(/7月/).first().waitFor();
    await shot(page, '90-year-reminder');
    await page.context().close();
  });

  let red: Notice;

  it('raises a yellow 督办单 for an unsent July report, red when unanswered, and the owning leader sees it', async () => {
    // Nobody reports July: three working days after its due date the overdue rule issues yellow notices.
    await advanceTo('2026-08-03');
    const planner = await as('planner');
    const open = (
      await planner<{ notices: Notice[] }>('GET', `/api/supervision?status=open&planId=${planId}`)
    ).notices;
    const yellow = open.find(
      (n) =>
        n.rule === 'overdue' &&
        n.level === 'yellow' &&
        n.reason.includes('7月') &&
        n.units.some((u) => u.name === '体制改革科'),
    );
    expect(yellow, JSON.stringify(open.map((n) => [n.rule, n.level, n.reason]))).toBeDefined();
    if (!yellow) return;

    // Its response date passes unanswered: the next day's run escalates it to red.
    await advanceTo(addDays(yellow.responseDue, 1));
    const climbed = (
      await planner<{ notice: Notice; history: Notice[] }>('GET', `/api/supervision/${yellow.id}`)
    ).history;
    expect(climbed.map((n) => [n.level, n.status])).toEqual([
      ['yellow', 'escalated'],
      ['red', 'issued'],
    ]);
    red = climbed[1] as Notice;

    const page = await pageAs('leader');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').getByText(red.number).first().click();
    await page.getByTestId('sup-drawer').waitFor();
    await page.getByTestId('sup-tag-red').first().waitFor();
    await page.getByTestId('sup-drawer').getByText(red.number).first().waitFor();
    await shot(page, '91-year-red-notice-leader');
    await page.context().close();
  });

  it('lets the unit sign and respond with its 整改措施, and the office close it; the 督办单 downloads', async () => {
    const reporter = await pageAs(REPORTER);
    await reporter.goto(`${server.url}/supervision?id=${red.id}`);
    await reporter.getByTestId('sup-sign').click();
    await expect.poll(() => reporter.getByTestId('sup-status').textContent()).toBe('已签收');
    await reporter.getByTestId('sup-text').fill('已补报7月进展，建立周调度机制，专人跟踪。');
    await reporter.getByTestId('sup-respond').click();
    await expect.poll(() => reporter.getByTestId('sup-status').textContent()).toBe('已反馈');
    await reporter.context().close();

    const office = await pageAs('planner');
    await office.goto(`${server.url}/supervision?id=${red.id}`);
    await office.getByText('已补报7月进展').first().waitFor();
    await office.getByTestId('sup-text').fill('整改到位，予以销号。');
    await office.getByTestId('sup-close').click();
    await expect.poll(() => office.getByTestId('sup-status').textContent()).toBe('已销号');
    const notice = await downloadedDocx(office, () => office.getByTestId('sup-download').click());
    expect(notice.name).toBe(`督办单${red.number}.docx`);
    expect(text(notice.xml)).toContain('督 办 单');
    expect(text(notice.xml)).toContain(red.number);
    expect(text(notice.xml)).toContain('红色督办');
    await shot(office, '92-year-notice-closed');
    await office.context().close();
  });

  it('raises a stale notice for a silent task whose deadline has not passed', async () => {
    const planner = await as('planner');
    const stale = (
      await planner<{ notices: Notice[] }>('GET', `/api/supervision?planId=${planId}`)
    ).notices.filter((n) => n.rule === 'stale');
    expect(stale.length).toBeGreaterThan(0);
    const plan = await planner<{ items: { id: string; deadline: string | null }[] }>(
      'GET',
      `/api/plans/${planId}`,
    );
    const deadlineOf = (id: string) => plan.items.find((i) => i.id === id)?.deadline ?? '2026-12-31';
    // Raised for silence alone: the task's own deadline (the year's end when it has none) was still ahead.
    const notDue = stale.find((n) => n.tasks.every((t) => deadlineOf(t.id) > n.issuedAt.slice(0, 10)));
    expect(notDue).toBeDefined();
    const page = await pageAs('planner');
    await page.goto(`${server.url}/supervision?id=${notDue?.id ?? ''}`);
    await page
      .getByTestId('sup-drawer')
      .getByText(/连续\d期/)
      .first()
      .waitFor();
    await page.context().close();
  });

  it('turns a task red when a milestone passes unconfirmed', async () => {
    const planner = await as('planner');
    type Task = { id: string; title: string; status: string; statusReason: string | null };
    const find = async () =>
      (await planner<{ tasks: Task[] }>('GET', `/api/tasks?planId=${planId}`)).tasks.find((t) =>
        t.title.includes('急诊急救'),
      );
    expect((await find())?.statusReason ?? '').not.toContain('站点建成');
    // 站点建成 was planned for 31 August, a month before the task's deadline; nobody confirms it.
    await advanceTo('2026-09-02');
    const task = await as('planner').then(async (call) =>
      (await call<{ tasks: Task[] }>('GET', `/api/tasks?planId=${planId}`)).tasks.find((t) =>
        t.title.includes('急诊急救'),
      ),
    );
    expect(task?.status).toBe('behind');
    expect(task?.statusReason).toContain('站点建成');
    const page = await pageAs('planner');
    await page.goto(`${server.url}/plans/${planId}/tasks/${task?.id ?? ''}`);
    await page
      .getByText(/里程碑“站点建成”/)
      .first()
      .waitFor();
    await page.getByText('滞后').first().waitFor();
    await shot(page, '93-year-milestone-red');
    await page.context().close();
  });

  it('ranks the units at the year’s end with every point explained, and downloads the 通报', async () => {
    await advanceTo('2026-12-28');
    const planner = await as('planner');
    const assessment = await planner<{
      units: { unitName: string; score: number; rank: number; lines: { points: number; text: string }[] }[];
    }>('GET', `/api/plans/${planId}/assessment`);
    expect(assessment.units.length).toBeGreaterThan(3);
    for (const u of assessment.units) {
      expect(
        u.lines.reduce((s, l) => s + l.points, 0),
        u.unitName,
      ).toBeCloseTo(u.score, 2);
      expect(
        u.lines.every((l) => /^[+−]\d/.test(l.text)),
        u.unitName,
      ).toBe(true);
    }
    const ranks = assessment.units.map((u) => u.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const page = await pageAs('planner');
    await page.goto(`${server.url}/assessment`);
    const ranking = page.getByTestId('assessment-ranking');
    const first = assessment.units[0];
    await ranking
      .getByText(first?.unitName ?? '')
      .first()
      .waitFor();
    await ranking.locator('.ant-table-row-expand-icon').first().click();
    await ranking
      .getByText(first?.lines[0]?.text ?? '')
      .first()
      .waitFor();
    await shot(page, '94-year-assessment');

    await page.goto(`${server.url}/plans/${planId}`);
    await page.getByRole('button', { name: /生成通报/ }).click();
    const bulletin = await downloadedDocx(page, () =>
      page.getByRole('button', { name: /生成并下载/ }).click(),
    );
    expect(bulletin.name).toMatch(/^关于.*落实情况的通报\.docx$/);
    expect(text(bulletin.xml)).toContain(bulletin.name.replace(/\.docx$/, ''));
    await page.context().close();
  });
});
